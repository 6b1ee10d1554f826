import cors from '@fastify/cors';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { widgetConfigRoute } from './config-route.ts';
import { widgetRatingRoute } from './rating-route.ts';
import { type WidgetOptions, widgetRoutes } from './routes.ts';
import { widgetStreamRoute } from './stream-route.ts';

/** The whole public widget API v1 under one CORS policy. */
export const widgetApi: FastifyPluginAsyncZod<WidgetOptions> = async (app, options) => {
  // Storefronts on any domain embed the widget; no cookies are involved, so any origin may call.
  await app.register(cors, {
    origin: true,
    credentials: false,
    methods: ['GET', 'POST'],
    exposedHeaders: ['retry-after'],
  });
  await app.register(widgetRoutes, options);
  await app.register(widgetStreamRoute, { db: options.db, bus: options.bus });
  await app.register(widgetRatingRoute, { db: options.db });
  await app.register(widgetConfigRoute, { db: options.db });
};
