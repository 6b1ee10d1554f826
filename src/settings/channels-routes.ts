import { asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { CHANNEL_TYPES, channels, shops } from '../db/schema/index.ts';
import { notFound } from '../http/errors.ts';

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

/** Settings → Channels: the widget key (public by design: storefronts embed it) and the shop's channels. */
export const channelSettingsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/settings/channels',
    { schema: { tags: ['settings'], response: { 200: ZChannelSettings } } },
    async (req) => {
      const [shop] = await db
        .select({ widgetKey: shops.widgetKey })
        .from(shops)
        .where(eq(shops.id, req.staff.shopId));
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
        .where(eq(channels.shopId, req.staff.shopId))
        .orderBy(asc(channels.createdAt), asc(channels.id));
      return { widgetKey: shop.widgetKey, channels: rows };
    },
  );
};
