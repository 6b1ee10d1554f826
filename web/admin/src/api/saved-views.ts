import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client.ts';

export type SavedViewKind = 'conversations' | 'tickets';
/** A list's query parameters, as the list puts them in its URL. */
export type ViewFilters = Record<string, string | number>;

export type SavedView = {
  id: string;
  kind: SavedViewKind;
  name: string;
  filters: ViewFilters;
  createdBy: { name: string } | null;
  createdAt: string;
};

const viewKeys = {
  all: ['saved-views'] as const,
  list: (kind: SavedViewKind) => [...viewKeys.all, kind] as const,
};

const viewPath = (id: string) => `/api/views/${encodeURIComponent(id)}`;

/** The shop's saved views of one list, by name. */
export function useSavedViews(kind: SavedViewKind) {
  return useQuery({
    queryKey: viewKeys.list(kind),
    queryFn: ({ signal }) => apiFetch<{ items: SavedView[] }>(`/api/views?kind=${kind}`, { signal }),
    select: (body) => body.items,
    staleTime: 60_000,
  });
}

function useViewMutation<T>(kind: SavedViewKind, mutationFn: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: viewKeys.list(kind) }),
  });
}

/** Saves filters under a name (409 `conflict` when the list already has it). */
export const useCreateSavedView = (kind: SavedViewKind) =>
  useViewMutation(kind, (input: { name: string; filters: ViewFilters }) =>
    apiFetch<SavedView>('/api/views', { method: 'POST', body: { kind, ...input } }),
  );

export const useRenameSavedView = (kind: SavedViewKind) =>
  useViewMutation(kind, ({ id, name }: { id: string; name: string }) =>
    apiFetch<SavedView>(viewPath(id), { method: 'PATCH', body: { name } }),
  );

export const useDeleteSavedView = (kind: SavedViewKind) =>
  useViewMutation(kind, (id: string) => apiFetch<void>(viewPath(id), { method: 'DELETE' }));
