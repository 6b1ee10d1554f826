import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { shops } from '../db/schema/index.ts';
import { notFound } from '../http/errors.ts';

export const AI_PROVIDERS = ['offline', 'openai', 'anthropic', 'openai-compatible'] as const;

export const ZAiSettings = z.object({
  provider: z.enum(AI_PROVIDERS).default('offline'),
  model: z.string().max(200).default('supportify-offline-1'),
  baseUrl: z.url().max(500).nullable().default(null),
  // Write-only: never returned by the API.
  apiKey: z.string().max(500).nullable().default(null),
});
export const ZRatingSettings = z.object({
  enabled: z.boolean().default(true),
  escalateOnBadRating: z.boolean().default(true),
});
export const ZBillingSettings = z.object({
  monthlyAiReplyCap: z.number().int().min(0).max(100_000_000).nullable().default(null),
});
export const MAX_NOTIFICATION_RECIPIENTS = 10;
export const ZNotificationSettings = z.object({
  // A secret (whoever has it can post to the channel): the API only shows it masked.
  slackWebhookUrl: z.string().max(500).nullable().default(null),
  emailRecipients: z.array(z.email().max(254)).max(MAX_NOTIFICATION_RECIPIENTS).default([]),
  notifyOn: z
    .object({ newTicket: z.boolean().default(true), urgent: z.boolean().default(false) })
    .default({ newTicket: true, urgent: false }),
});

/** GDPR: conversations are deleted this many days after they started (never more than 90). */
export const MAX_RETENTION_DAYS = 90;
export const ZRetentionSettings = z.object({
  days: z.number().int().min(1).max(MAX_RETENTION_DAYS).default(MAX_RETENTION_DAYS),
});

const ZShopSettings = z.object({
  ai: ZAiSettings.catch(ZAiSettings.parse({})).default(ZAiSettings.parse({})),
  ratings: ZRatingSettings.catch(ZRatingSettings.parse({})).default(ZRatingSettings.parse({})),
  billing: ZBillingSettings.catch(ZBillingSettings.parse({})).default(ZBillingSettings.parse({})),
  notifications: ZNotificationSettings.catch(ZNotificationSettings.parse({})).default(
    ZNotificationSettings.parse({}),
  ),
  retention: ZRetentionSettings.catch(ZRetentionSettings.parse({})).default(ZRetentionSettings.parse({})),
});

export type ShopSettings = z.infer<typeof ZShopSettings>;
export type SettingsSection = keyof ShopSettings;

/** A shop's settings with defaults filled in (stored JSON that no longer parses falls back to defaults). */
export function parseSettings(raw: unknown): ShopSettings {
  return ZShopSettings.parse(raw ?? {});
}

export async function getShopSettings(db: Db, shopId: string): Promise<ShopSettings> {
  const [row] = await db.select({ settings: shops.settings }).from(shops).where(eq(shops.id, shopId));
  if (!row) throw notFound('shop');
  return parseSettings(row.settings);
}

/** Replaces one section of a shop's settings, leaving the others untouched. */
export async function saveSettingsSection<K extends SettingsSection>(
  db: Db,
  shopId: string,
  section: K,
  value: ShopSettings[K],
): Promise<void> {
  await db
    .update(shops)
    .set({
      settings: sql`${shops.settings} || jsonb_build_object(${section}::text, ${JSON.stringify(value)}::jsonb)`,
    })
    .where(eq(shops.id, shopId));
}
