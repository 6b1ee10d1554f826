import { ApiError, apiErrorFrom } from './api-client.ts';
import { createSseParser, type SseEvent } from './sse-parser.ts';

export type StreamOptions = {
  url: string;
  token: string;
  /** The last seq seen: the server replays what came after it. */
  lastEventId: number;
  onEvent: (event: SseEvent) => void;
  /** Called whenever bytes arrive (events or `: ping` heartbeats). */
  onAlive: () => void;
  signal: AbortSignal;
};

/**
 * Reads one SSE connection until it ends. `fetch` rather than EventSource, because the conversation
 * token goes in the Authorization header. Rejects with ApiError on a non-2xx answer.
 */
export async function openEventStream(options: StreamOptions): Promise<void> {
  const headers: Record<string, string> = {
    accept: 'text/event-stream',
    authorization: `Bearer ${options.token}`,
  };
  const last = options.lastEventId;
  if (last > 0) headers['last-event-id'] = String(last);
  const res = await fetch(options.url, {
    headers,
    signal: options.signal,
    cache: 'no-store',
    credentials: 'omit',
  });
  if (!res.ok) throw await apiErrorFrom(res);
  if (!res.body) throw new ApiError(500, 'no_body', 'The stream has no body', null);
  const parser = createSseParser();
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      options.onAlive();
      for (const event of parser.push(value)) options.onEvent(event);
    }
  } finally {
    reader.releaseLock();
  }
}
