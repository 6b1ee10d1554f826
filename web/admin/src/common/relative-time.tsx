import { useEffect, useState } from 'react';
import { type Translate, useT } from '../i18n/use-t.ts';
import { formatDate, formatFullDateTime } from './format.ts';
import { useLocale } from './use-locale.ts';

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

function relativeFormatter(locale: string | undefined): Intl.RelativeTimeFormat {
  try {
    return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  } catch {
    return new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  }
}

/** "5 minutes ago", "yesterday", "just now"; the date past a month (in `locale`, "just now" from `t`). */
export function formatRelative(iso: string, now: number, locale: string | undefined, t: Translate): string {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return iso;
  const diff = time - now;
  if (Math.abs(diff) < 45_000) return t('time.justNow');
  if (Math.abs(diff) >= 30 * 86_400_000) return formatDate(iso, locale);
  const [unit, size] = UNITS.find(([, ms]) => Math.abs(diff) >= ms) ?? UNITS[UNITS.length - 1];
  return relativeFormatter(locale).format(Math.round(diff / size), unit);
}

/** Re-renders every minute so "5 minutes ago" stays true. */
function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** A relative `<time>` ("3 hours ago") with the exact date and time as its tooltip. */
export function RelativeTime({ iso }: { iso: string }) {
  const t = useT();
  const locale = useLocale();
  const now = useNow();
  return (
    <time dateTime={iso} title={formatFullDateTime(iso, locale)}>
      {formatRelative(iso, now, locale, t)}
    </time>
  );
}
