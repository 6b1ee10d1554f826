// A stand-in for the Gmail API on loopback: a small mailbox with history, answering with the real API's
// JSON shapes. The generic loopback server here also backs the Graph fake (fake-graph.ts).
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type SeenRequest = {
  method: string;
  /** The path, URL-decoded. */
  path: string;
  /** The path's segments, each URL-decoded (an encoded "/" stays inside its segment). */
  segments: string[];
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: string;
};

export type FakeAnswer = { status: number; headers?: Record<string, string>; body?: unknown };

/**
 * An HTTP server on 127.0.0.1 that records every request, refuses any without the bearer token, answers
 * scripted failures first (`failNext`), and routes the rest.
 */
export async function startLoopbackApi(options: {
  token: string;
  unauthorized: FakeAnswer;
  route: (req: SeenRequest) => FakeAnswer;
}) {
  const requests: SeenRequest[] = [];
  const failures: FakeAnswer[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const seen: SeenRequest = {
        method: req.method ?? '',
        path: decodeURIComponent(url.pathname),
        segments: url.pathname.split('/').slice(1).map(decodeURIComponent),
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(seen);
      const answer =
        req.headers.authorization !== `Bearer ${options.token}`
          ? options.unauthorized
          : (failures.shift() ?? options.route(seen));
      const { body } = answer;
      const binary = Buffer.isBuffer(body);
      res.writeHead(answer.status, {
        'content-type': binary ? 'text/plain' : 'application/json; charset=UTF-8',
        ...answer.headers,
      });
      res.end(binary ? body : body === undefined ? undefined : JSON.stringify(body));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    /** Answers the next requests with these, in order, before routing resumes. */
    failNext: (...answers: FakeAnswer[]) => failures.push(...answers),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const GMAIL_TOKEN = 'ya29.fake-gmail-access-token-0123456789';
export const GMAIL_ADDRESS = 'support@nordic-threads.example';

type StoredMessage = { id: string; threadId: string; labelIds: string[]; historyId: number; raw: Buffer };

/** Google's error body ({ error: { code, message, errors: [{ reason }], status } }). */
export const googleError = (code: number, status: string, reason: string, message: string): FakeAnswer => ({
  status: code,
  body: { error: { code, message, errors: [{ message, domain: 'global', reason }], status } },
});

const notFound = googleError(404, 'NOT_FOUND', 'notFound', 'Requested entity was not found.');

/** Pages of `size` items from a list, with the offset as the page token. */
function page<T>(items: T[], size: number, token: string | undefined) {
  const start = Number(token ?? 0);
  const next = start + size < items.length ? String(start + size) : undefined;
  return { items: items.slice(start, start + size), nextPageToken: next };
}

/**
 * A fake Gmail mailbox: messages added with `deliver` get history records; history older than
 * `expireHistoryBefore` answers 404 like Gmail; `messages.send` stores the sent mail with the SENT label.
 */
export async function startFakeGmail(options: { historyPageSize?: number } = {}) {
  const messages = new Map<string, StoredMessage>();
  const history: { id: number; message: StoredMessage }[] = [];
  let historyId = 1000;
  let oldestHistoryId = 0;
  let nextId = 1;

  function store(raw: Buffer, threadId: string | undefined, labelIds: string[]) {
    const id = `18c${(nextId++).toString(16).padStart(13, '0')}`;
    historyId += 7; // Gmail history ids grow with gaps.
    const message = { id, threadId: threadId ?? id, labelIds, historyId, raw };
    messages.set(id, message);
    history.push({ id: historyId, message });
    return message;
  }

  const routes: [method: string, pattern: RegExp, handle: (req: SeenRequest, m: string[]) => FakeAnswer][] = [
    [
      'GET',
      /^\/profile$/,
      () => ({
        status: 200,
        body: {
          emailAddress: GMAIL_ADDRESS,
          messagesTotal: messages.size,
          threadsTotal: new Set([...messages.values()].map((m) => m.threadId)).size,
          historyId: String(historyId),
        },
      }),
    ],
    [
      'GET',
      /^\/history$/,
      (req) => {
        const start = Number(req.query.startHistoryId);
        if (!Number.isFinite(start) || start < oldestHistoryId) return notFound;
        const records = history.filter((h) => h.id > start);
        const { items, nextPageToken } = page(records, options.historyPageSize ?? 100, req.query.pageToken);
        const shown = items.map(({ id, message: { id: mid, threadId, labelIds } }) => ({
          id: String(id),
          messages: [{ id: mid, threadId }],
          messagesAdded: [{ message: { id: mid, threadId, labelIds } }],
        }));
        return {
          status: 200,
          body: { ...(shown.length ? { history: shown } : {}), nextPageToken, historyId: String(historyId) },
        };
      },
    ],
    [
      'GET',
      /^\/messages$/,
      (req) => {
        const q = req.query.q ?? '';
        const matching = [...messages.values()]
          .filter((m) => !(q.includes('-in:sent') && m.labelIds.includes('SENT')))
          .reverse()
          .map(({ id, threadId }) => ({ id, threadId }));
        const { items, nextPageToken } = page(
          matching,
          Number(req.query.maxResults ?? 100),
          req.query.pageToken,
        );
        return {
          status: 200,
          body: { messages: items, nextPageToken, resultSizeEstimate: matching.length },
        };
      },
    ],
    [
      'POST',
      /^\/messages\/send$/,
      (req) => {
        const { raw, threadId } = JSON.parse(req.body) as { raw: string; threadId?: string };
        const sent = store(Buffer.from(raw, 'base64url'), threadId, ['SENT']);
        return { status: 200, body: { id: sent.id, threadId: sent.threadId, labelIds: sent.labelIds } };
      },
    ],
    [
      'GET',
      /^\/messages\/([^/]+)$/,
      (req, [, id]) => {
        const m = messages.get(id);
        if (!m) return notFound;
        if (req.query.format !== 'raw')
          return googleError(400, 'INVALID_ARGUMENT', 'badRequest', 'fake: raw only');
        const body = {
          id: m.id,
          threadId: m.threadId,
          labelIds: m.labelIds,
          snippet: '',
          sizeEstimate: m.raw.length,
          historyId: String(m.historyId),
          internalDate: '1767225600000',
          raw: m.raw.toString('base64url'),
        };
        return { status: 200, body };
      },
    ],
  ];

  const api = await startLoopbackApi({
    token: GMAIL_TOKEN,
    unauthorized: googleError(
      401,
      'UNAUTHENTICATED',
      'authError',
      'Request had invalid authentication credentials.',
    ),
    route(req) {
      const prefix = '/gmail/v1/users/me';
      if (!req.path.startsWith(prefix)) return notFound;
      const path = req.path.slice(prefix.length);
      for (const [method, pattern, handle] of routes) {
        const match = pattern.exec(path);
        if (match && method === req.method) return handle(req, match);
      }
      return notFound;
    },
  });

  return {
    ...api,
    /** A message arriving in the inbox (or with other labels); returns its id. */
    deliver: (raw: string | Buffer, labelIds = ['INBOX', 'UNREAD'], threadId?: string) =>
      store(Buffer.from(raw), threadId, labelIds).id,
    /** Deletes a message (its history record stays, as in Gmail). */
    remove: (id: string) => messages.delete(id),
    /** Makes history older than the current state unavailable, like Gmail after a week. */
    expireHistory: () => {
      oldestHistoryId = historyId;
    },
    historyId: () => String(historyId),
    sent: () => [...messages.values()].filter((m) => m.labelIds.includes('SENT')),
  };
}

export type FakeGmail = Awaited<ReturnType<typeof startFakeGmail>>;
