import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client.ts';
import { conversationKeys } from './conversations.ts';
import type {
  CreatedTicket,
  NewTicket,
  ThreadNote,
  ThreadReply,
  TicketDetail,
  TicketUpdate,
} from './ticket-types.ts';
import { ticketKeys, ticketPath } from './tickets.ts';

/** Every ticket list and count, and conversations (they show their tickets). */
function refreshTicketLists(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ticketKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: ticketKeys.counts() }),
    queryClient.invalidateQueries({ queryKey: conversationKeys.all }),
  ]);
}

/** After a change: the ticket itself and everything that lists it. */
function refreshTicket(queryClient: QueryClient, number: number) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ticketKeys.detail(number) }),
    refreshTicketLists(queryClient),
  ]);
}

/** Changes status, priority or category; the answer (the whole ticket) replaces the cached one. */
export function useUpdateTicket(number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: TicketUpdate) =>
      apiFetch<TicketDetail>(ticketPath(number), { method: 'PATCH', body: patch }),
    onSuccess: async (ticket) => {
      await queryClient.cancelQueries({ queryKey: ticketKeys.detail(number), exact: true });
      queryClient.setQueryData(ticketKeys.detail(number), ticket);
    },
    // A refused move (409) means the ticket changed elsewhere: show its current state too.
    onSettled: () => refreshTicket(queryClient, number),
  });
}

/** A reply to the customer (chat and/or email). */
export function useReplyToTicket(number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      apiFetch<ThreadReply>(`${ticketPath(number)}/replies`, { method: 'POST', body: { body } }),
    onSettled: () => refreshTicket(queryClient, number),
  });
}

/** An internal note, for staff only. */
export function useAddTicketNote(number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      apiFetch<ThreadNote>(`${ticketPath(number)}/notes`, { method: 'POST', body: { body } }),
    onSettled: () => refreshTicket(queryClient, number),
  });
}

/** Sends a reply's failed email again. */
export function useRetryReplyEmail(number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (replyId: string) =>
      apiFetch<unknown>(`${ticketPath(number)}/replies/${encodeURIComponent(replyId)}/retry`, {
        method: 'POST',
      }),
    onSettled: () => refreshTicket(queryClient, number),
  });
}

/** Deletes the ticket (spam, irrelevant); its cached detail is dropped. */
export function useDeleteTicket(number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(ticketPath(number), { method: 'DELETE' }),
    onSuccess: () => queryClient.removeQueries({ queryKey: ticketKeys.detail(number) }),
    onSettled: () => refreshTicketLists(queryClient),
  });
}

/** Opens a ticket by hand for a conversation (or answers the one already open). */
export function useCreateTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewTicket) =>
      apiFetch<CreatedTicket>('/api/tickets', { method: 'POST', body: input }),
    onSettled: () => refreshTicketLists(queryClient),
  });
}

/** Adds a category to the shop's list; the answer is the new list. */
export function useAddTicketCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      apiFetch<{ categories: string[] }>('/api/tickets/categories', { method: 'POST', body: { name } }),
    onSuccess: (body) => queryClient.setQueryData(ticketKeys.categories(), body),
  });
}
