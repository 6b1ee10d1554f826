import { EventEmitter } from 'node:events';
import http, { type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

// A model server on 127.0.0.1 that speaks just enough of two wire formats for the AI SDK providers:
// OpenAI Chat Completions (`POST /v1/chat/completions`, used by `openai` and `openai-compatible`) and
// the Anthropic Messages API (`POST /v1/messages`). What it answers is decided per request by a
// responder the test sets; every request is recorded for assertions.

export type WireApi = 'openai' | 'anthropic';

/** The parts of a Chat Completions request the tests look at. */
export type OpenAiBody = {
  model: string;
  stream?: boolean;
  messages: Array<{
    role: string;
    content?: unknown;
    tool_call_id?: string;
    tool_calls?: Array<{ id: string; type: string; function: { name: string; arguments: string } }>;
  }>;
  tools?: Array<{ type: string; function: { name: string; description?: string; parameters?: unknown } }>;
};

/** The parts of a Messages API request the tests look at. */
export type AnthropicBody = {
  model: string;
  stream?: boolean;
  max_tokens?: number;
  system?: unknown;
  messages: Array<{
    role: string;
    content:
      | string
      | Array<{
          type: string;
          text?: string;
          id?: string;
          name?: string;
          input?: unknown;
          tool_use_id?: string;
          content?: unknown;
        }>;
  }>;
  tools?: Array<{ name: string; description?: string; input_schema?: unknown }>;
};

export type LlmRequest = {
  /** Order of arrival, from 0. */
  index: number;
  api: WireApi;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: OpenAiBody | AnthropicBody;
  /** What happened to the answer: still streaming, sent completely, or cut off by the client. */
  outcome: 'streaming' | 'finished' | 'aborted';
  /** Chunks of answer written so far. */
  chunksSent: number;
};

export type FakeReply =
  | {
      type: 'text';
      text: string;
      /** Pause before each streamed chunk (a slow model). */
      chunkDelayMs?: number;
      /** How the text is cut into stream chunks; word-sized pieces by default. */
      chunks?: string[];
      /**
       * Stop after this many text chunks: `destroy` drops the connection (as a crashed upstream does),
       * `end` ends the response cleanly without a finish reason or `[DONE]` (as a proxy timeout can).
       */
      cut?: { afterChunks: number; how: 'destroy' | 'end' };
    }
  | { type: 'tool-call'; toolName: string; input: Record<string, unknown>; id?: string }
  | { type: 'error'; status: number; message?: string; headers?: Record<string, string> };

export type Responder = (req: LlmRequest) => FakeReply | Promise<FakeReply>;

export type FakeLlm = {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `http://127.0.0.1:<port>/v1`, the provider base URL. */
  baseUrl: string;
  /** Every request, in order of arrival (including ones to unknown paths). */
  requests: LlmRequest[];
  setResponder(responder: Responder): void;
  /** Resolves once `check` holds for the recorded requests (re-checked on every request and chunk). */
  waitFor(check: (requests: LlmRequest[]) => boolean, timeoutMs?: number, what?: string): Promise<void>;
  close(): Promise<void>;
};

/** Words with their trailing space, as hosted models stream them. */
export const wordChunks = (text: string) => text.match(/\S+\s*/g) ?? [text];

/** The text of the last user turn of a request (Chat Completions or Messages). */
export function lastUserText(req: LlmRequest): string {
  const users = req.body.messages.filter((m) => m.role === 'user');
  for (const m of users.reverse()) {
    const text = contentText(m.content);
    if (text) return text;
  }
  return '';
}

/** Every user-turn text of a request, oldest first. */
export function userTexts(req: LlmRequest): string[] {
  return req.body.messages
    .filter((m) => m.role === 'user')
    .map((m) => contentText(m.content))
    .filter(Boolean);
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter((p): p is { type: 'text'; text: string } => p?.type === 'text' && typeof p.text === 'string')
    .map((p) => p.text)
    .join('\n');
}

/** The tool results a request carries back to the model, as raw strings, with their call ids. */
export function toolResults(req: LlmRequest): Array<{ toolCallId: string; content: string }> {
  const out: Array<{ toolCallId: string; content: string }> = [];
  for (const m of req.body.messages) {
    if (req.api === 'openai' && m.role === 'tool') {
      const msg = m as OpenAiBody['messages'][number];
      out.push({ toolCallId: msg.tool_call_id ?? '', content: stringify(msg.content) });
    }
    if (req.api === 'anthropic' && Array.isArray(m.content)) {
      for (const part of m.content) {
        if (part.type === 'tool_result') {
          out.push({ toolCallId: part.tool_use_id ?? '', content: stringify(part.content) });
        }
      }
    }
  }
  return out;
}

const stringify = (v: unknown): string => {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map((p) => (typeof p?.text === 'string' ? p.text : stringify(p))).join('');
  return JSON.stringify(v);
};

/** The tool names a request offers the model. */
export function offeredTools(req: LlmRequest): string[] {
  const tools = req.body.tools ?? [];
  return tools
    .map((t) => ('function' in t ? t.function.name : (t as { name: string }).name))
    .sort((a, b) => a.localeCompare(b));
}

/** The first product title in a `searchProducts` result carried by the request, or null. */
export function productTitleFromToolResult(req: LlmRequest): string | null {
  for (const r of toolResults(req)) {
    try {
      const parsed = JSON.parse(r.content) as { products?: Array<{ title?: string }> };
      const title = parsed.products?.[0]?.title;
      if (title) return title;
    } catch {
      const match = r.content.match(/"title"\s*:\s*"([^"]+)"/);
      if (match) return match[1];
    }
  }
  return null;
}

