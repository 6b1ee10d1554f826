import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ADMIN_EMAIL, ADMIN_PASSWORD, spawnProduct } from '../../e2e/helpers/server.ts';
import { clonePgTemplate } from './test-db.ts';

// What the AI-plumbing tests share besides the fake model: a Server-Sent Events reader over `fetch`,
// small widget/admin HTTP calls against a listening server, and the real product process that can be
// killed with SIGKILL and started again on the same data.

export type SseEvent = { event: string; id?: number; data: unknown };

export type SseStream = {
  status: number;
  /** Every event received so far, in order. */
  events: SseEvent[];
  /** Resolves with the events once `check` holds (re-checked on each event). */
  waitFor(check: (events: SseEvent[]) => boolean, timeoutMs?: number, what?: string): Promise<SseEvent[]>;
  /** Closes the connection from the client side. */
  close(): void;
  /** The body of a refused (non-2xx) request. */
  errorBody: unknown;
};

/** Opens an SSE stream with `fetch` and parses events as they arrive. */
export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
  const abort = new AbortController();
  const res = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  const events: SseEvent[] = [];
  const waiters = new Set<() => void>();
  let ended = false;
  const stream: SseStream = {
    status: res.status,
    events,
    errorBody: null,
    waitFor(check, timeoutMs = 15_000, what = 'SSE events') {
      if (check(events)) return Promise.resolve(events);
      return new Promise((resolve, reject) => {
        const onEvent = () => {
          if (check(events)) {
            clearTimeout(timer);
            waiters.delete(onEvent);
            resolve(events);
          } else if (ended) {
            clearTimeout(timer);
            waiters.delete(onEvent);
            reject(new Error(`stream ended before ${what}; got ${JSON.stringify(events)}`));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(onEvent);
          reject(
            new Error(`timed out after ${timeoutMs} ms waiting for ${what}; got ${JSON.stringify(events)}`),
          );
        }, timeoutMs);
        waiters.add(onEvent);
      });
    },
    close() {
      abort.abort();
    },
  };
  if (!res.ok || !res.body) {
    const text = await res.text();
    try {
      stream.errorBody = JSON.parse(text);
    } catch {
      stream.errorBody = text;
    }
    return stream;
  }
  const body = res.body;
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const bytes of body) {
        buffer += decoder.decode(bytes as Uint8Array, { stream: true });
        for (;;) {
          const end = buffer.search(/\r?\n\r?\n/);
          if (end < 0) break;
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
          const parsed = parseBlock(block);
          if (parsed) {
            events.push(parsed);
            for (const w of [...waiters]) w();
          }
        }
      }
    } catch {
      // Aborted by close(), or the server went away.
    }
    ended = true;
    for (const w of [...waiters]) w();
  })();
  return stream;
}

function parseBlock(block: string): SseEvent | null {
  let event = 'message';
  let id: number | undefined;
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (!line || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'id') id = Number(value);
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0) return null; // `retry:` and comments only
  const text = data.join('\n');
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return { event, id, data: parsed };
}

export type WidgetMessage = {
  id: string;
  seq: number;
  role: 'customer' | 'ai' | 'staff';
  text: string;
  cards: Array<{ type: string; title?: string }>;
  createdAt: string;
};

export type DetailMessage = {
  id: string;
  role: 'customer' | 'ai' | 'staff' | 'system';
  parts: Array<{
    type: string;
    text?: string;
    toolName?: string;
    toolCallId?: string;
    input?: unknown;
    output?: unknown;
  }>;
  createdAt: string;
};

/** Text of a detail message's text parts. */
export const partsText = (m: DetailMessage) =>
  m.parts
    .filter((p) => p.type === 'text')
    .map((p) => p.text)
    .join('\n');

async function json(res: Response, what: string): Promise<unknown> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

/** A widget conversation against a listening server. */
export async function startWidgetChat(baseUrl: string, widgetKey: string, name = 'Kari Nordmann') {
  const res = await fetch(`${baseUrl}/widget/v1/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ widgetKey, customer: { name } }),
  });
  return (await json(res, 'POST /widget/v1/conversations')) as { conversationId: string; token: string };
}

/** Posts a customer message; answers the HTTP status and the stored message. */
export async function postWidgetMessage(
  baseUrl: string,
  chat: { conversationId: string; token: string },
  text: string,
) {
  const res = await fetch(`${baseUrl}/widget/v1/conversations/${chat.conversationId}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${chat.token}` },
    body: JSON.stringify({ text }),
  });
  const body = (await res.json()) as WidgetMessage;
  return { status: res.status, message: body };
}

/** `GET /api/conversations/:id` with a staff cookie. */
export async function adminDetail(baseUrl: string, cookie: string, id: string) {
  const res = await fetch(`${baseUrl}/api/conversations/${id}`, { headers: { cookie } });
  return (await json(res, `GET /api/conversations/${id}`)) as {
    id: string;
    status: string;
    messages: DetailMessage[];
    tickets: Array<{ number: number; reason: string; status: string; priority: string }>;
  };
}

/** Polls until `check` returns a value other than undefined, or fails with the last value seen. */
export async function poll<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  { timeoutMs = 20_000, intervalMs = 200, what = 'the condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (check(last)) return last;
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(last).slice(0, 2000)}`,
      );
    await sleep(intervalMs);
  }
}

export { ADMIN_EMAIL, ADMIN_PASSWORD };

/**
 * Where a product process keeps its data across restarts: a PGlite directory, or (with DATABASE_URL) a
 * migrated PostgreSQL clone. `dispose` removes both.
 */
export type ServerHome = { dataDir: string; databaseUrl?: string; dispose: () => Promise<void> };

export async function createServerHome(): Promise<ServerHome> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'supportify-durability-'));
  let databaseUrl: string | undefined;
  let drop = async () => {};
  if (process.env.DATABASE_URL) {
    const clone = await clonePgTemplate(process.env.DATABASE_URL);
    databaseUrl = clone.url;
    drop = clone.drop;
  }
  return {
    dataDir,
    databaseUrl,
    dispose: async () => {
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type ProductProcess = {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** `kill -9`: no shutdown hooks, no lease release, open streams cut. Resolves when the process is gone. */
  crash: () => Promise<void>;
  /** SIGTERM, graceful. */
  stop: () => Promise<void>;
};

/**
 * Starts the real product (`node src/main.ts start`, the same way as e2e/helpers/server.ts) on a home's
 * data; starting again on the same home is a restart after whatever happened to the previous process.
 */
export async function launchProduct(
  home: ServerHome,
  extraEnv: Record<string, string> = {},
): Promise<ProductProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    SMTP_PORT: '0',
    HOST: '127.0.0.1',
    SUPPORTIFY_DATA_DIR: home.dataDir,
    SUPPORTIFY_ADMIN_EMAIL: ADMIN_EMAIL,
    SUPPORTIFY_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LOG_LEVEL: 'warn',
    // The fake model servers are on loopback: let shops point their AI base URL there.
    SUPPORTIFY_AI_ALLOW_PRIVATE_URLS: '1',
    ...extraEnv,
  };
  // The model server is the test's loopback fake; no real provider key leaks in from the environment.
  delete env.OPENAI_API_KEY;
  delete env.ANTHROPIC_API_KEY;
  if (home.databaseUrl) env.DATABASE_URL = home.databaseUrl;
  else delete env.DATABASE_URL;
  const { url, child, exited, output } = await spawnProduct(env);
  return {
    url,
    child,
    output,
    crash: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
