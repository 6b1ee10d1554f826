import { EventEmitter } from 'node:events';
import http, { type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { completeAnthropic, streamAnthropic } from './fake-llm-anthropic.ts';
import { completeOpenAi, streamOpenAi } from './fake-llm-openai.ts';
import type {
  AnthropicBody,
  FakeLlm,
  FakeReply,
  LlmRequest,
  OpenAiBody,
  Responder,
  WireApi,
  Writer,
} from './fake-llm-types.ts';

// A model server on 127.0.0.1 that speaks just enough of two wire formats for the AI SDK providers:
// OpenAI Chat Completions (`POST /v1/chat/completions`, used by `openai` and `openai-compatible`) and
// the Anthropic Messages API (`POST /v1/messages`). What it answers is decided per request by a
// responder the test sets; every request is recorded for assertions.
export type {
  AnthropicBody,
  FakeLlm,
  FakeReply,
  LlmRequest,
  OpenAiBody,
  Responder,
  WireApi,
} from './fake-llm-types.ts';
export { wordChunks } from './fake-llm-types.ts';

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
