import escapeHtml from 'escape-html';
import nodemailer from 'nodemailer';
import type { Mailer, OutgoingMail } from '../../mail/mailer.ts';
import { createGmailClient } from './gmail/index.ts';
import { createGraphClient } from './outlook/index.ts';
import { ZGmailConfig, ZOutlookConfig } from './provider-config.ts';

export type OutboundEmail = {
  to: string;
  from: string | null;
  subject: string;
  text: string;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
};

/** Where the answer goes out: the channel's own API when it is connected, SMTP otherwise. */
export type ChannelRoute = {
  type: string;
  config: Record<string, unknown>;
  /** The newest inbound mail's provider ids (Gmail thread, Graph message) to reply in. */
  threadKey: string | null;
  providerId: string | null;
};

const angle = (id: string) => `<${id}>`;

function toMail(mail: OutboundEmail): OutgoingMail {
  return {
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: `<div style="white-space:pre-wrap;font-family:sans-serif">${escapeHtml(mail.text)}</div>`,
    messageId: angle(mail.messageId),
    inReplyTo: mail.inReplyTo ? angle(mail.inReplyTo) : undefined,
    references: mail.references.map(angle),
    headers: mail.from ? { 'Reply-To': mail.from } : undefined,
  };
}

/** The whole MIME message, as Gmail's messages.send wants it. */
async function buildMime(mail: OutboundEmail, from: string): Promise<Buffer> {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'crlf' });
  const info = await composer.sendMail({ ...toMail(mail), from });
  return info.message as Buffer;
}

/**
 * Sends an email answer: through the Gmail API into the customer's thread, as a Graph reply to their
 * message, or over SMTP (also the fallback for channels without API credentials, e.g. the demo's).
 */
export async function sendThroughChannel(
  mailer: Mailer,
  route: ChannelRoute,
  mail: OutboundEmail,
): Promise<void> {
  const gmail = route.type === 'gmail' ? ZGmailConfig.safeParse(route.config) : null;
  if (gmail?.success) {
    const client = createGmailClient({
      baseUrl: gmail.data.apiBaseUrl,
      getAccessToken: async () => gmail.data.accessToken,
    });
    await client.sendRaw(await buildMime(mail, gmail.data.address), route.threadKey ?? undefined);
    return;
  }
  const outlook = route.type === 'outlook' ? ZOutlookConfig.safeParse(route.config) : null;
  if (outlook?.success && route.providerId) {
    const client = createGraphClient({
      baseUrl: outlook.data.apiBaseUrl,
      mailbox: outlook.data.mailbox,
      getAccessToken: async () => outlook.data.accessToken,
    });
    // Graph threads the reply itself (and picks its Message-ID); the customer's answer threads by conversationId.
    await client.replyToMessage(route.providerId, { comment: mail.text });
    return;
  }
  await mailer.send(toMail(mail));
}
