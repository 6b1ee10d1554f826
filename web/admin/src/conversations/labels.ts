import type { Channel, ConversationStatus, MessageRole } from '../api/types.ts';
import type { MessageKey } from '../i18n/messages-en.ts';
import type { Translate } from '../i18n/use-t.ts';

export const STATUS_KEYS = {
  unresolved: 'conversation.status.unresolved',
  resolved: 'conversation.status.resolved',
  draft: 'conversation.status.draft',
} as const satisfies Record<ConversationStatus, MessageKey>;

export const STATUS_COLORS: Record<ConversationStatus, string> = {
  unresolved: 'orange',
  resolved: 'teal',
  draft: 'violet',
};

export const CHANNEL_KEYS = {
  widget: 'conversation.channel.widget',
  gmail: 'conversation.channel.gmail',
  outlook: 'conversation.channel.outlook',
  email: 'conversation.channel.email',
  api: 'conversation.channel.api',
} as const satisfies Record<Channel, MessageKey>;

export const ROLE_KEYS = {
  customer: 'conversation.role.customer',
  ai: 'conversation.role.ai',
  staff: 'conversation.role.staff',
  system: 'conversation.role.system',
} as const satisfies Record<MessageRole, MessageKey>;

/** `value`'s label in the current language, from its key in `keys`; a value outside them (newer server, older client), tidied. */
export function labelIn<K extends string>(t: Translate, keys: Record<K, MessageKey>, value: string): string {
  if (Object.hasOwn(keys, value)) return t((keys as Record<string, MessageKey>)[value]!);
  return value.charAt(0).toUpperCase() + value.slice(1).replaceAll('_', ' ');
}
