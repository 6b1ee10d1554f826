import type { IncomingHttpHeaders } from 'node:http';

// The shapes shared by the fake model server (fake-llm-server.ts) and its two wire formats
// (fake-llm-openai.ts, fake-llm-anthropic.ts).

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

export const sse = (data: unknown, event?: string) =>
  `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;

export type Writer = {
  /** Writes one chunk; false once the client has gone away (or the reply is cut off here). */
  chunk(text: string): boolean;
  /** Called before each text piece: false when the reply is to be cut off now. */
  more(piecesSent: number): boolean;
};
