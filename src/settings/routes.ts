import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AiEndpointPolicy, checkAiBaseUrl, DEFAULT_AI_ENDPOINTS } from '../agent/models/ai-endpoint.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { AI_PROVIDERS, getShopSettings, saveSettingsSection, ZRatingSettings } from './shop-settings.ts';
import { getMonthlyUsage, isFallbackMode } from './usage.ts';

const ZAiView = z.object({
  provider: z.enum(AI_PROVIDERS),
  model: z.string(),
  baseUrl: z.string().nullable(),
  hasApiKey: z.boolean(),
});
const ZAiUpdate = z
  .object({
    provider: z.enum(AI_PROVIDERS),
    model: z.string().trim().min(1).max(200),
    baseUrl: z.url().max(500).nullable().optional(),
    // Omitted keeps the stored key; '' removes it.
    apiKey: z.string().max(500).optional(),
  })
  .strict();
const ZBillingView = z.object({
  monthlyAiReplyCap: z.number().nullable(),
  usage: z.object({ month: z.string(), aiReplies: z.number() }),
  fallbackMode: z.boolean(),
});

/**
 * Settings → AI, Ratings and Billing for the signed-in shop. `aiEndpoints` says where a base URL may point
 * (checked on every save; the reply worker checks again when it connects).
 */
export const settingsRoutes: FastifyPluginAsyncZod<{ db: Db; aiEndpoints?: AiEndpointPolicy }> = async (
  app,
  { db, aiEndpoints = DEFAULT_AI_ENDPOINTS },
) => {
  const aiView = async (shopId: string) => {
    const { ai } = await getShopSettings(db, shopId);
    return { provider: ai.provider, model: ai.model, baseUrl: ai.baseUrl, hasApiKey: Boolean(ai.apiKey) };
  };
  const billingView = async (shopId: string) => {
    const { billing } = await getShopSettings(db, shopId);
    const usage = await getMonthlyUsage(db, shopId);
    return {
      monthlyAiReplyCap: billing.monthlyAiReplyCap,
      usage,
      fallbackMode: isFallbackMode(billing.monthlyAiReplyCap, usage.aiReplies),
    };
  };

  app.get('/api/settings/ai', { schema: { tags: ['settings'], response: { 200: ZAiView } } }, (req) =>
    aiView(req.staff.shopId),
  );
  app.put(
    '/api/settings/ai',
    { schema: { tags: ['settings'], body: ZAiUpdate, response: { 200: ZAiView } } },
    async (req) => {
      const { ai } = await getShopSettings(db, req.staff.shopId);
      const body = req.body;
      if (body.provider === 'openai-compatible' && !(body.baseUrl ?? ai.baseUrl)) {
        throw new AppError(400, 'invalid_request', 'An OpenAI-compatible provider needs a base URL');
      }
      const apiKey = body.apiKey === undefined ? ai.apiKey : body.apiKey || null;
      const given = body.baseUrl === undefined ? ai.baseUrl : body.baseUrl;
      // SSRF: refused (400 ai_base_url_not_allowed, nothing saved) unless it is allowed to be reached.
      const baseUrl = given ? await checkAiBaseUrl(given, aiEndpoints) : null;
      await saveSettingsSection(db, req.staff.shopId, 'ai', {
        provider: body.provider,
        model: body.model,
        baseUrl,
        apiKey,
      });
      return aiView(req.staff.shopId);
    },
  );

  app.get(
    '/api/settings/ratings',
    { schema: { tags: ['settings'], response: { 200: ZRatingSettings } } },
    async (req) => (await getShopSettings(db, req.staff.shopId)).ratings,
  );
  app.put(
    '/api/settings/ratings',
    {
      schema: {
        tags: ['settings'],
        body: z.object({ enabled: z.boolean(), escalateOnBadRating: z.boolean() }).strict(),
        response: { 200: ZRatingSettings },
      },
    },
    async (req) => {
      await saveSettingsSection(db, req.staff.shopId, 'ratings', req.body);
      return (await getShopSettings(db, req.staff.shopId)).ratings;
    },
  );

  app.get(
    '/api/settings/billing',
    { schema: { tags: ['settings'], response: { 200: ZBillingView } } },
    (req) => billingView(req.staff.shopId),
  );
  app.put(
    '/api/settings/billing',
    {
      schema: {
        tags: ['settings'],
        body: z.object({ monthlyAiReplyCap: z.number().int().min(0).max(100_000_000).nullable() }).strict(),
        response: { 200: ZBillingView },
      },
    },
    async (req) => {
      await saveSettingsSection(db, req.staff.shopId, 'billing', {
        monthlyAiReplyCap: req.body.monthlyAiReplyCap,
      });
      return billingView(req.staff.shopId);
    },
  );
};
