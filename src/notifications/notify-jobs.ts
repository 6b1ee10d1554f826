import { z } from 'zod';
import type { JobContext, JobHandler } from '../jobs/types.ts';
import { getShopSettings } from '../settings/shop-settings.ts';
import { recordFailure, recordRetrying, recordSuccess, type Target } from './delivery-status.ts';
import type { NotificationDeps } from './deps.ts';
import { ticketEmail } from './email-message.ts';
import { slackTicketMessage } from './slack-message.ts';
import { loadTicketSummary, ticketUrl } from './ticket-summary.ts';

const ZNotice = z.object({
  shopId: z.guid(),
  ticketNumber: z.number().int().positive(),
  kind: z.enum(['created', 'urgent']),
  to: z.string().optional(),
});
type Notice = z.infer<typeof ZNotice>;

// From the third failed try on, Settings → Notifications shows the target failing while retries go on.
const SHOW_FAILING_FROM_ATTEMPT = 3;

/** A short error for the failures list and logs: no URL, no address, no stack. */
export function shortError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message
    .replace(/[a-z][\w+.-]*:\/\/\S+/gi, '<url>')
    .replace(/\S+@\S+/g, '<address>')
    .slice(0, 200);
}

/**
 * Runs one delivery try. A failure on the last try becomes a dead letter: a notification_failures row and
 * a warning (without the URL or address); earlier ones from the third on mark the target failing. Every
 * failure is rethrown so the job queue retries or buries it.
 */
async function deliver(
  deps: NotificationDeps,
  target: Target,
  notice: Notice,
  ctx: JobContext,
  send: () => Promise<void>,
) {
  try {
    await send();
  } catch (err) {
    if (ctx.final) {
      const error = shortError(err);
      await recordFailure(deps.db, {
        shopId: notice.shopId,
        target,
        ticketNumber: notice.ticketNumber,
        error,
        attempts: ctx.attempt,
      });
      deps.log.warn(
        { shopId: notice.shopId, ticketNumber: notice.ticketNumber, target, attempts: ctx.attempt, error },
        'notification dead-lettered after every retry',
      );
    } else if (ctx.attempt >= SHOW_FAILING_FROM_ATTEMPT) {
      await recordRetrying(deps.db, notice.shopId, target).catch(() => {});
    }
    throw err;
  }
  await recordSuccess(deps.db, notice.shopId, target);
}

/** Loads what a notification needs; null when there is nothing to send any more. */
async function prepare(deps: NotificationDeps, data: Record<string, unknown>) {
  const parsed = ZNotice.safeParse(data);
  if (!parsed.success) {
    deps.log.warn({ job: 'notify' }, 'notification job with invalid data skipped');
    return null;
  }
  const notice = parsed.data;
  const settings = await getShopSettings(deps.db, notice.shopId).catch(() => null);
  if (!settings) return null;
  const ticket = await loadTicketSummary(deps.db, notice.shopId, notice.ticketNumber);
  if (!ticket) return null;
  return { notice, settings: settings.notifications, ticket, link: ticketUrl(deps.baseUrl, ticket.number) };
}

export function slackNoticeJob(deps: NotificationDeps): JobHandler {
  return async (data, ctx) => {
    const job = await prepare(deps, data);
    // Cleared since it was queued: nothing to send.
    const url = job?.settings.slackWebhookUrl;
    if (!job || !url) return;
    const message = slackTicketMessage(job.ticket, job.link, job.notice.kind);
    await deliver(deps, 'slack', job.notice, ctx, async () => {
      const result = await deps.slack.send(url, message, ctx.signal);
      if (!result.ok) throw new Error(`Slack: ${result.error}`);
    });
  };
}

export function emailNoticeJob(deps: NotificationDeps): JobHandler {
  return async (data, ctx) => {
    const job = await prepare(deps, data);
    const to = job?.notice.to;
    // Removed from the recipients since it was queued: nothing to send.
    if (!job || !to || !job.settings.emailRecipients.some((r) => r.toLowerCase() === to.toLowerCase()))
      return;
    const mail = ticketEmail(job.ticket, job.link, job.notice.kind);
    await deliver(deps, 'email', job.notice, ctx, async () => {
      await deps.mailer.send({ to, ...mail });
    });
  };
}
