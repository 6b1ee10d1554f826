import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './client.ts';

export const meQueryKey = ['me'] as const;

declare module '@tanstack/react-query' {
  interface Register {
    // A mutation that answers 401 on purpose (wrong password) sets `meta.expectsUnauthorized`.
    mutationMeta: { expectsUnauthorized?: boolean };
  }
}

/** The app's QueryClient: a 401 from any call signs the user out locally, which redirects to /login. */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isApiError(error, 401)) signedOut();
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (isApiError(error, 401) && !mutation.meta?.expectsUnauthorized) signedOut();
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // Client errors (404, 400, 401) will not change by retrying.
        retry: (failures, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2,
      },
      mutations: { retry: false },
    },
  });

  // RequireAuth watches the `me` query: null there means "show the sign-in page".
  function signedOut() {
    client.setQueryData(meQueryKey, null);
  }

  return client;
}
