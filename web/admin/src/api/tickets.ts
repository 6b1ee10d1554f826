import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiFetch, withQuery } from './client.ts';
import type { TicketDetail, TicketFilters, TicketList } from './ticket-types.ts';

export const TICKET_PAGE_SIZE = 50;
/** The order when the URL names none: recently active tickets first. */
export const DEFAULT_TICKET_SORT = 'updated';

export const ticketKeys = {
  all: ['tickets'] as const,
  lists: () => [...ticketKeys.all, 'list'] as const,
  list: (filters: TicketFilters) => [...ticketKeys.lists(), filters] as const,
  counts: () => [...ticketKeys.all, 'counts'] as const,
  detail: (number: number) => [...ticketKeys.all, 'detail', number] as const,
  // Outside `all`: a ticket event has no reason to refetch the category list.
  categories: () => ['ticket-categories'] as const,
};

/** The path of one ticket in the API. */
export const ticketPath = (number: number) => `/api/tickets/${encodeURIComponent(String(number))}`;

/** Tickets matching the filters, newest (or most urgent) first; "Load more" fetches the next page. */
export function useTickets(filters: TicketFilters) {
  return useInfiniteQuery({
    queryKey: ticketKeys.list(filters),
    queryFn: ({ signal, pageParam }) =>
      apiFetch<TicketList>(
        withQuery('/api/tickets', {
          ...filters,
          sort: filters.sort ?? DEFAULT_TICKET_SORT,
          limit: TICKET_PAGE_SIZE,
          cursor: pageParam,
        }),
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** How many tickets there are per status (for the navigation badge); refreshed by the live events. */
export function useTicketCounts() {
  return useQuery({
    queryKey: ticketKeys.counts(),
    queryFn: ({ signal }) => apiFetch<TicketList>(withQuery('/api/tickets', { limit: 1 }), { signal }),
    select: (list) => list.counts,
    staleTime: 60_000,
  });
}

const hasPendingEmail = (ticket: TicketDetail | undefined) =>
  ticket?.thread.some((item) => item.kind === 'reply' && item.delivery.email?.status === 'pending') ?? false;

/** One ticket with its thread, the moves it allows and its change history. */
export function useTicket(number: number) {
  return useQuery({
    queryKey: ticketKeys.detail(number),
    queryFn: ({ signal }) => apiFetch<TicketDetail>(ticketPath(number), { signal }),
    enabled: Number.isInteger(number) && number > 0,
    // While an email is on its way, look again until it is sent or has failed.
    refetchInterval: (query) => (hasPendingEmail(query.state.data) ? 3_000 : false),
  });
}

/** The shop's ticket categories: the defaults and the ones staff added. */
export function useTicketCategories() {
  return useQuery({
    queryKey: ticketKeys.categories(),
    queryFn: ({ signal }) => apiFetch<{ categories: string[] }>('/api/tickets/categories', { signal }),
    select: (body) => body.categories,
    staleTime: 5 * 60_000,
  });
}
