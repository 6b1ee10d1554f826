import type { ViewFilters } from '../api/saved-views.ts';

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

const LABELS: Record<string, string> = {
  status: 'Status',
  channel: 'Channel',
  hasDrafts: 'Has drafts',
  q: 'Search',
  expiresWithinDays: 'Expires within (days)',
  priority: 'Priority',
  category: 'Category',
  sort: 'Sort',
};

/** "Status: resolved · Channel: gmail", or null when nothing is filtered. */
export function describeFilters(filters: ViewFilters): string | null {
  const parts = Object.entries(filters).map(([key, value]) => `${LABELS[key] ?? key}: ${value}`);
  return parts.length > 0 ? parts.join(' · ') : null;
}
