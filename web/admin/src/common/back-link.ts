/** Where a detail page's "back" link goes: its list with the filters it was opened from (history state). */
export function backLink(state: unknown, listPath: string): string {
  const search = (state as { listSearch?: unknown } | null)?.listSearch;
  return typeof search === 'string' && search.startsWith('?') ? `${listPath}${search}` : listPath;
}
