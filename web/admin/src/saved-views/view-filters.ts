import type { SavedViewKind, ViewFilters } from '../api/saved-views.ts';
import { CHANNEL_KEYS, STATUS_KEYS } from '../conversations/labels.ts';
import type { MessageKey } from '../i18n/messages-en.ts';
import type { Translate } from '../i18n/use-t.ts';
import { PRIORITY_KEYS, SORT_KEYS, TICKET_STATUS_KEYS } from '../tickets/labels.ts';

/** Only the parameters that filter: what a list puts in its URL and what a saved view stores. */
export function compactFilters(
  params: Record<string, string | number | boolean | null | undefined>,
): ViewFilters {
  const kept: ViewFilters = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    kept[key] = typeof value === 'boolean' ? String(value) : value;
  }
  return kept;
}

/** The same string for the same filters, whatever their order or types (to mark the view in use). */
export const filtersKey = (filters: ViewFilters): string =>
  Object.entries(filters)
    .map(([key, value]) => `${key}=${String(value)}`)
    .sort()
    .join('&');

const LABEL_KEYS: Record<string, MessageKey> = {
  status: 'views.filter.status',
  channel: 'views.filter.channel',
  hasDrafts: 'views.filter.hasDrafts',
  q: 'views.filter.q',
  expiresWithinDays: 'views.filter.expiresWithinDays',
  priority: 'views.filter.priority',
  category: 'views.filter.category',
  sort: 'views.filter.sort',
};

/** The words for a parameter's values, where the list shows them in words. */
function valueKeys(kind: SavedViewKind, param: string): Record<string, MessageKey> | undefined {
  if (param === 'status') return kind === 'tickets' ? TICKET_STATUS_KEYS : STATUS_KEYS;
  if (param === 'channel') return CHANNEL_KEYS;
  if (param === 'priority') return PRIORITY_KEYS;
  if (param === 'sort') return SORT_KEYS;
  if (param === 'hasDrafts') return { true: 'views.filter.yes' };
  return undefined;
}

/** A value as the list labels it, lower-cased inside the sentence ("high", "høy"); else as stored. */
function valueText(kind: SavedViewKind, param: string, value: string | number, t: Translate): string {
  const keys = valueKeys(kind, param);
  const key = keys && Object.hasOwn(keys, value) ? keys[value] : undefined;
  return key ? t(key).toLowerCase() : String(value);
}

/** "Status: resolved · Channel: gmail" in the UI's language, or null when nothing is filtered. */
export function describeFilters(filters: ViewFilters, kind: SavedViewKind, t: Translate): string | null {
  const parts = Object.entries(filters).map(([param, value]) =>
    t('views.filter.part', {
      label: Object.hasOwn(LABEL_KEYS, param) ? t(LABEL_KEYS[param]!) : param,
      value: valueText(kind, param, value, t),
    }),
  );
  return parts.length > 0 ? parts.join(' · ') : null;
}
