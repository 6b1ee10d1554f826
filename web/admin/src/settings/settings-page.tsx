import { Tabs } from '@mantine/core';
import { type ComponentType, lazy, Suspense } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../common/page-header.tsx';
import { usePageTitle } from '../common/use-page-title.ts';
import type { MessageKey } from '../i18n/messages-en.ts';
import { useT } from '../i18n/use-t.ts';
import { NotFoundPage } from '../layout/not-found-page.tsx';
import { SectionFallback } from './settings-parts.tsx';

// Each section is its own chunk: the AI form's inputs are not downloaded to look at Channels.
const AiSettingsSection = lazy(() =>
  import('./ai-settings.tsx').then((m) => ({ default: m.AiSettingsSection })),
);
const RatingsSettings = lazy(() =>
  import('./ratings-settings.tsx').then((m) => ({ default: m.RatingsSettings })),
);
const BillingSettingsSection = lazy(() =>
  import('./billing-settings.tsx').then((m) => ({ default: m.BillingSettingsSection })),
);
const ChannelSettingsSection = lazy(() =>
  import('./channel-settings.tsx').then((m) => ({ default: m.ChannelSettingsSection })),
);
const RetentionSettingsSection = lazy(() =>
  import('./retention-settings.tsx').then((m) => ({ default: m.RetentionSettingsSection })),
);
const NotificationSettingsSection = lazy(() =>
  import('./notification-settings.tsx').then((m) => ({ default: m.NotificationSettingsSection })),
);

const ProfileSettingsSection = lazy(() =>
  import('./profile-settings.tsx').then((m) => ({ default: m.ProfileSettingsSection })),
);

const DataRequestsSection = lazy(() =>
  import('./data-requests.tsx').then((m) => ({ default: m.DataRequestsSection })),
);

type Section = { value: string; label: MessageKey; component: ComponentType };

/** The sections, in tab order (`label`: the tab's text key); each has its own URL: `/settings/<value>`. */
export const SETTINGS_SECTIONS: readonly Section[] = [
  { value: 'ai', label: 'settings.ai.tab', component: AiSettingsSection },
  { value: 'ratings', label: 'settings.ratings.tab', component: RatingsSettings },
  { value: 'billing', label: 'settings.billing.tab', component: BillingSettingsSection },
  { value: 'channels', label: 'settings.channels.tab', component: ChannelSettingsSection },
  { value: 'notifications', label: 'settings.notifications.tab', component: NotificationSettingsSection },
  { value: 'retention', label: 'settings.retention.tab', component: RetentionSettingsSection },
  { value: 'data-requests', label: 'settings.dataRequests.tab', component: DataRequestsSection },
  { value: 'profile', label: 'settings.profile.tab', component: ProfileSettingsSection },
];

/** Shop settings: AI model, ratings, billing cap, channels and notifications, one tab per section (`/settings` → AI). */
export function SettingsPage() {
  const t = useT();
  const { '*': rest = '' } = useParams();
  const navigate = useNavigate();
  const value = rest.replace(/\/+$/, '');
  const current = SETTINGS_SECTIONS.find((section) => section.value === value);
  usePageTitle(
    current
      ? t('settings.pageTitle', { section: t(current.label) })
      : value
        ? t('settings.pageNotFound')
        : t('settings.title'),
  );

  if (!value) return <Navigate to="/settings/ai" replace />;
  if (!current) return <NotFoundPage />;

  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      <Tabs
        value={current.value}
        onChange={(next) => {
          if (next && next !== current.value) navigate(`/settings/${next}`);
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('settings.sections')} mb="lg">
          {SETTINGS_SECTIONS.map((section) => (
            <Tabs.Tab key={section.value} value={section.value} data-testid={`settings-tab-${section.value}`}>
              {t(section.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {SETTINGS_SECTIONS.map((section) => (
          <Tabs.Panel key={section.value} value={section.value}>
            <Suspense fallback={<SectionFallback />}>
              <section.component />
            </Suspense>
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
