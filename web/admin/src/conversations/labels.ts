import type { Channel, ConversationStatus, MessageRole } from '../api/types.ts';
import { en, type MessageKey } from '../i18n/messages-en.ts';
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

/** A readable label for a value outside the known set (newer server, older client). */
export const labelOf = <K extends string>(labels: Record<K, string>, value: string): string =>
  (Object.hasOwn(labels, value) ? (labels as Record<string, string>)[value] : undefined) ??
  value.charAt(0).toUpperCase() + value.slice(1).replaceAll('_', ' ');

/** `value`'s label in the current language, from its key in `keys`; a value outside them, tidied. */
export function labelIn<K extends string>(t: Translate, keys: Record<K, MessageKey>, value: string): string {
  return Object.hasOwn(keys, value) ? t((keys as Record<string, MessageKey>)[value]!) : labelOf({}, value);
}

/** The English labels of `keys`, for code that does not translate yet. */
export const englishLabels = <K extends string>(keys: Record<K, MessageKey>): Record<K, string> =>
  Object.fromEntries(
    Object.entries<MessageKey>(keys).map(([value, key]) => [value, String(en[key])]),
  ) as Record<K, string>;

export const STATUS_LABELS = englishLabels(STATUS_KEYS);
export const CHANNEL_LABELS = englishLabels(CHANNEL_KEYS);
export const ROLE_LABELS = englishLabels(ROLE_KEYS);
