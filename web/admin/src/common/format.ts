import type { Customer } from '../api/types.ts';
import type { Translate } from '../i18n/use-t.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    try {
      cached = new Intl.DateTimeFormat(locale, options);
    } catch {
      // An unknown locale tag from the profile: fall back to the browser's.
      cached = new Intl.DateTimeFormat(undefined, options);
    }
    formatters.set(key, cached);
  }
  return cached;
}

/** "Nov 24, 2026, 9:21 AM" in the given locale. */
export function formatDateTime(iso: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** "Nov 24, 2026" in the given locale. */
export function formatDate(iso: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(locale, { dateStyle: 'medium' }).format(date);
}

/** The full date and time, for tooltips. */
export function formatFullDateTime(iso: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(locale, { dateStyle: 'full', timeStyle: 'long' }).format(date);
}

/** The customer's name, else email, else "Anonymous" (in the UI's language). */
export function customerLabel(customer: Customer | null | undefined, t: Translate): string {
  return customer?.name?.trim() || customer?.email?.trim() || t('common.anonymous');
}

/** "512 B", "12.3 KB", "4.1 MB" (binary units, one decimal under 100) in the given locale. */
export function formatBytes(bytes: number, locale?: string): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value < 100 ? 1 : 0;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, useGrouping: false });
  return `${number.format(value)} ${units[unit]}`;
}
