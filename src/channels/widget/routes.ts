import cors from '@fastify/cors';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hashToken, newToken } from '../../auth/tokens.ts';
import { appendMessage } from '../../conversations/append-message.ts';
import { createConversation } from '../../conversations/create-conversation.ts';
import type { Db } from '../../db/client.ts';
import { messages } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { findShopByWidgetKey, getWidgetChannel } from '../../shops/queries.ts';
import { authorizeWidgetConversation } from './conversation-access.ts';

const ZStart = z.object({
  widgetKey: z.string().min(1).max(200),
  customer: z
    .object({
      name: z.string().trim().max(200).optional(),
      email: z.email().max(320).optional().or(z.literal('')),
    })
    .optional(),
});
const ZPost = z.object({
  text: z.string().trim().min(1).max(10_000),
  clientMessageId: z.string().max(100).optional(),
});
const ZParams = z.object({ id: z.string().max(100) });
const ZWidgetMessage = z.object({
  id: z.guid(),
  role: z.string(),
  text: z.string(),
  createdAt: z.string(),
});

type Options = { db: Db; messageRateLimit: number };

/** Public widget API v1: a shop's widget key opens a conversation; its token then scopes every call. */
export const widgetRoutes: FastifyPluginAsyncZod<Options> = async (app, { db, messageRateLimit }) => {
  // Storefronts on any domain embed the widget; no cookies are involved, so any origin may call.
  await app.register(cors, { origin: true, credentials: false, methods: ['GET', 'POST'] });

  app.post(
    '/widget/v1/conversations',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
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
      config: {
        rateLimit: {
          max: messageRateLimit,
          timeWindow: '1 minute',
          keyGenerator: (req) => req.url.split('?')[0],
        },
      },
      schema: { tags: ['widget'], params: ZParams, body: ZPost, response: { 202: ZWidgetMessage } },
    },
    async (req, reply) => {
      const access = await authorizeWidgetConversation(db, req, req.params.id);
      // Committed before we answer: an acknowledged message is never lost.
      const { message } = await appendMessage(db, {
        shopId: access.shopId,
        conversationId: access.conversationId,
        role: 'customer',
        parts: [{ type: 'text', text: req.body.text }],
        clientMessageId: req.body.clientMessageId,
      });
      return reply.status(202).send(toWidgetMessage(message));
    },
  );

  app.get(
    '/widget/v1/conversations/:id/messages',
    {
      schema: {
        tags: ['widget'],
        params: ZParams,
        response: { 200: z.object({ messages: z.array(ZWidgetMessage) }) },
      },
    },
    async (req) => {
      const access = await authorizeWidgetConversation(db, req, req.params.id);
      const rows = await db
        .select()
        .from(messages)
        .where(and(eq(messages.shopId, access.shopId), eq(messages.conversationId, access.conversationId)))
        .orderBy(asc(messages.createdAt), asc(messages.seq));
      // The customer sees what was said to them, never tool calls or internal system notes.
      return {
        messages: rows
          .filter((m) => m.role !== 'system')
          .map(toWidgetMessage)
          .filter((m) => m.text),
      };
    },
  );
};

function toWidgetMessage(m: typeof messages.$inferSelect) {
  const text = m.parts
    .filter((p) => p.type === 'text')
    .map((p) => p.text)
    .join('\n');
  return { id: m.id, role: m.role, text, createdAt: m.createdAt.toISOString() };
}
