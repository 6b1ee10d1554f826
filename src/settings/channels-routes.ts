import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { CHANNEL_TYPES, channels, shops } from '../db/schema/index.ts';
import { AppError, notFound } from '../http/errors.ts';
import { isUuid } from '../http/ids.ts';

const EMAIL_TYPES: Array<'gmail' | 'outlook' | 'email'> = ['gmail', 'outlook', 'email'];

const ZChannelSettings = z.object({
  widgetKey: z.string(),
  channels: z.array(
    z.object({
      id: z.guid(),
      type: z.enum(CHANNEL_TYPES),
      name: z.string(),
      mode: z.enum(['auto', 'draft']),
      inboundAddress: z.string().nullable(),
    }),
  ),
});

const ZModes = z
  .object({
    channels: z
      .array(z.object({ id: z.string().max(100), mode: z.enum(['auto', 'draft']) }).strict())
      .max(50),
  })
  .strict();
const ZNewEmailChannel = z
  .object({ name: z.string().trim().min(1).max(100), inboundAddress: z.email().max(200) })
  .strict();

/** Settings → Channels: the widget key (public by design: storefronts embed it) and the shop's channels. */
export const channelSettingsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const view = async (shopId: string) => {
    const [shop] = await db.select({ widgetKey: shops.widgetKey }).from(shops).where(eq(shops.id, shopId));
    if (!shop) throw notFound('shop');
    const rows = await db
      .select({
        id: channels.id,
        type: channels.type,
        name: channels.name,
        mode: channels.mode,
        inboundAddress: channels.inboundAddress,
      })
      .from(channels)
      .where(eq(channels.shopId, shopId))
      .orderBy(asc(channels.createdAt), asc(channels.id));
    return { widgetKey: shop.widgetKey, channels: rows };
  };

  app.get(
    '/api/settings/channels',
    { schema: { tags: ['settings'], response: { 200: ZChannelSettings } } },
    async (req) => view(req.staff.shopId),
  );

  // Email channels' auto/draft mode; every id must be one of the shop's email channels, or nothing changes.
  app.put(
    '/api/settings/channels',
    { schema: { tags: ['settings'], body: ZModes, response: { 200: ZChannelSettings } } },
    async (req) => {
      const shopId = req.staff.shopId;
      await db.transaction(async (tx) => {
        for (const change of req.body.channels) {
          const updated = isUuid(change.id)
            ? await tx
                .update(channels)
                .set({ mode: change.mode })
                .where(
                  and(
                    eq(channels.shopId, shopId),
                    eq(channels.id, change.id),
                    inArray(channels.type, EMAIL_TYPES),
                  ),
                )
                .returning({ id: channels.id })
            : [];
          if (updated.length === 0) throw notFound('email channel');
        }
      });
      return view(shopId);
    },
  );

  // A generic email channel: mail to its inbound address (through the SMTP listener) becomes conversations.
  app.post(
    '/api/settings/channels/email',
    { schema: { tags: ['settings'], body: ZNewEmailChannel, response: { 201: ZChannelSettings } } },
    async (req, reply) => {
      const address = req.body.inboundAddress.toLowerCase();
      const [taken] = await db
        .select({ id: channels.id })
        .from(channels)
        .where(sql`lower(${channels.inboundAddress}) = ${address}`);
      if (taken) throw new AppError(409, 'conflict', 'That inbound address is already in use');
      await db.insert(channels).values({
        shopId: req.staff.shopId,
        type: 'email',
        name: req.body.name,
        mode: 'auto',
        inboundAddress: address,
      });
      return reply.status(201).send(await view(req.staff.shopId));
    },
  );
};
