import { MAX_RETENTION_DAYS } from '../settings/shop-settings.ts';

export const DAY_MS = 86_400_000;

/** When a conversation started at `startedAt` is deleted under a retention of `days`. */
export function expiresAt(startedAt: Date, days: number = MAX_RETENTION_DAYS): Date {
  return new Date(startedAt.getTime() + Math.min(days, MAX_RETENTION_DAYS) * DAY_MS);
}

/** Conversations that started before this instant are expired under a retention of `days`. */
export function expiryCutoff(now: Date, days: number = MAX_RETENTION_DAYS): Date {
  return new Date(now.getTime() - Math.min(days, MAX_RETENTION_DAYS) * DAY_MS);
}
