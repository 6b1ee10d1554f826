import type { GmailClient, GmailRawMessage } from './gmail-client.ts';
import { GmailApiError, GmailHistoryExpiredError } from './gmail-errors.ts';
import { isNotInbound } from './gmail-responses.ts';

/** What a resync reads when there is no usable history id: the last week, without our own mail. */
export const RESYNC_QUERY = 'newer_than:7d -in:sent -in:drafts';

export type SyncGmailMailboxInput = {
  client: GmailClient;
  /** The history id stored after the last sync; null for a mailbox never synced. */
  lastHistoryId: string | null;
  /** Called once per new inbound message, oldest first; a rejection stops the sync (keep the old history id). */
  onRawMessage: (message: GmailRawMessage) => Promise<void>;
  resyncQuery?: string;
  resyncMax?: number;
};

export type SyncGmailMailboxResult = { historyId: string; resynced: boolean; count: number };

/**
 * Delivers the messages that arrived since `lastHistoryId` (or, with none or an expired one, those of the
 * last days) and returns the history id to store for next time. Redelivery across calls is possible after a
 * failure, so the consumer deduplicates by Message-ID.
 */
export async function syncGmailMailbox(input: SyncGmailMailboxInput): Promise<SyncGmailMailboxResult> {
  const { client } = input;
  const since = input.lastHistoryId === null ? null : await newSince(client, input.lastHistoryId);
  const { messageIds, historyId } = since ?? (await recentMail(input));
  let count = 0;
  for (const id of messageIds) {
    const message = await fetchIfStillThere(client, id);
    if (!message || isNotInbound(message.labelIds)) continue;
    await input.onRawMessage(message);
    count++;
  }
  return { historyId, resynced: !since, count };
}

/** The history since the id, or null when Gmail no longer keeps history that old. */
async function newSince(client: GmailClient, historyId: string) {
  try {
    return await client.listNewMessageIds(historyId);
  } catch (err) {
    if (err instanceof GmailHistoryExpiredError) return null;
    throw err;
  }
}

/** A resync: the last days' mail, oldest first, and the history id to continue from. */
async function recentMail(input: SyncGmailMailboxInput) {
  // The profile's history id is read first, so mail arriving during the resync is seen next time.
  const { historyId } = await input.client.getProfile();
  const query = input.resyncQuery ?? RESYNC_QUERY;
  const newestFirst = await input.client.listRecentMessageIds(query, input.resyncMax);
  return { messageIds: newestFirst.reverse(), historyId };
}

// A message deleted between the listing and the fetch is gone for good: skip it, keep the others.
async function fetchIfStillThere(client: GmailClient, id: string) {
  try {
    return await client.getRawMessage(id);
  } catch (err) {
    if (err instanceof GmailApiError && err.status === 404) return null;
    throw err;
  }
}
