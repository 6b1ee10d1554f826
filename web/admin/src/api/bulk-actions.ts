import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client.ts';
import { conversationKeys } from './conversations.ts';
import type { TicketUpdate } from './ticket-types.ts';
import { ticketKeys } from './tickets.ts';
import type { ConversationStatus } from './types.ts';

/** Why one item of a bulk action was left as it was (the others are unaffected). */
export type BulkFailure = { ok: false; error: { code: string; message: string } };

export type ConversationBulkAction = 'resolve' | 'reopen';
export type ConversationBulkResult = { id: string } & (
  | { ok: true; status: ConversationStatus }
  | BulkFailure
);

export type TicketBulkChange = { set: TicketUpdate } | { delete: true };
export type TicketBulkResult = { number: number } & ({ ok: true; changed: boolean } | BulkFailure);

/** Resolves or reopens the selected conversations; every list and detail refreshes afterwards. */
export function useBulkConversationStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { ids: string[]; action: ConversationBulkAction }) =>
      apiFetch<{ results: ConversationBulkResult[] }>('/api/conversations/bulk', {
        method: 'POST',
        body: input,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: conversationKeys.all }),
  });
}

/** Changes status, priority or category of the selected tickets, or deletes them. */
export function useBulkTickets() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { numbers: number[] } & TicketBulkChange) =>
      apiFetch<{ results: TicketBulkResult[] }>('/api/tickets/bulk', { method: 'POST', body: input }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ticketKeys.all }),
        // Conversations show their tickets.
        queryClient.invalidateQueries({ queryKey: conversationKeys.all }),
      ]),
  });
}
