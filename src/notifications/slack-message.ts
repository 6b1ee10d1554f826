import { REASON_WORDS, type TicketSummary } from './ticket-summary.ts';

export type NoticeKind = 'created' | 'urgent';

/** Slack mrkdwn control characters as entities, so `<!channel>` or `<https://x|y>` arrive as plain text. */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** On one line: a name with line breaks cannot add fields or quotes of its own. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * A mrkdwn text object that Slack shows as written: `verbatim` turns off its automatic parsing (links made
 * of bare URLs, linked channel names, mentions), so an escaped customer value stays plain text.
 */
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text, verbatim: true });

export function noticeTitle(kind: NoticeKind, number: number): string {
  return `${kind === 'urgent' ? 'Urgent ticket' : 'New ticket'} #${number}`;
}

function customerLine(t: TicketSummary): string {
  const name = t.customerName && oneLine(t.customerName);
  const email = t.customerEmail && oneLine(t.customerEmail);
  if (name && email) return `${name} (${email})`;
  return name || email || 'Anonymous visitor';
}

/** A Block Kit message about a ticket; every customer-supplied value escaped. */
export function slackTicketMessage(t: TicketSummary, link: string, kind: NoticeKind) {
  const title = noticeTitle(kind, t.number);
  const customer = escapeMrkdwn(clip(customerLine(t), 300));
  const category = escapeMrkdwn(clip(t.category, 100));
  return {
    text: `${title} from ${customer}: ${category} (${t.priority})`,
    blocks: [
      // plain_text is never parsed for links or mentions; the category is the shop's own word.
      {
        type: 'header',
        text: { type: 'plain_text', text: clip(`${title}: ${t.category}`, 150), emoji: false },
      },
      {
        type: 'section',
        fields: [
          mrkdwn(`*Customer*\n${customer}`),
          mrkdwn(`*Category*\n${category}`),
          mrkdwn(`*Priority*\n${escapeMrkdwn(t.priority)}`),
          mrkdwn(`*Reason*\n${escapeMrkdwn(REASON_WORDS[t.reason] ?? t.reason)}`),
        ],
      },
      ...(t.preview ? [{ type: 'section', text: mrkdwn(`>${escapeMrkdwn(oneLine(t.preview))}`) }] : []),
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            text: { type: 'plain_text', text: `Open ticket #${t.number}` },
            url: link,
            style: 'primary',
          },
        ],
      },
    ],
  };
}

/** What the Settings "send test" button posts. */
export function slackTestMessage() {
  const text = 'Supportify test notification: new tickets will be posted to this channel.';
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
