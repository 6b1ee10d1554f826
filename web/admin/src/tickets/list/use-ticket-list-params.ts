import { useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import {
  TICKET_PRIORITIES,
  TICKET_SORTS,
  TICKET_STATUSES,
  type TicketFilters,
  type TicketPriority,
  type TicketSort,
  type TicketStatus,
} from '../../api/ticket-types.ts';
import { oneOf } from '../../common/one-of.ts';

const FILTER_KEYS = ['priority', 'category', 'q'] as const;

function readFilters(params: URLSearchParams): TicketFilters {
  return {
    status: oneOf<TicketStatus>(TICKET_STATUSES, params.get('status')),
    priority: oneOf<TicketPriority>(TICKET_PRIORITIES, params.get('priority')),
    category: params.get('category')?.trim() || undefined,
    q: params.get('q')?.trim() || undefined,
    sort: oneOf<TicketSort>(TICKET_SORTS, params.get('sort')),
  };
}

/**
 * The ticket list's status tab, filters and sort, kept in the URL
 * (`?status=new&priority=urgent&category=Shipping&q=…&sort=priority`) so links share and Back works.
 */
export function useTicketListParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const search = searchParams.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `search` is the params' stable identity.
  const filters = useMemo(() => readFilters(searchParams), [search]);
  // Status has its own tabs; "filters" here are what "Clear filters" resets.
  const hasFilters = FILTER_KEYS.some((key) => searchParams.has(key));

  function setFilters(patch: Partial<TicketFilters>) {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    setSearchParams(next);
  }

  /** Drops priority, category and search; keeps the status tab and the sort. */
  function clearFilters() {
    setFilters({ priority: undefined, category: undefined, q: undefined });
  }

  return { filters, hasFilters, setFilters, clearFilters, listSearch: location.search };
}
