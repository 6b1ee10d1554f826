import type {
  ConversationStatus,
  CustomerIntro,
  History,
  OutboxItem,
  Session,
  WidgetConfig,
  WidgetMessage,
} from '../types.ts';

/** Everything the widget shows, as one immutable snapshot. */
export type ChatState = {
  config: WidgetConfig;
  session: Session | null;
  /** Stored messages, in conversation order (seq). */
  messages: WidgetMessage[];
  /** The AI reply being generated, shown as a provisional bubble until its stored message arrives. */
  streaming: { replyTo: string; text: string } | null;
  /** The customer spoke last and an answer is expected: show the typing indicator. */
  awaitingReply: boolean;
  status: ConversationStatus;
  rating: History['rating'];
  ratingState: 'idle' | 'sending' | 'error';
  outbox: OutboxItem[];
  draft: string;
  intro: CustomerIntro;
  open: boolean;
  /** Answers that arrived while the panel was closed. */
  unread: number;
  online: boolean;
  /** A gentle note above the composer (rate limits, a chat that cannot start). */
  notice: string | null;
};

export const DEFAULT_CONFIG: WidgetConfig = {
  shopName: 'Support',
  greeting: 'Hi! How can we help you today?',
  accentColor: '#2f5d50',
  ratingsEnabled: true,
};

/** Messages ordered by seq, with `message` added or replacing the stored copy with its id. */
export function upsertMessage(messages: WidgetMessage[], message: WidgetMessage): WidgetMessage[] {
  const next = messages.filter((m) => m.id !== message.id);
  next.push(message);
  // Stable sort: messages from a server without seq keep the order they came in.
  return next.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

/** The highest seq among the messages (0 for none). */
export function lastSeqOf(messages: WidgetMessage[]): number {
  return messages.reduce((max, m) => Math.max(max, Number(m.seq) || 0), 0);
}

/**
 * Queued messages still to show as pending bubbles: one whose stored copy already came through the
 * stream (the POST's answer is still on its way, or was lost) is hidden so it never shows twice.
 */
export function pendingBubbles(outbox: OutboxItem[], messages: WidgetMessage[]): OutboxItem[] {
  const matched = new Set<string>();
  return outbox.filter((item) => {
    const stored = messages.find(
      (m) =>
        m.role === 'customer' &&
        !matched.has(m.id) &&
        (Number(m.seq) || 0) > item.afterSeq &&
        m.text === item.text.trim(),
    );
    if (!stored || item.state === 'failed') return true;
    matched.add(stored.id);
    return false;
  });
}

/** A random id for a message the customer sends (random UUID where available, else 128 random bits). */
export function newClientMessageId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
