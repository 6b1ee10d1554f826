import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, isApiError } from './client.ts';
import { meQueryKey } from './query-client.ts';
import type { Me } from './types.ts';

/** The signed-in staff user and shop; `null` when there is no session. */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async ({ signal }): Promise<Me | null> => {
      try {
        return await apiFetch<Me>('/api/me', { signal });
      } catch (error) {
        if (isApiError(error, 401)) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

/**
 * Starts a session's cache afresh as `me`: every other cached answer is dropped, while the `me` query is
 * updated in place. Removing it too would strand the components that were already watching it (the
 * app's frame, mounted before sign-in): they would keep the removed query and never see the new user.
 */
function replaceSession(queryClient: QueryClient, me: Me | null) {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
  queryClient.setQueryData(meQueryKey, me);
}

/** Signs in; on success every cached answer from a previous session is dropped. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      apiFetch<Me>('/api/auth/login', { method: 'POST', body: credentials }),
    meta: { expectsUnauthorized: true },
    onSuccess: (me) => replaceSession(queryClient, me),
  });
}

/** Signs out and forgets every cached answer. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>('/api/auth/logout', { method: 'POST' }),
    onSettled: () => replaceSession(queryClient, null),
  });
}

/** Sets the signed-in user's language; the whole admin switches as soon as the answer arrives. */
export function useSetLanguage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: 'en' | 'nb') => apiFetch<Me>('/api/me', { method: 'PATCH', body: { locale } }),
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}
