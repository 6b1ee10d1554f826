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
  preview: string;
  hasDraft: boolean;
};

export type ConversationList = { items: ConversationListItem[]; nextCursor: string | null };

export type TextPart = { type: 'text'; text: string };
export type ToolCallPart = { type: 'tool-call'; toolCallId: string; toolName: string; input: unknown };
export type ToolResultPart = { type: 'tool-result'; toolCallId: string; toolName: string; output: unknown };
export type MessagePart = TextPart | ToolCallPart | ToolResultPart;

export type Message = { id: string; role: MessageRole; parts: MessagePart[]; createdAt: string };

export type Draft = { id: string; body: string; createdAt: string; updatedAt: string };

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
};
