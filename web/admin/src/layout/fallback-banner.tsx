import { Alert, Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { useBillingSettings } from '../api/settings.ts';
import { AlertIcon } from '../common/icons.tsx';
import { richText } from '../i18n/rich-text.ts';
import { useT } from '../i18n/use-t.ts';

/**
 * Above every admin page while the monthly AI reply cap is used up. Errors stay silent here (the
 * Billing settings show them); the query refetches on window focus and once a minute.
 */
export function FallbackBanner() {
  const t = useT();
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
      {richText(t('layout.fallback.text'), {
        title: <strong>{t('layout.fallback.title')}</strong>,
        link: (
          <Anchor component={Link} to="/settings/billing" inherit fw={600} c="red.9" underline="always">
            {t('layout.fallback.link')}
          </Anchor>
        ),
      })}
    </Alert>
  );
}
