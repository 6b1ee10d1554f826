import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client.ts';
import type { Channel } from './types.ts';

export const AI_PROVIDERS = ['offline', 'openai', 'anthropic', 'openai-compatible'] as const;
export type AiProvider = (typeof AI_PROVIDERS)[number];

/** `GET /api/settings/ai`: the key itself is write-only, only its presence is reported. */
export type AiSettings = { provider: AiProvider; model: string; baseUrl: string | null; hasApiKey: boolean };
/** `PUT /api/settings/ai`: `apiKey` omitted keeps the stored key, `''` removes it. */
export type AiSettingsUpdate = {
  provider: AiProvider;
  model: string;
  baseUrl?: string | null;
  apiKey?: string;
};

export type RatingSettings = { enabled: boolean; escalateOnBadRating: boolean };

export type BillingSettings = {
  monthlyAiReplyCap: number | null;
  /** `month` is `YYYY-MM` (UTC). */
  usage: { month: string; aiReplies: number };
  fallbackMode: boolean;
};
export type BillingSettingsUpdate = { monthlyAiReplyCap: number | null };

export type ChannelMode = 'auto' | 'draft';
export type ChannelSetting = {
  id: string;
  type: Channel;
  name: string;
  mode: ChannelMode;
  inboundAddress: string | null;
};
export type ChannelSettings = { widgetKey: string; channels: ChannelSetting[] };

export const settingsKeys = {
  all: ['settings'] as const,
  ai: () => [...settingsKeys.all, 'ai'] as const,
  ratings: () => [...settingsKeys.all, 'ratings'] as const,
  billing: () => [...settingsKeys.all, 'billing'] as const,
  channels: () => [...settingsKeys.all, 'channels'] as const,
};

/**
 * Puts a PUT's answer in the cache. A GET still in flight may have read the old values before the PUT
 * committed, so it is cancelled first: otherwise it could land afterwards and show the old values again.
 */
export async function applySaved<T>(queryClient: QueryClient, queryKey: readonly unknown[], saved: T) {
  await queryClient.cancelQueries({ queryKey, exact: true });
  queryClient.setQueryData(queryKey, saved);
}

export function useAiSettings() {
  return useQuery({
    queryKey: settingsKeys.ai(),
    queryFn: ({ signal }) => apiFetch<AiSettings>('/api/settings/ai', { signal }),
  });
}

export function useSaveAiSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AiSettingsUpdate) => apiFetch<AiSettings>('/api/settings/ai', { method: 'PUT', body }),
    onSuccess: (saved) => applySaved(queryClient, settingsKeys.ai(), saved),
  });
}

export function useRatingSettings() {
  return useQuery({
    queryKey: settingsKeys.ratings(),
    queryFn: ({ signal }) => apiFetch<RatingSettings>('/api/settings/ratings', { signal }),
  });
}

export function useSaveRatingSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RatingSettings) =>
      apiFetch<RatingSettings>('/api/settings/ratings', { method: 'PUT', body }),
    onSuccess: (saved) => applySaved(queryClient, settingsKeys.ratings(), saved),
  });
}

/**
 * Cap, this month's usage and whether the assistant is in fallback mode. The app layout reads it on
 * every page for the fallback banner: refetched on window focus and once a minute while visible.
 */
export function useBillingSettings() {
  return useQuery({
    queryKey: settingsKeys.billing(),
    queryFn: ({ signal }) => apiFetch<BillingSettings>('/api/settings/billing', { signal }),
    refetchInterval: 60_000,
  });
}

export function useSaveBillingSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BillingSettingsUpdate) =>
      apiFetch<BillingSettings>('/api/settings/billing', { method: 'PUT', body }),
    // The fallback banner reads the same query, so raising the cap clears it at once.
    onSuccess: (saved) => applySaved(queryClient, settingsKeys.billing(), saved),
  });
}

export function useChannelSettings() {
  return useQuery({
    queryKey: settingsKeys.channels(),
    queryFn: ({ signal }) => apiFetch<ChannelSettings>('/api/settings/channels', { signal }),
  });
}

/** Email channels' Auto/Draft mode (`PUT /api/settings/channels`); the answer is the whole section. */
export function useSaveChannelModes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: Array<{ id: string; mode: ChannelMode }>) =>
      apiFetch<ChannelSettings>('/api/settings/channels', { method: 'PUT', body: { channels: changes } }),
    onSuccess: (saved) => applySaved(queryClient, settingsKeys.channels(), saved),
  });
}

export type NewEmailChannel = { name: string; inboundAddress: string };

/** A generic email channel: mail to its inbound address becomes conversations (409 when the address is taken). */
export function useAddEmailChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewEmailChannel) =>
      apiFetch<ChannelSettings>('/api/settings/channels/email', { method: 'POST', body }),
    onSuccess: (saved) => applySaved(queryClient, settingsKeys.channels(), saved),
  });
}
