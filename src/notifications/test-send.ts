import { getShopSettings } from '../settings/shop-settings.ts';
import { recordSuccess } from './delivery-status.ts';
import type { NotificationDeps } from './deps.ts';
import { testEmail } from './email-message.ts';
import { shortError } from './notify-jobs.ts';
import { slackTestMessage } from './slack-message.ts';

export type TestOutcome = { ok: boolean; error?: string };

const NOT_CONFIGURED: TestOutcome = { ok: false, error: 'Not configured' };

/** Sends a test message to each configured target now (no queue, no retries) and says how each went. */
export async function sendTestNotifications(deps: NotificationDeps, shopId: string) {
  const { notifications } = await getShopSettings(deps.db, shopId);
  const slack = async (): Promise<TestOutcome> => {
    const url = notifications.slackWebhookUrl;
    if (!url) return NOT_CONFIGURED;
    const result = await deps.slack.send(url, slackTestMessage());
    if (!result.ok) return { ok: false, error: result.error };
    await recordSuccess(deps.db, shopId, 'slack');
    return { ok: true };
  };
  const email = async (): Promise<TestOutcome> => {
    if (notifications.emailRecipients.length === 0) return NOT_CONFIGURED;
    try {
      await deps.mailer.send({ to: notifications.emailRecipients, ...testEmail() });
    } catch (err) {
      return { ok: false, error: shortError(err) };
    }
    await recordSuccess(deps.db, shopId, 'email');
    return { ok: true };
  };
  const [slackOutcome, emailOutcome] = await Promise.all([slack(), email()]);
  return { slack: slackOutcome, email: emailOutcome };
}
