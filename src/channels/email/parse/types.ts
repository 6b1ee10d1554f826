export type AuthResult = 'pass' | 'fail' | 'none';

export type EmailAuth = {
  dkim: AuthResult;
  spf: AuthResult;
  dmarc: AuthResult;
  /** The receiving server vouches for the From address: dmarc=pass, or an aligned dkim/spf pass. */
  verifiedSender: boolean;
};

export type EmailAttachment = {
  filename: string | null;
  /** Lower-cased MIME type. */
  contentType: string;
  /** Decoded size in bytes, also when the content was not kept. */
  size: number;
  /** null when the attachment is larger than `maxAttachmentBytes`. */
  content: Buffer | null;
  /** Shown in the body (Content-Disposition inline, or a part of multipart/related with a Content-ID). */
  inline: boolean;
  /** Content-ID without angle brackets, what `cid:` image sources in the HTML refer to. */
  contentId: string | null;
};

export type ParsedEmail = {
  /** Without angle brackets. */
  messageId: string | null;
  /** Without angle brackets. */
  inReplyTo: string | null;
  /** Without angle brackets, in header order, duplicates dropped. */
  references: string[];
  /** '' when missing. */
  subject: string;
  /** Address lower-cased; name null when the header has none. */
  from: { name: string | null; address: string } | null;
  /** Addresses, lower-cased. */
  to: string[];
  cc: string[];
  date: Date | null;
  /** What the customer newly wrote: the quoted reply and the signature stripped, trimmed. */
  text: string;
  /** The whole plain text: the text/plain body, or derived from the HTML when there is none. */
  fullText: string;
  /** Sanitized HTML (remote images blocked), or null when the message has no HTML part. */
  html: string | null;
  /** The HTML referenced remote images (blocked in `html`). */
  hasRemoteImages: boolean;
  attachments: EmailAttachment[];
  auth: EmailAuth;
  /** A few headers by lower-cased name (first value): x-supportify-*, auto-reply and list markers. */
  headers: Record<string, string>;
};

export type ParseEmailOptions = {
  /** Attachments up to this size keep their content; larger ones keep only metadata. Default 5 MB. */
  maxAttachmentBytes?: number;
  /**
   * authserv-ids (the first token of Authentication-Results) of the receiving servers to trust.
   * When given, the topmost Authentication-Results header counts only if it carries one of them.
   */
  trustedAuthServIds?: string[];
};
