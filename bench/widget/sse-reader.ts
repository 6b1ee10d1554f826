import { createSseParser } from '../../web/widget/src/chat/sse-parser.ts';

/** A minimal SSE client over fetch (the widget API authenticates with a Bearer header). */
export async function openEventStream(
  url: string,
  token: string,
  onEvent: (event: string, data: string) => void,
  signal: AbortSignal,
): Promise<void> {
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal,
  });
  if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = createSseParser();
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        for (const e of parser.push(value)) onEvent(e.event, e.data);
      }
    } catch {
      // Aborted at the end of the run.
    }
  })();
}
