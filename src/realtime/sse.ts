import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const HEARTBEAT_MS = 15_000;

/** Formats one Server-Sent Event. Data is JSON on one line, so no field can break the framing. */
export function sseEvent(event: string, data: unknown, id?: number): string {
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Ends every open stream as the server begins to close (before it waits for connections to end), so a
 * shutdown does not wait on clients; they reconnect (`retry:`) to another process or the restarted one.
 */
export function trackEventStreams(app: FastifyInstance): Set<() => void> {
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });
  return open;
}

/**
 * Turns the reply into an event stream with a heartbeat (proxies drop silent connections). `cleanup`
 * runs once, when the client goes away or the server ends the stream (`end`: the client reconnects).
 */
export function openEventStream(
  req: FastifyRequest,
  reply: FastifyReply,
  open: Set<() => void>,
  options: { retryMs: number; headers?: Record<string, string>; cleanup: () => void },
) {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    // A hijacked reply skips the onSend hook that sets it on every other response.
    'x-request-id': req.id,
    ...options.headers,
  });
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    options.cleanup();
    open.delete(end);
  };
  const end = () => {
    close();
    res.end();
  };
  open.add(end);
  req.raw.on('close', close);
  res.write(`retry: ${options.retryMs}\n\n`);
  return { res, end };
}
