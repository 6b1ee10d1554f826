import { DAY_MS } from './expiry.ts';

/** The daily purge (pg-boss cron, UTC): just after midnight, so the part of the day not dropped whole is tiny. */
export const PURGE_CRON = '5 0 * * *';
const PURGE_MINUTE_MS = 5 * 60_000;

/** When the next scheduled purge runs. */
export function nextPurgeAt(now: Date): Date {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS + PURGE_MINUTE_MS;
  return new Date(today > now.getTime() ? today : today + DAY_MS);
}
