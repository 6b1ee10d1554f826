import { and, asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ReplyWorker } from '../../agent/reply/reply-worker.ts';
import { hashToken, newToken } from '../../auth/tokens.ts';
import { createConversation } from '../../conversations/create-conversation.ts';
import type { Db } from '../../db/client.ts';
import { conversations, messages, ratings } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import type { RealtimeBus } from '../../realtime/bus.ts';
import { findShopByWidgetKey, getWidgetChannel } from '../../shops/queries.ts';
import { authorizeWidgetConversation, bearerToken } from './conversation-access.ts';
import { postCustomerMessage } from './post-message.ts';
import { toVisibleWidgetMessage, toWidgetMessage } from './present.ts';
import { ZParams, ZPost, ZStart, ZWidgetMessage } from './schema.ts';

export type WidgetOptions = {
  db: Db;
  bus: RealtimeBus;
  replyWorker: ReplyWorker;
  /** Messages per conversation per minute. */
  messageRateLimit: number;
  /** New conversations per IP address per minute. */
  startRateLimit: number;
};

// Per conversation (the URL) rather than per IP: many shoppers can share one address.
const perConversation = (max: number) => ({
  rateLimit: { max, timeWindow: '1 minute', keyGenerator: (req: { url: string }) => req.url.split('?')[0] },
});

/** Public widget API v1: a shop's widget key opens a conversation; its token then scopes every call. */
export const widgetRoutes: FastifyPluginAsyncZod<WidgetOptions> = async (
  app,
  { db, bus, replyWorker, messageRateLimit, startRateLimit },
) => {
  app.post(
    '/widget/v1/conversations',
    {
      config: { rateLimit: { max: startRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['widget'],
        body: ZStart,
        response: { 201: z.object({ conversationId: z.guid(), token: z.string() }) },
      },
    },
    async (req, reply) => {
      const shop = await findShopByWidgetKey(db, req.body.widgetKey);
      if (!shop) throw new AppError(404, 'invalid_widget_key', 'Unknown widget key');
      const channel = await getWidgetChannel(db, shop.id);
      const token = newToken();
      const conversation = await createConversation(db, {
        shopId: shop.id,
        channel: 'widget',
        channelId: channel.id,
        customer: { name: req.body.customer?.name, email: req.body.customer?.email || undefined },
        widgetTokenHash: hashToken(token),
      });
      return reply.status(201).send({ conversationId: conversation.id, token });
    },
  );

  app.post(
    '/widget/v1/conversations/:id/messages',
    {
      config: perConversation(messageRateLimit),
      schema: { tags: ['widget'], params: ZParams, body: ZPost, response: { 202: ZWidgetMessage } },
    },
    async (req, reply) => {
      const { message, duplicate } = await postCustomerMessage(db, {
        conversationId: req.params.id,
        token: bearerToken(req),
        text: req.body.text,
        clientMessageId: req.body.clientMessageId,
      });
      if (!duplicate)
        bus.publish({
          type: 'message',
          shopId: message.shopId,
          conversationId: message.conversationId,
          message,
        });
      replyWorker.kick(message.conversationId);
      return reply.status(202).send(toWidgetMessage(message));
    },
  );

  app.get(
    '/widget/v1/conversations/:id/messages',
    {
      schema: {
        tags: ['widget'],
        params: ZParams,
        response: {
          200: z.object({
            messages: z.array(ZWidgetMessage),
            status: z.enum(['unresolved', 'resolved', 'draft']),
            rating: z.object({ rating: z.enum(['good', 'bad']), comment: z.string().nullable() }).nullable(),
          }),
        },
      },
    },
    async (req) => {
      const access = await authorizeWidgetConversation(db, req, req.params.id);
      const where = and(
        eq(messages.shopId, access.shopId),
        eq(messages.conversationId, access.conversationId),
      );
      const [rows, [conversation], [rating]] = await Promise.all([
        db.select().from(messages).where(where).orderBy(asc(messages.createdAt), asc(messages.seq)),
        db
          .select({ status: conversations.status })
          .from(conversations)
          .where(eq(conversations.id, access.conversationId)),
        db
          .select({ rating: ratings.rating, comment: ratings.comment })
          .from(ratings)
          .where(eq(ratings.conversationId, access.conversationId)),
      ]);
      return {
        messages: rows.map(toVisibleWidgetMessage).filter((m) => m !== null),
        // An email draft waiting for review is invisible to the customer: the chat is simply open.
        status: conversation.status === 'draft' ? 'unresolved' : conversation.status,
        rating: rating ?? null,
      };
    },
  );
};
