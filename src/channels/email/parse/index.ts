export { htmlToText } from './html-to-text.ts';
export { DEFAULT_MAX_ATTACHMENT_BYTES, parseEmail } from './parse-email.ts';
export { type SanitizedHtml, sanitizeEmailHtml } from './sanitize-email-html.ts';
export { stripQuotedReply } from './strip-quoted-reply.ts';
export type { AuthResult, EmailAttachment, EmailAuth, ParsedEmail, ParseEmailOptions } from './types.ts';
