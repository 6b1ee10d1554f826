import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { embeddedShop, startShopifyInstall } from '../api/shopify-session.ts';
import { useT } from '../i18n/use-t.ts';

const STARTED_KEY = 'supportify.shopifyInstallStarted';

/**
 * Inside Shopify without a usable session (not installed yet, or uninstalled): the OAuth install starts at
 * the top level, since Shopify's pages cannot be shown in its own iframe.
 */
export function ShopifyInstall() {
  const t = useT();
  const shop = embeddedShop();
  useEffect(() => {
    // Once per browser session on its own: should the install not help, the button is there (no loop).
    if (!shop || sessionStorage.getItem(STARTED_KEY)) return;
    sessionStorage.setItem(STARTED_KEY, '1');
    startShopifyInstall(shop);
  }, [shop]);
  return (
    <Container size="sm" py="xl">
      <Stack gap="sm">
        <Title order={1} fz="h2">
          {t('auth.install.title')}
        </Title>
        <Text c="dimmed">
          {shop ? t('auth.install.approve', { shop }) : t('auth.install.openFromShopify')}
        </Text>
        {shop && (
          <Button onClick={() => startShopifyInstall(shop)} w="fit-content">
            {t('auth.install.continue')}
          </Button>
        )}
      </Stack>
    </Container>
  );
}
