import type { z } from 'zod';
import { createRetryingFetch, type RetryOptions } from '../retrying-fetch.ts';
import { GmailApiError, gmailErrorFor, isGmailRetryable } from './gmail-errors.ts';
import {
  isNotInbound,
  ZHistoryPage,
  ZMessageListPage,
  ZProfile,
  ZRawMessage,
  ZSentMessage,
} from './gmail-responses.ts';

export type GmailClientOptions = RetryOptions & {
  /** Replaces https://gmail.googleapis.com (tests, proxies). */
  baseUrl?: string;
  /** An OAuth access token for the mailbox; asked for on every attempt, so a refreshed one is picked up. */
  getAccessToken: () => Promise<string>;
  /** The mailbox: "me" (the token's user) or an address. */
  userId?: string;
};

export type GmailRawMessage = {
  id: string;
  threadId: string;
  historyId: string;
  labelIds: string[];
  /** The whole RFC 2822 message, byte for byte. */
  raw: Buffer;
};

export type GmailClient = {
  getProfile(): Promise<{ emailAddress: string; historyId: string }>;
  /** Ids of messages added since the history id: all pages, in order, once each; no drafts, sent, spam. */
  listNewMessageIds(startHistoryId: string): Promise<{ messageIds: string[]; historyId: string }>;
  getRawMessage(id: string): Promise<GmailRawMessage>;
  /** Sends a complete MIME message (a string is taken as its UTF-8 text), into `threadId` when given. */
  sendRaw(raw: Buffer | string, threadId?: string): Promise<{ id: string; threadId: string }>;
  /** Ids of messages matching a Gmail search, newest first, at most `max`. */
  listRecentMessageIds(query?: string, max?: number): Promise<string[]>;
};

type Query = Record<string, string | undefined>;

/** A Gmail API client over fetch: typed errors, retries on rate limits and server errors. */
export function createGmailClient(options: GmailClientOptions): GmailClient {
  const root = (options.baseUrl ?? 'https://gmail.googleapis.com').replace(/\/+$/, '');
  const mailbox = `${root}/gmail/v1/users/${encodeURIComponent(options.userId ?? 'me')}`;
  const send = createRetryingFetch({
    ...options,
    isRetryable: isGmailRetryable,
    networkError: (message) => new GmailApiError(`Gmail request failed: ${message}`, 0),
  });

  async function call<S extends z.ZodType>(
    operation: string,
    schema: S,
    path: string,
    request: { query?: Query; json?: unknown } = {},
  ): Promise<z.output<S>> {
    const url = new URL(mailbox + path);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, value);
    }
    const posting = request.json !== undefined;
    const res = await send({
      method: posting ? 'POST' : 'GET',
      url: url.href,
      headers: posting
        ? { Accept: 'application/json', 'Content-Type': 'application/json' }
        : { Accept: 'application/json' },
      body: posting ? JSON.stringify(request.json) : undefined,
    });
    if (res.status < 200 || res.status >= 300) throw gmailErrorFor(operation, res);
    let body: unknown;
    try {
      body = JSON.parse(res.body.toString('utf8'));
    } catch {
      body = undefined;
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new GmailApiError(`Gmail ${operation} sent an unexpected response`, res.status, 'badResponse');
    }
    return parsed.data;
  }

  return {
    getProfile: () => call('users.getProfile', ZProfile, '/profile'),

    async listNewMessageIds(startHistoryId) {
      const ids = new Set<string>();
      let historyId = startHistoryId;
      let pageToken: string | undefined;
      do {
        const page = await call('history.list', ZHistoryPage, '/history', {
          query: { startHistoryId, historyTypes: 'messageAdded', maxResults: '500', pageToken },
        });
        for (const record of page.history ?? []) {
          for (const { message } of record.messagesAdded ?? []) {
            if (!isNotInbound(message.labelIds)) ids.add(message.id);
          }
        }
        historyId = page.historyId;
        pageToken = page.nextPageToken;
      } while (pageToken);
      return { messageIds: [...ids], historyId };
    },

    async getRawMessage(id) {
      const message = await call('messages.get', ZRawMessage, `/messages/${encodeURIComponent(id)}`, {
        query: { format: 'raw' },
      });
      return { ...message, labelIds: message.labelIds ?? [], raw: Buffer.from(message.raw, 'base64url') };
    },

    sendRaw: (raw, threadId) =>
      call('messages.send', ZSentMessage, '/messages/send', {
        json: { raw: Buffer.from(raw).toString('base64url'), ...(threadId ? { threadId } : {}) },
      }),

    async listRecentMessageIds(query = 'newer_than:7d', max = 100) {
      const ids: string[] = [];
      let pageToken: string | undefined;
      if (max < 1) return ids;
      do {
        const page = await call('messages.list', ZMessageListPage, '/messages', {
          query: { q: query, maxResults: String(Math.min(500, max - ids.length)), pageToken },
        });
        ids.push(...(page.messages ?? []).map((m) => m.id));
        pageToken = page.nextPageToken;
      } while (pageToken && ids.length < max);
      return ids.slice(0, max);
    },
  };
}
