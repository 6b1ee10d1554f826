import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { apiFetch, withQuery } from './client.ts';
import type {
  ConversationDetail,
  ConversationFilters,
  ConversationList,
  ConversationStatus,
  DraftResult,
} from './types.ts';

export const PAGE_SIZE = 50;

export const conversationKeys = {
  all: ['conversations'] as const,
  lists: () => [...conversationKeys.all, 'list'] as const,
  list: (filters: ConversationFilters, cursor: string | null) =>
    [...conversationKeys.lists(), filters, cursor] as const,
  detail: (id: string) => [...conversationKeys.all, 'detail', id] as const,
};

/** The list's filters as query parameters (the list and the export take the same). */
export const filterParams = (filters: ConversationFilters) => ({
  status: filters.status,
  channel: filters.channel,
  hasDrafts: filters.hasDrafts ? 'true' : undefined,
  q: filters.q,
  expiresWithinDays: filters.expiresWithinDays,
});

/** One page of conversations, newest first; the previous page stays on screen while the next loads. */
export function useConversations(filters: ConversationFilters, cursor: string | null) {
  return useQuery({
    queryKey: conversationKeys.list(filters, cursor),
    queryFn: ({ signal }) =>
      apiFetch<ConversationList>(
        withQuery('/api/conversations', { ...filterParams(filters), limit: PAGE_SIZE, cursor }),
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export const conversationPath = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;

/** Polling while an outbound email waits to go out: its delivery state changes without an event. */
const DELIVERY_POLL_MS = 2_000;

const hasPendingEmail = (conversation: ConversationDetail | undefined) =>
  conversation?.messages.some((m) => m.email?.delivery?.status === 'pending') ?? false;

/** A conversation with its whole history, draft, tickets and rating. */
export function useConversation(id: string) {
  return useQuery({
    queryKey: conversationKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<ConversationDetail>(conversationPath(id), { signal }),
    refetchInterval: (query) => (hasPendingEmail(query.state.data) ? DELIVERY_POLL_MS : false),
  });
}

/** Marks a conversation resolved or unresolved, then refreshes it and every list. */
export function useSetConversationStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: Extract<ConversationStatus, 'resolved' | 'unresolved'>) =>
      apiFetch<{ id: string; status: ConversationStatus }>(conversationPath(id), {
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

/** The conversation and every list (status and "has drafts" changed). */
function refreshConversation(queryClient: QueryClient, id: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: conversationKeys.detail(id) }),
    queryClient.invalidateQueries({ queryKey: conversationKeys.lists() }),
  ]);
}

/** What the server does when a draft is sent or discarded: no draft, and Draft becomes Unresolved. */
async function clearDraft(queryClient: QueryClient, id: string) {
  await queryClient.cancelQueries({ queryKey: conversationKeys.detail(id), exact: true });
  queryClient.setQueryData<ConversationDetail>(conversationKeys.detail(id), (old) =>
    old
      ? {
          ...old,
          draft: null,
          hasDraft: false,
          status: old.status === 'draft' ? 'unresolved' : old.status,
        }
      : old,
  );
}

/** Saves an edit of the AI's email draft (not sent). */
export function useSaveDraft(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      apiFetch<DraftResult>(`${conversationPath(id)}/draft`, { method: 'PUT', body: { body } }),
    onSuccess: async (saved) => {
      await queryClient.cancelQueries({ queryKey: conversationKeys.detail(id), exact: true });
      queryClient.setQueryData<ConversationDetail>(conversationKeys.detail(id), (old) =>
        old?.draft ? { ...old, draft: { ...old.draft, body: saved.body, updatedAt: saved.updatedAt } } : old,
      );
    },
    // A 404 means the draft was sent or discarded elsewhere: show what is there now.
    onError: () => refreshConversation(queryClient, id),
  });
}

/**
 * Sends the draft by email: as it is stored (`body` undefined) or edited. The server sends it once
 * however often it is asked.
 */
export function useSendDraft(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string | undefined) =>
      apiFetch<DraftResult>(`${conversationPath(id)}/draft/send`, {
        method: 'POST',
        body: body === undefined ? undefined : { body },
      }),
    onSuccess: () => clearDraft(queryClient, id),
    onSettled: () => refreshConversation(queryClient, id),
  });
}

/** Discards the draft: nothing is sent, the conversation is Unresolved again. */
export function useDiscardDraft(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(`${conversationPath(id)}/draft`, { method: 'DELETE' }),
    onSuccess: () => clearDraft(queryClient, id),
    onSettled: () => refreshConversation(queryClient, id),
  });
}
