import { useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import {
  CHANNELS,
  type Channel,
  CONVERSATION_STATUSES,
  type ConversationFilters,
  type ConversationStatus,
} from '../../api/types.ts';
import { oneOf } from '../../common/one-of.ts';

/** History-entry state of a list page: the cursors of the pages before it, for "Previous page". */
type PagerState = { cursorStack?: string[] };

const FILTER_KEYS = ['status', 'channel', 'hasDrafts', 'q', 'expiresWithinDays'] as const;

function readFilters(params: URLSearchParams): ConversationFilters {
  return {
    status: oneOf<ConversationStatus>(CONVERSATION_STATUSES, params.get('status')),
    channel: oneOf<Channel>(CHANNELS, params.get('channel')),
    hasDrafts: params.get('hasDrafts') === 'true' || undefined,
    q: params.get('q')?.trim() || undefined,
    expiresWithinDays: readDays(params.get('expiresWithinDays')),
  };
}

/** A whole number of days the server accepts (1–90), else no filter. */
function readDays(value: string | null): number | undefined {
  const days = Number(value);
  return value && Number.isInteger(days) && days >= 1 && days <= 90 ? days : undefined;
}

function readStack(state: unknown): string[] {
  const stack = (state as PagerState | null)?.cursorStack;
  return Array.isArray(stack) ? stack.filter((c) => typeof c === 'string') : [];
}

/**
 * The list's filters and page cursor, kept in the URL (`?status=draft&channel=gmail&hasDrafts=true&q=foo&expiresWithinDays=7&cursor=…`)
 * so links share and Back/Forward work; earlier cursors ride along in the history entry's state.
 */
export function useListParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const search = searchParams.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `search` is the params' stable identity.
  const filters = useMemo(() => readFilters(searchParams), [search]);
  const cursor = searchParams.get('cursor') || null;
  const cursorStack = readStack(location.state);
  const hasFilters = FILTER_KEYS.some((key) => searchParams.has(key));

  /** Changes filters and goes back to the first page. */
  function setFilters(patch: Partial<ConversationFilters>) {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === '' || value === false) next.delete(key);
      else next.set(key, String(value));
    }
    next.delete('cursor');
    setSearchParams(next);
  }

  function clearFilters() {
    setSearchParams(new URLSearchParams());
  }

  function goToCursor(target: string | null, stack: string[]) {
    const next = new URLSearchParams(searchParams);
    if (target) next.set('cursor', target);
    else next.delete('cursor');
    setSearchParams(next, { state: { cursorStack: stack } satisfies PagerState });
  }

  /** Next page: remember where this page started. */
  function nextPage(nextCursor: string) {
    goToCursor(nextCursor, [...cursorStack, cursor ?? '']);
  }

  /** Previous page; a shared link to a later page has no stack, so it falls back to the first page. */
  function previousPage() {
    const previous = cursorStack.at(-1) ?? '';
    goToCursor(previous || null, cursorStack.slice(0, -1));
  }

  function firstPage() {
    goToCursor(null, []);
  }

  // Page number is only known when we walked here from the first page.
  const pageNumber = cursor === null ? 1 : cursorStack.length > 0 ? cursorStack.length + 1 : null;

  return {
    filters,
    cursor,
    hasFilters,
    pageNumber,
    setFilters,
    clearFilters,
    nextPage,
    previousPage,
    firstPage,
    listSearch: location.search,
  };
}
