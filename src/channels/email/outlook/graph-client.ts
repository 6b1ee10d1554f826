import { type ApiResponse, createRetryingFetch, type RetryOptions } from '../retrying-fetch.ts';
import { GraphApiError, graphErrorFor, isGraphRetryable } from './graph-errors.ts';
import {
  GRAPH_MESSAGE_SELECT,
  type GraphMessage,
  type GraphOutgoingMessage,
  type GraphReply,
  ZGraphMessage,
} from './graph-types.ts';

export type GraphClientOptions = RetryOptions & {
  /** Replaces https://graph.microsoft.com/v1.0 (tests, national clouds). */
  baseUrl?: string;
  /** An access token with Mail.Read and Mail.Send; asked for on every attempt. */
  getAccessToken: () => Promise<string>;
  /** The mailbox: a user id or user principal name. */
  mailbox: string;
};

export type GraphClient = {
  /** The message as MIME (RFC 822), byte for byte. */
  getMessageMime(id: string): Promise<Buffer>;
  getMessage(id: string): Promise<GraphMessage>;
  /** Replies to the sender in the message's conversation; Graph saves it in Sent Items. */
  replyToMessage(id: string, reply: GraphReply): Promise<void>;
  sendMail(message: GraphOutgoingMessage, options?: { saveToSentItems?: boolean }): Promise<void>;
};

/** A Microsoft Graph mail client over fetch: typed errors, retries on throttling and unavailability. */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const root = (options.baseUrl ?? 'https://graph.microsoft.com/v1.0').replace(/\/+$/, '');
  const user = `${root}/users/${encodeURIComponent(options.mailbox)}`;
  const message = (id: string) => `${user}/messages/${encodeURIComponent(id)}`;
  const send = createRetryingFetch({
    ...options,
    isRetryable: isGraphRetryable,
    networkError: (text) => new GraphApiError(`Graph request failed: ${text}`, 0),
  });

  async function call(operation: string, url: string, json?: unknown): Promise<ApiResponse> {
    const res = await send(
      json === undefined
        ? { method: 'GET', url }
        : {
            method: 'POST',
            url,
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(json),
          },
    );
    if (res.status < 200 || res.status >= 300) throw graphErrorFor(operation, res);
    return res;
  }

  return {
    getMessageMime: async (id) => (await call('messages.getMime', `${message(id)}/$value`)).body,

    async getMessage(id) {
      // Graph wants the "$" of system query options as is; URLSearchParams would encode it.
      const res = await call('messages.get', `${message(id)}?$select=${GRAPH_MESSAGE_SELECT}`);
      let body: unknown;
      try {
        body = JSON.parse(res.body.toString('utf8'));
      } catch {}
      const parsed = ZGraphMessage.safeParse(body);
      if (!parsed.success) {
        throw new GraphApiError('Graph messages.get sent an unexpected response', res.status, 'badResponse');
      }
      return parsed.data;
    },

    async replyToMessage(id, reply) {
      if (reply.comment !== undefined && reply.message?.body) {
        throw new TypeError('a Graph reply takes a comment or a message body, not both');
      }
      await call('messages.reply', `${message(id)}/reply`, reply);
    },

    async sendMail(outgoing, { saveToSentItems = true } = {}) {
      await call('users.sendMail', `${user}/sendMail`, { message: outgoing, saveToSentItems });
    },
  };
}
