// A stand-in for Microsoft Graph's mail API on loopback, answering with Graph's JSON shapes.
import type { Db } from '../../src/db/client.ts';
import { channels } from '../../src/db/schema/index.ts';
import { type FakeAnswer, type SeenRequest, startLoopbackApi } from './fake-gmail.ts';

export const GRAPH_TOKEN = 'eyJ0eXAiOiJKV1QifQ.fake-graph-access-token';
export const GRAPH_MAILBOX = 'support@nordic-threads.example';

/** An Outlook channel of the shop on the fake Graph (as connecting one stores it); returns its id. */
export async function insertOutlookChannel(
  db: Db,
  shopId: string,
  graphBaseUrl: string,
  clientState: string,
) {
  const [row] = await db
    .insert(channels)
    .values({
      shopId,
      type: 'outlook',
      name: GRAPH_MAILBOX,
      config: {
        address: GRAPH_MAILBOX,
        mailbox: GRAPH_MAILBOX,
        accessToken: GRAPH_TOKEN,
        clientState,
        apiBaseUrl: graphBaseUrl,
      },
    })
    .returning({ id: channels.id });
  return row.id;
}

export type FakeGraphMessage = {
  id: string;
  mime: Buffer;
  conversationId: string;
  internetMessageId: string;
  subject: string;
  from: { name: string; address: string };
};

/** Graph's error body ({ error: { code, message } }). */
export const graphError = (status: number, code: string, message: string): FakeAnswer => ({
  status,
  body: {
    error: { code, message, innerError: { 'request-id': 'fake-request-id', date: '2026-01-01T00:00:00' } },
  },
});

const notFound = graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');

/**
 * A fake Graph mailbox at `<url>/v1.0/users/<mailbox>`: messages put with `put` can be read as JSON or
 * MIME; replies and sendMail answer 202 and are kept in `replies` and `sentMail`.
 */
export async function startFakeGraph() {
  const messages = new Map<string, FakeGraphMessage>();
  const replies: { id: string; body: unknown }[] = [];
  const sentMail: unknown[] = [];

  function getMessage(req: SeenRequest, id: string): FakeAnswer {
    const m = messages.get(id);
    if (!m) return notFound;
    const full: Record<string, unknown> = {
      id: m.id,
      conversationId: m.conversationId,
      internetMessageId: m.internetMessageId,
      subject: m.subject,
      from: { emailAddress: m.from },
      isRead: false,
    };
    const select = req.query.$select?.split(',') ?? Object.keys(full);
    const fields = Object.fromEntries(select.map((name) => [name, full[name]]));
    return {
      status: 200,
      body: {
        '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${GRAPH_MAILBOX}')/messages/$entity`,
        '@odata.etag': 'W/"CQAAABYAAAC4ofQHEIqCSbQPot83AFcbAAAW/Ve+"',
        ...fields,
      },
    };
  }

  const api = await startLoopbackApi({
    token: GRAPH_TOKEN,
    unauthorized: graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure.'),
    route(req) {
      const [version, users, mailbox, collection, id, action, ...rest] = req.segments;
      if (version !== 'v1.0' || users !== 'users' || mailbox !== GRAPH_MAILBOX) return notFound;
      if (req.method === 'POST' && collection === 'sendMail' && id === undefined) {
        sentMail.push(JSON.parse(req.body));
        return { status: 202 };
      }
      if (collection !== 'messages' || !id || rest.length > 0) return notFound;
      if (req.method === 'GET' && action === undefined) return getMessage(req, id);
      const m = messages.get(id);
      if (!m) return notFound;
      if (req.method === 'GET' && action === '$value') return { status: 200, body: m.mime };
      if (req.method === 'POST' && action === 'reply') {
        replies.push({ id, body: JSON.parse(req.body) });
        return { status: 202 };
      }
      return notFound;
    },
  });

  return {
    ...api,
    /** The Graph API root to give the client (`…/v1.0`). */
    baseUrl: `${api.url}/v1.0`,
    put: (message: FakeGraphMessage) => messages.set(message.id, message),
    replies,
    sentMail,
  };
}

export type FakeGraph = Awaited<ReturnType<typeof startFakeGraph>>;
