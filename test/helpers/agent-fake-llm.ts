import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One chat-completions message as an OpenAI-compatible client sends it. */
export type WireMessage = {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string | null;
  tool_calls?: Array<{ id: string; type: 'function'; function: { name: string; arguments: string } }>;
  tool_call_id?: string;
};
export type ChatRequest = {
  model: string;
  messages: WireMessage[];
  tools?: Array<{ type: 'function'; function: { name: string; description?: string } }>;
  stream?: boolean;
};
export type FakeReply =
  | { text: string }
  | { toolCalls: Array<{ name: string; args: Record<string, unknown> }> };
export type Brain = (req: ChatRequest) => FakeReply;

export type FakeLlm = {
  /** The base URL to put in Settings → AI (`openai-compatible`). */
  baseUrl: string;
  requests: ChatRequest[];
  /** Requests the server refused the way OpenAI does, with its message. */
  refused: string[];
  setBrain(brain: Brain): void;
  close(): Promise<void>;
};

/**
 * OpenAI's own rule for a conversation with tools: every assistant message with tool_calls is followed directly by
 * one tool message per call, and every tool message answers such a call. The real API refuses anything else (400).
 */
export function openAiHistoryError(messages: WireMessage[]): string | null {
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i];
    if (m.role === 'assistant' && m.tool_calls?.length) {
      const pending = new Set(m.tool_calls.map((c) => c.id));
      let j = i + 1;
      while (j < messages.length && messages[j].role === 'tool')
        pending.delete(messages[j++].tool_call_id ?? '');
      if (pending.size > 0) {
        return `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...pending].join(', ')}`;
      }
    }
    if (m.role === 'tool') {
      let k = i - 1;
      while (k >= 0 && messages[k].role === 'tool') k--;
      const call = messages[k];
      if (!(call?.role === 'assistant' && call.tool_calls?.some((c) => c.id === m.tool_call_id))) {
        return "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.";
      }
    }
  }
  return null;
}

let callCounter = 0;

function send(res: ServerResponse, req: ChatRequest, reply: FakeReply) {
  const id = `chatcmpl-${++callCounter}`;
  const base = { id, object: 'chat.completion.chunk', created: 0, model: req.model };
  const usage = { prompt_tokens: 50, completion_tokens: 10, total_tokens: 60 };
  const toolCalls =
    'toolCalls' in reply
      ? reply.toolCalls.map((c, index) => ({
          index,
          id: `call_${++callCounter}`,
          type: 'function' as const,
          function: { name: c.name, arguments: JSON.stringify(c.args) },
        }))
      : [];
  const finish = toolCalls.length ? 'tool_calls' : 'stop';
  if (!req.stream) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        ...base,
        object: 'chat.completion',
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: 'text' in reply ? reply.text : null,
              ...(toolCalls.length ? { tool_calls: toolCalls.map(({ index: _i, ...c }) => c) } : {}),
            },
            finish_reason: finish,
          },
        ],
        usage,
      }),
    );
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const chunk = (body: object) => res.write(`data: ${JSON.stringify({ ...base, ...body })}\n\n`);
  if ('text' in reply) {
    chunk({
      choices: [{ index: 0, delta: { role: 'assistant', content: reply.text }, finish_reason: null }],
    });
  } else {
    chunk({
      choices: [
        { index: 0, delta: { role: 'assistant', content: null, tool_calls: toolCalls }, finish_reason: null },
      ],
    });
  }
  chunk({ choices: [{ index: 0, delta: {}, finish_reason: finish }], usage });
  res.end('data: [DONE]\n\n');
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A local OpenAI-compatible chat-completions server driven by a scripted "brain", checking OpenAI's history rules. */
export async function startFakeLlm(initial: Brain = () => ({ text: 'OK' })): Promise<FakeLlm> {
  let brain = initial;
  const requests: ChatRequest[] = [];
  const refused: string[] = [];
  const server = createServer(async (req, res) => {
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404).end();
      return;
    }
    const parsed = JSON.parse(await body(req)) as ChatRequest;
    requests.push(parsed);
    const error = openAiHistoryError(parsed.messages);
    if (error) {
      refused.push(error);
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: { message: error, type: 'invalid_request_error', param: 'messages', code: null },
        }),
      );
      return;
    }
    send(res, parsed, brain(parsed));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    refused,
    setBrain: (b) => {
      brain = b;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The newest user message's text in a request. */
export const lastUserText = (req: ChatRequest): string =>
  [...req.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
/** True when the model is being asked to answer tool results. */
export const answeringTools = (req: ChatRequest): boolean => req.messages.at(-1)?.role === 'tool';
