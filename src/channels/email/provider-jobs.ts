import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { channels } from '../../db/schema/index.ts';
import type { JobHandler } from '../../jobs/types.ts';
import { createGmailClient, syncGmailMailbox } from './gmail/index.ts';
import type { IngestResult } from './ingest-email.ts';
import { ingestEmail } from './ingest-email.ts';
import { createGraphClient } from './outlook/index.ts';
import { ZGmailConfig, ZOutlookConfig } from './provider-config.ts';

type Deps = { db: Db; onIngested: (shopId: string, result: IngestResult) => void };

async function loadChannel(db: Db, channelId: string, type: 'gmail' | 'outlook') {
  const [channel] = await db
    .select({ id: channels.id, shopId: channels.shopId, config: channels.config })
    .from(channels)
    .where(and(eq(channels.id, channelId), eq(channels.type, type)));
  return channel ?? null;
}

/**
 * Brings a Gmail mailbox up to date after a push: new mail since the stored history id (or a resync of
 * recent mail when that id is too old), each stored like any inbound mail. The new history id is saved
 * only after every message is stored, so a failure retries from the same point.
 */
export function gmailSyncJob({ db, onIngested }: Deps): JobHandler {
  return async (data) => {
    const { channelId } = z.object({ channelId: z.guid() }).parse(data);
    const channel = await loadChannel(db, channelId, 'gmail');
    const config = ZGmailConfig.safeParse(channel?.config);
    if (!channel || !config.success) return;
    const client = createGmailClient({
      baseUrl: config.data.apiBaseUrl,
      getAccessToken: async () => config.data.accessToken,
    });
    const result = await syncGmailMailbox({
      client,
      lastHistoryId: config.data.lastHistoryId ?? null,
      onRawMessage: async (message) => {
        const stored = await ingestEmail(db, {
          shopId: channel.shopId,
          channel: { id: channel.id, type: 'gmail' },
          raw: message.raw,
          threadKey: message.threadId,
          providerId: message.id,
        });
        if (stored && !stored.duplicate) onIngested(channel.shopId, stored);
      },
    });
    await db
      .update(channels)
      .set({
        config: sql`${channels.config} || jsonb_build_object('lastHistoryId', ${result.historyId}::text)`,
      })
      .where(eq(channels.id, channel.id));
  };
}

/** Fetches one Outlook message a Graph notification named, as MIME, and stores it like any inbound mail. */
export function outlookFetchJob({ db, onIngested }: Deps): JobHandler {
  return async (data) => {
    const { channelId, messageId } = z
      .object({ channelId: z.guid(), messageId: z.string().min(1).max(500) })
      .parse(data);
    const channel = await loadChannel(db, channelId, 'outlook');
    const config = ZOutlookConfig.safeParse(channel?.config);
    if (!channel || !config.success) return;
    const client = createGraphClient({
      baseUrl: config.data.apiBaseUrl,
      mailbox: config.data.mailbox,
      getAccessToken: async () => config.data.accessToken,
    });
    const [message, mime] = await Promise.all([
      client.getMessage(messageId),
      client.getMessageMime(messageId),
    ]);
    const stored = await ingestEmail(db, {
      shopId: channel.shopId,
      channel: { id: channel.id, type: 'outlook' },
      raw: mime,
      threadKey: message.conversationId,
      providerId: message.id,
    });
    if (stored && !stored.duplicate) onIngested(channel.shopId, stored);
  };
}
