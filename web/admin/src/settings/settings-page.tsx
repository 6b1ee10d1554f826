import { Tabs } from '@mantine/core';
import { type ComponentType, lazy, Suspense } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../common/page-header.tsx';
import { usePageTitle } from '../common/use-page-title.ts';
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

type Section = { value: string; label: string; component: ComponentType };

/** The sections, in tab order; each has its own URL: `/settings/<value>`. */
export const SETTINGS_SECTIONS: readonly Section[] = [
  { value: 'ai', label: 'AI', component: AiSettingsSection },
  { value: 'ratings', label: 'Ratings', component: RatingsSettings },
  { value: 'billing', label: 'Billing', component: BillingSettingsSection },
  { value: 'channels', label: 'Channels', component: ChannelSettingsSection },
  { value: 'notifications', label: 'Notifications', component: NotificationSettingsSection },
  { value: 'retention', label: 'Data retention', component: RetentionSettingsSection },
  { value: 'data-requests', label: 'Data requests', component: DataRequestsSection },
  { value: 'profile', label: 'Your profile', component: ProfileSettingsSection },
];

/** Shop settings: AI model, ratings, billing cap, channels and notifications, one tab per section (`/settings` → AI). */
export function SettingsPage() {
  const { '*': rest = '' } = useParams();
  const navigate = useNavigate();
  const value = rest.replace(/\/+$/, '');
  const current = SETTINGS_SECTIONS.find((section) => section.value === value);
  usePageTitle(current ? `${current.label} · Settings` : value ? 'Page not found' : 'Settings');

  if (!value) return <Navigate to="/settings/ai" replace />;
  if (!current) return <NotFoundPage />;

  return (
    <>
      <PageHeader
        title="Settings"
        description="AI model, customer ratings, billing, channels and notifications."
      />
      <Tabs
        value={current.value}
        onChange={(next) => {
          if (next && next !== current.value) navigate(`/settings/${next}`);
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label="Settings sections" mb="lg">
          {SETTINGS_SECTIONS.map((section) => (
            <Tabs.Tab key={section.value} value={section.value} data-testid={`settings-tab-${section.value}`}>
              {section.label}
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