/**
 * The default behaviour: search the catalog for "wool sweater" first; once the tool result comes back,
 * recommend the first product found by name (so the text proves the round trip).
 */
export const productRoundTrip: Responder = (req) => {
  const title = productTitleFromToolResult(req);
  if (title) return { type: 'text', text: `Good news: the ${title} is what you are looking for. Enjoy!` };
  if (toolResults(req).length > 0) return { type: 'text', text: 'I found nothing like that, sorry.' };
  return { type: 'tool-call', toolName: 'searchProducts', input: { query: 'wool sweater' } };
};

const sse = (data: unknown, event?: string) =>
  `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;

type Writer = {
  /** Writes one chunk; false once the client has gone away (or the reply is cut off here). */
  chunk(text: string): boolean;
  /** Called before each text piece: false when the reply is to be cut off now. */
  more(piecesSent: number): boolean;
};

async function streamOpenAi(req: LlmRequest, reply: FakeReply, w: Writer, delay: () => Promise<void>) {
  const base = { id: `chatcmpl-${req.index}`, object: 'chat.completion.chunk', created: 1_700_000_000 };
  const model = req.body.model;
  const chunk = (delta: object, finish: string | null = null) =>
    w.chunk(sse({ ...base, model, choices: [{ index: 0, delta, finish_reason: finish }] }));
  if (reply.type === 'text') {
    if (!chunk({ role: 'assistant', content: '' })) return;
    for (const [i, piece] of (reply.chunks ?? wordChunks(reply.text)).entries()) {
      if (!w.more(i)) return;
      await delay();
      if (!chunk({ content: piece })) return;
    }
    if (!chunk({}, 'stop')) return;
  } else if (reply.type === 'tool-call') {
    const args = JSON.stringify(reply.input);
    const id = reply.id ?? `call_${req.index}`;
    const first = {
      role: 'assistant',
      tool_calls: [{ index: 0, id, type: 'function', function: { name: reply.toolName, arguments: '' } }],
    };
    if (!chunk(first)) return;
    // The arguments arrive in two pieces, as they do from hosted models.
    const cut = Math.ceil(args.length / 2);
    for (const piece of [args.slice(0, cut), args.slice(cut)]) {
      await delay();
      if (!chunk({ tool_calls: [{ index: 0, function: { arguments: piece } }] })) return;
    }
    if (!chunk({}, 'tool_calls')) return;
  }
  if (
    !w.chunk(
      sse({
        ...base,
        model,
        choices: [],
        usage: { prompt_tokens: 42, completion_tokens: 7, total_tokens: 49 },
      }),
    )
  )
    return;
  w.chunk(sse('[DONE]'));
}

async function streamAnthropic(req: LlmRequest, reply: FakeReply, w: Writer, delay: () => Promise<void>) {
  const ev = (type: string, data: object) => w.chunk(sse({ type, ...data }, type));
  const started = ev('message_start', {
    message: {
      id: `msg_${req.index}`,
      type: 'message',
      role: 'assistant',
      model: req.body.model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 42, output_tokens: 1 },
    },
  });
  if (!started) return;
  let stopReason = 'end_turn';
  if (reply.type === 'text') {
    if (!ev('content_block_start', { index: 0, content_block: { type: 'text', text: '' } })) return;
    for (const [i, piece] of (reply.chunks ?? wordChunks(reply.text)).entries()) {
      if (!w.more(i)) return;
      await delay();
      if (!ev('content_block_delta', { index: 0, delta: { type: 'text_delta', text: piece } })) return;
    }
  } else if (reply.type === 'tool-call') {
    stopReason = 'tool_use';
    const id = reply.id ?? `toolu_${req.index}`;
    const block = { type: 'tool_use', id, name: reply.toolName, input: {} };
    if (!ev('content_block_start', { index: 0, content_block: block })) return;
    const args = JSON.stringify(reply.input);
    const cut = Math.ceil(args.length / 2);
    for (const piece of [args.slice(0, cut), args.slice(cut)]) {
      await delay();
      if (!ev('content_block_delta', { index: 0, delta: { type: 'input_json_delta', partial_json: piece } }))
        return;
    }
  }
  if (!ev('content_block_stop', { index: 0 })) return;
  const stop = { stop_reason: stopReason, stop_sequence: null };
  if (!ev('message_delta', { delta: stop, usage: { output_tokens: 7 } })) return;
  ev('message_stop', {});
}

function completeOpenAi(req: LlmRequest, reply: FakeReply) {
  const message =
    reply.type === 'text'
      ? { role: 'assistant', content: reply.text }
      : reply.type === 'tool-call'
        ? {
            role: 'assistant',
            content: null,
            tool_calls: [
              {
                id: reply.id ?? `call_${req.index}`,
                type: 'function',
                function: { name: reply.toolName, arguments: JSON.stringify(reply.input) },
              },
            ],
          }
        : { role: 'assistant', content: '' };
  return {
    id: `chatcmpl-${req.index}`,
    object: 'chat.completion',
    created: 1_700_000_000,
    model: req.body.model,
    choices: [{ index: 0, message, finish_reason: reply.type === 'tool-call' ? 'tool_calls' : 'stop' }],
    usage: { prompt_tokens: 42, completion_tokens: 7, total_tokens: 49 },
  };
}

function completeAnthropic(req: LlmRequest, reply: FakeReply) {
  const content =
    reply.type === 'text'
      ? [{ type: 'text', text: reply.text }]
      : reply.type === 'tool-call'
        ? [
            {
              type: 'tool_use',
              id: reply.id ?? `toolu_${req.index}`,
              name: reply.toolName,
              input: reply.input,
            },
          ]
        : [];
  return {
    id: `msg_${req.index}`,
    type: 'message',
    role: 'assistant',
    model: req.body.model,
    content,
    stop_reason: reply.type === 'tool-call' ? 'tool_use' : 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 42, output_tokens: 7 },
  };
}

function sendError(res: ServerResponse, api: WireApi, reply: Extract<FakeReply, { type: 'error' }>) {
  const message = reply.message ?? 'The fake model is down';
  const body =
    api === 'anthropic'
      ? { type: 'error', error: { type: 'api_error', message } }
      : { error: { message, type: 'server_error', code: null } };
  res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
  res.end(JSON.stringify(body));
}

/** Starts the fake model server on 127.0.0.1 with a free port. */
export async function startFakeLlm(responder: Responder = productRoundTrip): Promise<FakeLlm> {
  let respond = responder;
  const requests: LlmRequest[] = [];
  const changed = new EventEmitter();
  changed.setMaxListeners(0);

  const server = http.createServer(async (httpReq, res) => {
    let raw = '';
    for await (const piece of httpReq) raw += piece;
    const path = (httpReq.url ?? '').split('?')[0];
    const api: WireApi = path.endsWith('/messages') ? 'anthropic' : 'openai';
    let body: OpenAiBody | AnthropicBody;
    try {
      body = JSON.parse(raw || '{}');
    } catch {
      body = { model: '', messages: [] };
    }
    if (!Array.isArray(body.messages)) body.messages = [];
    const req: LlmRequest = {
      index: requests.length,
      api,
      method: httpReq.method ?? '',
      path,
      headers: httpReq.headers,
      body,
      outcome: 'streaming',
      chunksSent: 0,
    };
    requests.push(req);
    changed.emit('change');
    const known = httpReq.method === 'POST' && (path === '/v1/chat/completions' || path === '/v1/messages');
    if (!known) {
      req.outcome = 'finished';
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `no route ${httpReq.method} ${path}` } }));
      changed.emit('change');
      return;
    }
    let reply: FakeReply;
    try {
      reply = await respond(req);
    } catch (err) {
      reply = { type: 'error', status: 500, message: (err as Error).message };
    }
    if (reply.type === 'error') {
      sendError(res, api, reply);
      req.outcome = 'finished';
      changed.emit('change');
      return;
    }
    if (!body.stream) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(api === 'anthropic' ? completeAnthropic(req, reply) : completeOpenAi(req, reply)),
      );
      req.chunksSent = 1;
      req.outcome = 'finished';
      changed.emit('change');
      return;
    }
    let gone = false;
    res.on('close', () => {
      if (!res.writableFinished) {
        gone = true;
        req.outcome = 'aborted';
        changed.emit('change');
      }
    });
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const cut = reply.type === 'text' ? reply.cut : undefined;
    const writer: Writer = {
      chunk(text) {
        if (gone || res.destroyed) return false;
        res.write(text);
        req.chunksSent++;
        changed.emit('change');
        return true;
      },
      more(piecesSent) {
        if (!cut || piecesSent < cut.afterChunks) return true;
        if (cut.how === 'destroy') {
          gone = true;
          req.outcome = 'aborted';
          res.destroy();
        }
        return false;
      },
    };
    const pause = reply.type === 'text' ? (reply.chunkDelayMs ?? 0) : 0;
    const delay = async () => {
      if (pause > 0) await sleep(pause);
    };
    if (api === 'anthropic') await streamAnthropic(req, reply, writer, delay);
    else await streamOpenAi(req, reply, writer, delay);
    if (!gone) {
      res.end();
      req.outcome = 'finished';
      changed.emit('change');
    }
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    baseUrl: `${url}/v1`,
    requests,
    setResponder(next) {
      respond = next;
    },
    waitFor(check, timeoutMs = 15_000, what = 'the fake model server to see the expected requests') {
      if (check(requests)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const onChange = () => {
          if (!check(requests)) return;
          clearTimeout(timer);
          changed.off('change', onChange);
          resolve();
        };
        const timer = setTimeout(() => {
          changed.off('change', onChange);
          const seen = requests.map((r) => `#${r.index} ${r.path} ${r.outcome} chunks=${r.chunksSent}`);
          reject(
            new Error(`timed out after ${timeoutMs} ms waiting for ${what}; requests:\n${seen.join('\n')}`),
          );
        }, timeoutMs);
        changed.on('change', onChange);
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
