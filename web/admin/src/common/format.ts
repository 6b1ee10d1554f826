import type { Customer } from '../api/types.ts';

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

/** The customer's name, else email, else "Anonymous". */
export function customerLabel(customer: Customer | null | undefined): string {
  return customer?.name?.trim() || customer?.email?.trim() || 'Anonymous';
}
