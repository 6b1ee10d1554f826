import { Alert, Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { useBillingSettings } from '../api/settings.ts';
import { AlertIcon } from '../common/icons.tsx';

/**
 * Above every admin page while the monthly AI reply cap is used up. Errors stay silent here (the
 * Billing settings show them); the query refetches on window focus and once a minute.
 */
export function FallbackBanner() {
  const { data } = useBillingSettings();
  if (!data?.fallbackMode) return null;
  return (
    <Alert
      variant="light"
      color="red"
      icon={<AlertIcon />}
      role="alert"
      data-testid="fallback-banner"
      mb="lg"
    >
      <strong>AI reply limit reached</strong> — the assistant is in fallback mode: it only creates tickets
      until next month or until you raise the cap in{' '}
      <Anchor component={Link} to="/settings/billing" inherit fw={600} c="red.9" underline="always">
        Settings → Billing
      </Anchor>
      .
    </Alert>
  );
}
