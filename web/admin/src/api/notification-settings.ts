import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client.ts';
import { applySaved, settingsKeys } from './settings.ts';

export type TargetStatus = 'unset' | 'ok' | 'failing';
export type NotificationTarget = 'slack' | 'email';

export type NotificationFailure = {
  target: NotificationTarget;
  ticketNumber: number | null;
  error: string;
  attempts: number;
  createdAt: string;
};

/** `GET /api/settings/notifications`: the webhook URL comes back masked. */
export type NotificationSettings = {
  slackWebhookUrl: string | null;
  slackWebhookSet: boolean;
  emailRecipients: string[];
  notifyOn: { newTicket: boolean; urgent: boolean };
  status: Record<NotificationTarget, TargetStatus>;
  failures: NotificationFailure[];
};

/** `PUT`: the masked URL sent back unchanged keeps the stored one; an empty one removes it. */
export type NotificationSettingsUpdate = {
  slackWebhookUrl: string | null;
  emailRecipients: string[];
  notifyOn: { newTicket: boolean; urgent: boolean };
};

export type TestResult = { ok: boolean; error?: string };
export type TestResults = Partial<Record<NotificationTarget, TestResult>>;

const notificationsKey = [...settingsKeys.all, 'notifications'] as const;
const PATH = '/api/settings/notifications';

export function useNotificationSettings() {
  return useQuery({
    queryKey: notificationsKey,
    queryFn: ({ signal }) => apiFetch<NotificationSettings>(PATH, { signal }),
  });
}

export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationSettingsUpdate) =>
      apiFetch<NotificationSettings>(PATH, { method: 'PUT', body }),
    onSuccess: (saved) => applySaved(queryClient, notificationsKey, saved),
  });
}

/** Sends a test notification to every configured target; the statuses and failures change with it. */
export function useTestNotifications() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<TestResults>(`${PATH}/test`, { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}
