import escapeHtml from 'escape-html';
import { type NoticeKind, noticeTitle } from './slack-message.ts';
import { REASON_WORDS, type TicketSummary } from './ticket-summary.ts';

/** Whitespace runs (line breaks too) as one space: a value cannot add lines or headers of its own. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The new-ticket email for staff: subject, plain text, and HTML with every value escaped. */
export function ticketEmail(t: TicketSummary, link: string, kind: NoticeKind) {
  const customer = [
    t.customerName && oneLine(t.customerName),
    t.customerEmail && `<${oneLine(t.customerEmail)}>`,
  ]
    .filter(Boolean)
    .join(' ');
  const rows: Array<[string, string]> = [
    ['Customer', customer || 'Anonymous visitor'],
    ['Category', t.category],
    ['Priority', t.priority],
    ['Reason', REASON_WORDS[t.reason] ?? t.reason],
  ];
  const subject = oneLine(`${noticeTitle(kind, t.number)}: ${t.category} (${t.priority})`);
  const text = [
    `${noticeTitle(kind, t.number)}`,
    '',
    ...rows.map(([k, v]) => `${k}: ${v}`),
    ...(t.preview ? ['', `"${t.preview}"`] : []),
    '',
    `Open the ticket: ${link}`,
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;font-size:14px;color:#222">',
    `<h2 style="font-size:18px">${escapeHtml(noticeTitle(kind, t.number))}</h2>`,
    '<table cellpadding="4" style="border-collapse:collapse">',
    ...rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`),
    '</table>',
    t.preview
      ? `<blockquote style="border-left:3px solid #ccc;margin:12px 0;padding-left:8px">${escapeHtml(t.preview)}</blockquote>`
      : '',
    `<p><a href="${escapeHtml(link)}">Open ticket #${t.number}</a></p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

/** What the Settings "send test" button emails. */
export function testEmail() {
  const text = 'Supportify test notification: new tickets will be emailed to this address.';
  return { subject: 'Supportify test notification', text, html: `<p>${escapeHtml(text)}</p>` };
}
