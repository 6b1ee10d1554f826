// Mail for the browser tests: deliver a raw message to the product's inbound SMTP listener (as a mail
// server would), and read what it sent from its outbox directory (.eml files when SMTP_URL is unset).
import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';

/** Delivers `raw` (RFC 5322, CRLF line ends) to the listener on 127.0.0.1:`port` for `to`. */
export async function deliverEmail(port: number, raw: string, to: string, from: string): Promise<void> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ envelope: { from, to: [to] }, raw });
  } finally {
    transport.close();
  }
}

/** The .eml files in `<dataDir>/outbox/` (none yet: empty), with their text. */
export function readOutbox(dataDir: string): Array<{ file: string; text: string }> {
  const dir = path.join(dataDir, 'outbox');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.eml'))
    .map((file) => ({ file, text: fs.readFileSync(path.join(dir, file), 'utf8') }));
}

/** One MIME message with a text part, an HTML part and attachments, as a mail client would write it. */
export function multipartEmail(m: {
  from: string;
  to: string;
  subject: string;
  messageId: string;
  /** Prepended as the receiving server would (it decides "Verified sender"). */
  authenticationResults?: string;
  text: string;
  html: string;
  attachments: Array<{ filename: string; contentType: string; content: Buffer }>;
}): string {
  const mixed = 'mixed-e2e-7f3a';
  const alt = 'alt-e2e-7f3a';
  const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');
  const lines = [
    ...(m.authenticationResults ? [`Authentication-Results: ${m.authenticationResults}`] : []),
    `From: ${m.from}`,
    `To: ${m.to}`,
    `Subject: ${m.subject}`,
    `Message-ID: <${m.messageId}>`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${mixed}"`,
    '',
    `--${mixed}`,
    `Content-Type: multipart/alternative; boundary="${alt}"`,
    '',
    `--${alt}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    crlf(m.text),
    '',
    `--${alt}`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    crlf(m.html),
    '',
    `--${alt}--`,
    '',
  ];
  for (const file of m.attachments) {
    const base64 = file.content.toString('base64').replace(/.{76}/g, '$&\r\n');
    lines.push(
      `--${mixed}`,
      `Content-Type: ${file.contentType}; name="${file.filename}"`,
      `Content-Disposition: attachment; filename="${file.filename}"`,
      'Content-Transfer-Encoding: base64',
      '',
      base64,
      '',
    );
  }
  lines.push(`--${mixed}--`, '');
  return lines.join('\r\n');
}
