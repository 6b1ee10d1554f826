import { Badge } from '@mantine/core';
import { useLiveStatus } from '../api/live-status.ts';
import { useT } from '../i18n/use-t.ts';

/**
 * "Reconnecting…" while the live stream is down: lists and views stop updating by themselves until it is
 * back (then everything shown is refreshed). Nothing while live, so the header stays quiet.
 */
export function LiveIndicator() {
  const t = useT();
  const status = useLiveStatus();
  return (
    <div role="status" aria-live="polite" data-testid="live-status" data-status={status}>
      {status === 'reconnecting' && (
        <Badge color="orange" variant="light" size="lg">
          {t('layout.reconnecting')}
        </Badge>
      )}
    </div>
  );
}
