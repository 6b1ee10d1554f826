import { and, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { channels } from '../../db/schema/index.ts';
import { isUuid } from '../../http/ids.ts';
import { JOB, type Jobs } from '../../jobs/types.ts';
import { decodeGmailPush } from './gmail/index.ts';
import { handleGraphNotificationRequest } from './outlook/index.ts';
import { ZOutlookConfig } from './provider-config.ts';

type Options = { db: Db; jobs: Pick<Jobs, 'send'> };

/**
 * Gmail (Pub/Sub push) and Outlook (Graph change notifications) webhooks. Both only queue work and answer
 * at once: fetching mail happens in jobs, with retries, so a slow provider never times the webhook out.
 */
export const providerWebhookRoutes: FastifyPluginAsyncZod<Options> = async (app, { db, jobs }) => {
  app.post('/webhooks/gmail', { schema: { tags: ['webhooks'], body: z.unknown() } }, async (req, reply) => {
    const push = decodeGmailPush(req.body);
    // Anything but 2xx makes Pub/Sub redeliver for days; a push we cannot use is simply acknowledged.
    if (!push) return reply.status(204).send();
    const found = await db
      .select({ id: channels.id })
      .from(channels)
      .where(
        and(
          eq(channels.type, 'gmail'),
          sql`lower(${channels.config}->>'address') = lower(${push.emailAddress})`,
        ),
      );
    // Synced from the stored history id, never the push's: one sync per mailbox at a time.
    for (const channel of found)
      await jobs.send(JOB.gmailSync, { channelId: channel.id }, { singletonKey: channel.id });
    return reply.status(204).send();
  });

  app.post(
    '/webhooks/outlook',
    {
      schema: { tags: ['webhooks'], querystring: z.record(z.string(), z.string()), body: z.unknown() },
    },
    async (req, reply) => {
      const channelId = req.query.channel ?? '';
      const [channel] = isUuid(channelId)
        ? await db
            .select({ id: channels.id, config: channels.config })
            .from(channels)
            .where(and(eq(channels.id, channelId), eq(channels.type, 'outlook')))
        : [];
      const config = ZOutlookConfig.safeParse(channel?.config);
      const outcome = handleGraphNotificationRequest({
        query: req.query,
        body: req.body,
        // An unknown channel accepts no notification (an empty expected state matches nothing).
        expectedClientState: config.success ? config.data.clientState : '',
      });
      if (outcome.kind === 'validation') {
        return reply.type('text/plain; charset=utf-8').send(outcome.validationToken);
      }
      if (outcome.rejected > 0)
        req.log.warn({ rejected: outcome.rejected }, 'Graph notifications with a wrong clientState');
      for (const messageId of outcome.messageIds) {
        await jobs.send(
          JOB.outlookFetch,
          { channelId, messageId },
          { singletonKey: `${channelId}:${messageId}` },
        );
      }
      return reply.status(202).send();
    },
  );
};
