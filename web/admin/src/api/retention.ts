import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client.ts';
import { applySaved, settingsKeys } from './settings.ts';

/** `GET /api/settings/retention`: the period, the next purge and what it and the coming week delete. */
export type RetentionSettings = {
  days: number;
  maxDays: number;
  nextPurgeAt: string;
  deletedAtNextPurge: number;
  expiringWithin7Days: number;
};

const retentionKey = () => [...settingsKeys.all, 'retention'] as const;

export function useRetentionSettings() {
  return useQuery({
    queryKey: retentionKey(),
    queryFn: ({ signal }) => apiFetch<RetentionSettings>('/api/settings/retention', { signal }),
  });
}

export function useSaveRetentionSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { days: number }) =>
      apiFetch<RetentionSettings>('/api/settings/retention', { method: 'PUT', body }),
    onSuccess: (saved) => applySaved(queryClient, retentionKey(), saved),
  });
}
