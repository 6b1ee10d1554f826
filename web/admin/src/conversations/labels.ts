import type { Channel, ConversationStatus, MessageRole } from '../api/types.ts';

export const STATUS_LABELS: Record<ConversationStatus, string> = {
  unresolved: 'Unresolved',
  resolved: 'Resolved',
  draft: 'Draft',
};

export const STATUS_COLORS: Record<ConversationStatus, string> = {
  unresolved: 'orange',
  resolved: 'teal',
  draft: 'violet',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  widget: 'Widget',
  gmail: 'Gmail',
  outlook: 'Outlook',
  email: 'Email',
  api: 'API',
};

export const ROLE_LABELS: Record<MessageRole, string> = {
  customer: 'Customer',
  ai: 'AI',
  staff: 'Staff',
  system: 'System',
};

/** A readable label for a value outside the known set (newer server, older client). */
export const labelOf = <K extends string>(labels: Record<K, string>, value: string): string =>
  (labels as Record<string, string>)[value] ??
  value.charAt(0).toUpperCase() + value.slice(1).replaceAll('_', ' ');
