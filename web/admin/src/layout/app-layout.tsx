import { AppShell, Burger, Center, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/auth.ts';
import { useLiveEvents } from '../api/live-events.ts';
import { ChatIcon } from '../common/icons.tsx';
import { PageLoader } from '../common/page-loader.tsx';
import type { MessageKey } from '../i18n/messages-en.ts';
import { type Translate, useT } from '../i18n/use-t.ts';
import { KeyboardShortcuts } from '../keyboard/keyboard-shortcuts.tsx';
import classes from './app-layout.module.css';
import { FallbackBanner } from './fallback-banner.tsx';
import { LiveIndicator } from './live-indicator.tsx';
import { NAV_ITEMS } from './nav-items.ts';
import { NewTicketsBadge } from './new-tickets-badge.tsx';
import { SignOutButton } from './sign-out-button.tsx';

const ROLE_KEYS: Record<string, MessageKey> = { owner: 'layout.role.owner', agent: 'layout.role.agent' };

/** A staff role in words (a role this build does not know, as the server names it). */
const roleLabel = (t: Translate, role: string) =>
  Object.hasOwn(ROLE_KEYS, role) ? t(ROLE_KEYS[role]!) : role;

/** The signed-in frame: header with shop and user, navigation, and the current page. */
export function AppLayout() {
  const t = useT();
  const [navOpened, nav] = useDisclosure(false);
  const { pathname } = useLocation();
  const { data: me } = useMe();
  useLiveEvents(Boolean(me));

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? t('layout.closeNav') : t('layout.openNav')}
            />
            <Link to="/conversations" className={classes.brand}>
              <Center w={30} h={30} bg="indigo.7" c="white" style={{ borderRadius: 8, flexShrink: 0 }}>
                <ChatIcon size={18} />
              </Center>
              <Text span fw={700} fz="lg">
                Supportify
              </Text>
            </Link>
            {me && (
              <Text c="dimmed" size="sm" truncate visibleFrom="xs" data-testid="shop-name">
                {me.shop.name}
              </Text>
            )}
          </Group>
          <Group gap="md" wrap="nowrap">
            <LiveIndicator />
            {me && (
              <Stack gap={0} align="flex-end" visibleFrom="md">
                <Text size="sm" fw={600} lh={1.25} data-testid="current-user">
                  {me.user.name}
                </Text>
                <Text size="xs" c="dimmed" lh={1.25}>
                  {me.user.email}
                </Text>
              </Stack>
            )}
            <KeyboardShortcuts />
            <SignOutButton />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar
        p="sm"
        aria-label={t('nav.label')}
        className={classes.navbar}
        data-collapsed={!navOpened || undefined}
      >
        <AppShell.Section grow>
          <Stack gap={4}>
            {NAV_ITEMS.map((item) => {
              const active = item.matches(pathname);
              return (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={t(item.label)}
                  leftSection={<item.icon size={18} />}
                  rightSection={item.to === '/tickets' ? <NewTicketsBadge /> : undefined}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  onClick={nav.close}
                  variant="light"
                  fw={500}
                  style={{ borderRadius: 'var(--mantine-radius-md)' }}
                />
              );
            })}
          </Stack>
        </AppShell.Section>
        {me && (
          <AppShell.Section pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('layout.shop')}
            </Text>
            <Text size="sm" fw={600} truncate>
              {me.shop.name}
            </Text>
            <Text size="xs" c="dimmed" truncate mt={6}>
              {t('layout.signedInAs', { name: me.user.name, role: roleLabel(t, me.user.role) })}
            </Text>
          </AppShell.Section>
        )}
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <FallbackBanner />
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
