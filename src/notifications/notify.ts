import type { Db } from '../db/client.ts';
import { JOB, type Jobs } from '../jobs/types.ts';
import { getShopSettings } from '../settings/shop-settings.ts';
import type { NoticeKind } from './slack-message.ts';

export type TicketNotice = {
  shopId: string;
  ticketNumber: number;
  kind: NoticeKind;
  /**
   * For `urgent`: the same key twice (e.g. the ticket event id) notifies once. A `created` notice is sent
   * once per ticket whatever the key, so a repeated call (a re-dispatched outbox row) adds nothing.
   */
  dedupeKey?: string;
};

/**
 * Queues the shop's notifications about a ticket: one Slack job, and one email job per recipient, when
 * `notifyOn` asks for this kind. Call after the ticket change has committed. Returns what was queued.
 */
export async function notifyTicket(
  deps: { db: Db; jobs: Pick<Jobs, 'send'> },
  notice: TicketNotice,
): Promise<{ slack: number; email: number }> {
  const { notifications } = await getShopSettings(deps.db, notice.shopId);
  const wanted = notice.kind === 'created' ? notifications.notifyOn.newTicket : notifications.notifyOn.urgent;
  if (!wanted) return { slack: 0, email: 0 };
  const key = notice.kind === 'created' ? 'created' : notice.dedupeKey && `urgent:${notice.dedupeKey}`;
  const onceKey = (target: string) =>
    key ? `${notice.shopId}:${notice.ticketNumber}:${key}:${target}` : undefined;
  const base = { shopId: notice.shopId, ticketNumber: notice.ticketNumber, kind: notice.kind };
  let slack = 0;
  if (notifications.slackWebhookUrl) {
    await deps.jobs.send(JOB.notifySlack, base, { onceKey: onceKey('slack') });
    slack = 1;
  }
  for (const to of notifications.emailRecipients) {
    await deps.jobs.send(JOB.notifyEmail, { ...base, to }, { onceKey: onceKey(`email:${to.toLowerCase()}`) });
  }
  return { slack, email: notifications.emailRecipients.length };
}
