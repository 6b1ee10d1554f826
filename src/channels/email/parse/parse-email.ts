import type { Attachment, Header } from 'postal-mime';
import { addressList, sender } from './addresses.ts';
import { checkAuthResults } from './auth-results.ts';
import { CharsetFallbackParser, fixHeaderCharset } from './charset.ts';
import { htmlToText } from './html-to-text.ts';
import { firstMessageId, messageIds } from './message-ids.ts';
import { sanitizeEmailHtml } from './sanitize-email-html.ts';
import { stripQuotedReply } from './strip-quoted-reply.ts';
import type { EmailAttachment, ParsedEmail, ParseEmailOptions } from './types.ts';

export const DEFAULT_MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

// Headers the email channel reads beyond the parsed fields: our own markers, auto-reply and mailing
// list signals (loop protection), reply routing and Outlook threading.
const KEPT_HEADERS = new Set(
  `auto-submitted precedence list-id list-unsubscribe x-auto-response-suppress x-autoreply x-autorespond
   x-failed-recipients reply-to return-path delivered-to thread-index thread-topic`.split(/\s+/),
);

function keptHeaders(headers: Header[]): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const { key, value } of headers) {
    if ((KEPT_HEADERS.has(key) || key.startsWith('x-supportify-')) && !Object.hasOwn(kept, key)) {
      kept[key] = value;
    }
  }
  return kept;
}

function toBuffer(content: Attachment['content']): Buffer {
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  if (content instanceof ArrayBuffer) return Buffer.from(content);
  return Buffer.from(content.buffer, content.byteOffset, content.byteLength);
}

function attachment(part: Attachment, maxBytes: number): EmailAttachment {
  const content = toBuffer(part.content);
  return {
    filename: part.filename,
    contentType: part.mimeType,
    size: content.byteLength,
    content: content.byteLength <= maxBytes ? content : null,
    inline: part.disposition === 'inline' || part.related === true,
    contentId: part.contentId?.trim().replace(/^<|>$/g, '') || null,
  };
}

function toDate(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * A raw RFC 5322 message as the email channel stores it: threading ids, addresses, the customer's new
 * text, sanitized HTML, attachments (content kept up to `maxAttachmentBytes`) and the receiving
 * server's verdict on the sender. Rejects only when postal-mime does (nesting or header size limits).
 */
export async function parseEmail(
  raw: Buffer | Uint8Array | string,
  options: ParseEmailOptions = {},
): Promise<ParsedEmail> {
  const limit = options.maxAttachmentBytes;
  const maxBytes =
    limit !== undefined && Number.isFinite(limit) && limit >= 0 ? limit : DEFAULT_MAX_ATTACHMENT_BYTES;
  const bytes = fixHeaderCharset(typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw);
  const email = await new CharsetFallbackParser().parse(bytes);

  const sanitized = email.html === undefined ? null : sanitizeEmailHtml(email.html);
  const plain = (email.text ?? '').replace(/\r\n?/g, '\n').trim();
  const fullText = plain || (sanitized ? htmlToText(sanitized.html) : '');
  const from = sender(email.from);
  const authHeaders = email.headers.filter((h) => h.key === 'authentication-results').map((h) => h.value);

  return {
    messageId: firstMessageId(email.messageId),
    inReplyTo: firstMessageId(email.inReplyTo),
    references: messageIds(email.references),
    subject: email.subject?.trim() ?? '',
    from,
    to: addressList(email.to),
    cc: addressList(email.cc),
    date: toDate(email.date),
    text: stripQuotedReply(fullText),
    fullText,
    html: sanitized?.html ?? null,
    hasRemoteImages: sanitized?.hasRemoteImages ?? false,
    attachments: email.attachments.map((part) => attachment(part, maxBytes)),
    auth: checkAuthResults(authHeaders, from?.address ?? null, options.trustedAuthServIds),
    headers: keptHeaders(email.headers),
  };
}
