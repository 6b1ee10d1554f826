import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { parseSettings } from '../../settings/shop-settings.ts';
import { findShopByWidgetKey } from '../../shops/queries.ts';

/** `GET /widget/v1/config?widgetKey=…`: what the launcher shows before a conversation exists. */
export const widgetConfigRoute: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/widget/v1/config',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['widget'],
        querystring: z.object({ widgetKey: z.string().min(1).max(200) }),
        response: {
          200: z.object({
            shopName: z.string(),
            greeting: z.string(),
            accentColor: z.string(),
            ratingsEnabled: z.boolean(),
          }),
        },
      },
    },
    async (req, reply) => {
      const shop = await findShopByWidgetKey(db, req.query.widgetKey);
      if (!shop) throw new AppError(404, 'invalid_widget_key', 'Unknown widget key');
      const settings = parseSettings(shop.settings);
      reply.header('cache-control', 'public, max-age=60');
      return {
        shopName: shop.name,
        greeting: `Hi! I'm the ${shop.name} assistant. Ask me about orders, products, shipping or returns.`,
        accentColor: '#1c7ed6',
        ratingsEnabled: settings.ratings.enabled,
      };
    },
  );
};
