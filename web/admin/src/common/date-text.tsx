import { formatDateTime, formatFullDateTime } from './format.ts';
import { useLocale } from './use-locale.ts';

/** A locale-formatted `<time>` with the full date as its tooltip. */
export function DateText({ iso }: { iso: string }) {
  const locale = useLocale();
  return (
    <time dateTime={iso} title={formatFullDateTime(iso, locale)}>
      {formatDateTime(iso, locale)}
    </time>
  );
}
