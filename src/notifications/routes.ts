import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../http/errors.ts';
import {
  getShopSettings,
  MAX_NOTIFICATION_RECIPIENTS,
  saveSettingsSection,
} from '../settings/shop-settings.ts';
import { recentFailures, recordSettingsChange, targetStatuses } from './delivery-status.ts';
import type { NotificationDeps } from './deps.ts';
import { sendTestNotifications } from './test-send.ts';
import { checkWebhookUrl, maskWebhookUrl } from './webhook-url.ts';

const ZStatus = z.enum(['unset', 'ok', 'failing']);
const ZView = z.object({
  // Masked: the full URL is a secret and is never returned.
  slackWebhookUrl: z.string().nullable(),
  slackWebhookSet: z.boolean(),
  emailRecipients: z.array(z.string()),
  notifyOn: z.object({ newTicket: z.boolean(), urgent: z.boolean() }),
  status: z.object({ slack: ZStatus, email: ZStatus }),
  failures: z.array(
    z.object({
      target: z.enum(['slack', 'email']),
      ticketNumber: z.number().nullable(),
      error: z.string(),
      attempts: z.number(),
      createdAt: z.string(),
    }),
  ),
});
const ZUpdate = z
  .object({
    // Omitted or the masked value keeps the stored URL; null or '' clears it.
    slackWebhookUrl: z.string().max(500).nullable().optional(),
    emailRecipients: z.array(z.string().max(320)).max(100).optional(),
    notifyOn: z
      .object({ newTicket: z.boolean().optional(), urgent: z.boolean().optional() })
      .strict()
      .optional(),
  })
  .strict();
const ZOutcome = z.object({ ok: z.boolean(), error: z.string().optional() });

/** Trimmed, de-duplicated (any case) and valid, at most ten; otherwise 400 invalid_recipients. */
function checkRecipients(list: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of list) {
    const email = raw.trim();
    if (!z.email().safeParse(email).success) {
      throw new AppError(400, 'invalid_recipients', 'Every recipient must be a valid email address');
    }
    if (seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    out.push(email);
  }
  if (out.length > MAX_NOTIFICATION_RECIPIENTS) {
    throw new AppError(400, 'invalid_recipients', `At most ${MAX_NOTIFICATION_RECIPIENTS} recipients`);
  }
  return out;
}

/** Settings → Notifications for the signed-in shop: new-ticket alerts to Slack and email. */
export const notificationRoutes: FastifyPluginAsyncZod<{ deps: NotificationDeps }> = async (
  app,
  { deps },
) => {
  const { db } = deps;
  const view = async (shopId: string) => {
    const { notifications: n } = await getShopSettings(db, shopId);
    const configured = { slack: Boolean(n.slackWebhookUrl), email: n.emailRecipients.length > 0 };
    return {
      slackWebhookUrl: n.slackWebhookUrl ? maskWebhookUrl(n.slackWebhookUrl) : null,
      slackWebhookSet: configured.slack,
      emailRecipients: n.emailRecipients,
      notifyOn: n.notifyOn,
      // One snapshot: a dead letter committed between two reads would show failures beside an "ok" status.
      ...(await db.transaction(
        async (tx) => ({
          status: await targetStatuses(tx, shopId, configured),
          failures: await recentFailures(tx, shopId),
        }),
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      )),
    };
  };

  app.get(
    '/api/settings/notifications',
    { schema: { tags: ['settings'], response: { 200: ZView } } },
    (req) => view(req.staff.shopId),
  );

  app.put(
    '/api/settings/notifications',
    { schema: { tags: ['settings'], body: ZUpdate, response: { 200: ZView } } },
    async (req) => {
      const shopId = req.staff.shopId;
      const current = (await getShopSettings(db, shopId)).notifications;
      const body = req.body;
      // Everything is checked before anything is saved.
      let slackWebhookUrl = current.slackWebhookUrl;
      const given = body.slackWebhookUrl;
      if (given === null || given?.trim() === '') slackWebhookUrl = null;
      else if (
        given !== undefined &&
        !(current.slackWebhookUrl && given === maskWebhookUrl(current.slackWebhookUrl))
      ) {
        slackWebhookUrl = await checkWebhookUrl(given, deps.webhooks);
      }
      const emailRecipients = body.emailRecipients
        ? checkRecipients(body.emailRecipients)
        : current.emailRecipients;
      const notifyOn = { ...current.notifyOn, ...body.notifyOn };
      await saveSettingsSection(db, shopId, 'notifications', { slackWebhookUrl, emailRecipients, notifyOn });
      if (slackWebhookUrl !== current.slackWebhookUrl) await recordSettingsChange(db, shopId, 'slack');
      if (emailRecipients.join('\n') !== current.emailRecipients.join('\n')) {
        await recordSettingsChange(db, shopId, 'email');
      }
      return view(shopId);
    },
  );

  app.post(
    '/api/settings/notifications/test',
    {
      schema: { tags: ['settings'], response: { 200: z.object({ slack: ZOutcome, email: ZOutcome }) } },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    (req) => sendTestNotifications(deps, req.staff.shopId),
  );
};
