import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, withQuery } from './client.ts';
import type {
  ConversationDetail,
  ConversationFilters,
  ConversationList,
  ConversationStatus,
} from './types.ts';

export const PAGE_SIZE = 50;

export const conversationKeys = {
  all: ['conversations'] as const,
  lists: () => [...conversationKeys.all, 'list'] as const,
  list: (filters: ConversationFilters, cursor: string | null) =>
    [...conversationKeys.lists(), filters, cursor] as const,
  detail: (id: string) => [...conversationKeys.all, 'detail', id] as const,
};

/** One page of conversations, newest first; the previous page stays on screen while the next loads. */
export function useConversations(filters: ConversationFilters, cursor: string | null) {
  return useQuery({
    queryKey: conversationKeys.list(filters, cursor),
    queryFn: ({ signal }) =>
      apiFetch<ConversationList>(
        withQuery('/api/conversations', {
          status: filters.status,
          channel: filters.channel,
          hasDrafts: filters.hasDrafts ? 'true' : undefined,
          q: filters.q,
          limit: PAGE_SIZE,
          cursor,
        }),
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

/** A conversation with its whole history, draft, tickets and rating. */
export function useConversation(id: string) {
  return useQuery({
    queryKey: conversationKeys.detail(id),
    queryFn: ({ signal }) =>
      apiFetch<ConversationDetail>(`/api/conversations/${encodeURIComponent(id)}`, { signal }),
  });
}

/** Marks a conversation resolved or unresolved, then refreshes it and every list. */
export function useSetConversationStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: Extract<ConversationStatus, 'resolved' | 'unresolved'>) =>
      apiFetch<{ id: string; status: ConversationStatus }>(`/api/conversations/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: { status },
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData<ConversationDetail>(conversationKeys.detail(id), (old) =>
        old ? { ...old, status: updated.status } : old,
      );
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: conversationKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: conversationKeys.lists() }),
      ]),
  });
}
