import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';

export type OutgoingMail = {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
  /** Message-ID to set (e.g. `<ticket-reply-…@host>`), so a resend threads and dedupes as the same mail. */
  messageId?: string;
  inReplyTo?: string;
  references?: string | string[];
  headers?: Record<string, string>;
};

export type Mailer = {
  /** The From address mails go out with. */
  from: string;
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
};

export type MailerConfig = {
  /** smtp:// or smtps:// URL; unset = write .eml files to `<dataDir>/outbox/`. */
  smtpUrl: string | undefined;
  from: string;
  dataDir: string;
};

type Log = Pick<FastifyBaseLogger, 'info'>;

/** The domain of the From address, for Message-IDs. */
export function senderDomain(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
}

/** Outbound mail: SMTP when configured, otherwise an .eml file per message (so offline setups work). */
export function createMailer(config: MailerConfig, log: Log): Mailer {
  if (config.smtpUrl) {
    // Bounded waits: a dead server fails the job (and it retries) instead of holding a worker for minutes.
    const transport = nodemailer.createTransport(
      { url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
      { from: config.from },
    );
    return {
      from: config.from,
      async send(mail) {
        const info = await transport.sendMail(mail);
        // One line, no addresses or bodies.
        log.info({ messageId: info.messageId }, 'mail sent over SMTP');
        return { messageId: info.messageId };
      },
      close: () => transport.close(),
    };
  }
  const outbox = path.join(config.dataDir, 'outbox');
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    from: config.from,
    async send(mail) {
      const info = await transport.sendMail({ from: config.from, ...mail });
      await fs.mkdir(outbox, { recursive: true });
      const file = `${new Date().toISOString().replaceAll(':', '-')}-${randomBytes(4).toString('hex')}.eml`;
      await fs.writeFile(path.join(outbox, file), info.message as Buffer);
      log.info({ messageId: info.messageId, file }, 'mail written to the outbox (SMTP_URL is unset)');
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
