import { ComingSoon } from '../common/coming-soon.tsx';
import { SettingsIcon } from '../common/icons.tsx';
import { PageHeader } from '../common/page-header.tsx';
import { usePageTitle } from '../common/use-page-title.ts';

/** Shop settings (placeholder until the Settings pages land). */
export function SettingsPage() {
  usePageTitle('Settings');
  return (
    <>
      <PageHeader title="Settings" description="Channels, AI model, notifications, ratings and billing." />
      <ComingSoon icon={<SettingsIcon size={26} />} title="Settings are coming soon">
        Connect email channels, choose the AI model, set up new-ticket alerts and manage your monthly AI reply
        cap.
      </ComingSoon>
    </>
  );
}
