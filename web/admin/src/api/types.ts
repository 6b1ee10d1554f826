export const CONVERSATION_STATUSES = ['unresolved', 'resolved', 'draft'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const CHANNELS = ['widget', 'gmail', 'outlook', 'email', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];

export type MessageRole = 'customer' | 'ai' | 'staff' | 'system';

export type Me = {
  user: { id: string; email: string; name: string; role: string; locale: string };
  shop: { id: string; name: string };
};

export type Customer = { name: string | null; email: string | null };

export type ConversationListItem = {
  id: string;
  status: ConversationStatus;
  customer: Customer;
  channel: Channel;
  startedAt: string;
  lastMessageAt: string;
  /** When the retention purge deletes it. */
  expiresAt: string;
  preview: string;
  hasDraft: boolean;
};

export type ConversationList = { items: ConversationListItem[]; nextCursor: string | null };

export type TextPart = { type: 'text'; text: string };
export type ToolCallPart = { type: 'tool-call'; toolCallId: string; toolName: string; input: unknown };
export type ToolResultPart = { type: 'tool-result'; toolCallId: string; toolName: string; output: unknown };
export type MessagePart = TextPart | ToolCallPart | ToolResultPart;

export type EmailDeliveryStatus = 'pending' | 'sent' | 'failed';

/** An outbound email's delivery: pending (queued or retrying), sent, or failed after the last try. */
export type MessageEmailDelivery = {
  status: EmailDeliveryStatus;
  error: string | null;
  attempts: number;
  sentAt: string | null;
};

export type EmailAttachment = { id: string; filename: string | null; contentType: string; size: number };

/** The email side of a message: headers, the sanitized HTML (inbound), the full text, delivery (outbound). */
export type EmailInfo = {
  id: string;
  direction: 'in' | 'out';
  subject: string;
  from: string | null;
  to: string[];
  /** Sanitized by the server (no scripts, handlers or javascript: URLs; remote images in `data-blocked-src`). */
  html: string | null;
  /** The whole text as received or sent, quoted part included. */
  originalText: string | null;
  hasRemoteImages: boolean;
  verifiedSender: boolean;
  delivery: MessageEmailDelivery | null;
  attachments: EmailAttachment[];
};

/** `email` is set on messages that came or went by email (absent in ticket threads). */
export type Message = {
  id: string;
  role: MessageRole;
  parts: MessagePart[];
  createdAt: string;
  email?: EmailInfo | null;
};

export type Draft = { id: string; body: string; createdAt: string; updatedAt: string };
export type DraftStatus = 'pending' | 'sent' | 'discarded';
/** The answer of `PUT …/draft` and `POST …/draft/send`. */
export type DraftResult = Draft & { status: DraftStatus };

export type LinkedTicket = {
  number: number;
  status: string;
  priority: string;
  category: string;
  reason: string;
  createdAt: string;
};

export type Rating = { rating: 'good' | 'bad'; comment: string | null; createdAt: string };

export type ConversationDetail = Omit<ConversationListItem, 'preview'> & {
  channelName: string | null;
  subject: string | null;
  messages: Message[];
  draft: Draft | null;
  tickets: LinkedTicket[];
  rating: Rating | null;
};

export type ConversationFilters = {
  status?: ConversationStatus;
  channel?: Channel;
  hasDrafts?: boolean;
  q?: string;
  /** Only conversations the retention purge deletes within this many days (1–90). */
  expiresWithinDays?: number;
};
