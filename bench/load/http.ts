import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { createSseParser } from '../../web/widget/src/chat/sse-parser.ts';

/**
 * One simulated client (a shopper's browser, a staff member's): its own source address on the loopback
 * network (Linux routes all of 127.0.0.0/8 to `lo`), so the server sees 500 shoppers as 500 addresses,
 * and its own keep-alive connections. node:http rather than fetch: fetch's pool per origin and its
 * per-request overhead would be the bottleneck of 500 held streams, not the product.
 */
export type Client = { host: string; port: number; localAddress: string; agent: http.Agent };

export function createClient(base: string, localAddress: string): Client {
  const url = new URL(base);
  return {
    host: url.hostname,
    port: Number(url.port),
    localAddress,
    agent: new http.Agent({ keepAlive: true, maxSockets: 4 }),
  };
}

/** The n-th address of a /16 inside 127.0.0.0/8 (`127.<net>.x.y`), never .0 or .255. */
export function loopbackAddress(net: number, n: number): string {
  return `127.${net}.${1 + Math.floor(n / 250)}.${1 + (n % 250)}`;
}

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string; ms: number };

const REQUEST_TIMEOUT_MS = 30_000;

/** One request; `ms` is from sending to the last byte of the answer. Rejects on network errors. */
export function request(
  client: Client,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; json?: unknown } = {},
): Promise<Answer> {
  const payload = options.json === undefined ? undefined : JSON.stringify(options.json);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request(
      {
        host: client.host,
        port: client.port,
        localAddress: client.localAddress,
        agent: client.agent,
        method,
        path,
        headers: {
          ...options.headers,
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
            ms: performance.now() - t0,
          }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}

export type EventStream = {
  /** Time to the response headers. */
  openMs: number;
  /** Set when the server ended the stream (or the connection broke) before `close()`. */
  dropped: { at: number; reason: string } | null;
  /** Events received (heartbeats excluded). */
  events: number;
  close(): void;
};

/**
 * Opens a Server-Sent Events stream on its own connection and calls `onEvent` per event; resolves once
 * the headers arrive with a 200 (rejects otherwise). `onDrop` runs if it ends before `close()`.
 */
export function openStream(
  client: Client,
  path: string,
  headers: Record<string, string>,
  onEvent: (event: string, data: string) => void,
  onDrop: (reason: string) => void,
): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let closing = false;
    let opened = false;
    const req = http.request({
      host: client.host,
      port: client.port,
      localAddress: client.localAddress,
      // Its own connection, held for the whole run.
      agent: false,
      method: 'GET',
      path,
      headers: { ...headers, accept: 'text/event-stream' },
    });
    const stream: EventStream = {
      openMs: 0,
      dropped: null,
      events: 0,
      close() {
        closing = true;
        req.destroy();
      },
    };
    const drop = (reason: string) => {
      if (closing || stream.dropped) return;
      stream.dropped = { at: performance.now(), reason };
      onDrop(reason);
    };
    req.setTimeout(REQUEST_TIMEOUT_MS, () => {
      if (!opened) req.destroy(new Error(`stream not opened in ${REQUEST_TIMEOUT_MS} ms`));
    });
    req.on('error', (err) => {
      if (!opened) reject(err);
      else drop(err.message);
    });
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`stream answered ${res.statusCode}`));
        return;
      }
      opened = true;
      // Held open: no idle timeout on the client side (the server sends a heartbeat every 15 s).
      req.setTimeout(0);
      stream.openMs = performance.now() - t0;
      resolve(stream);
      res.setEncoding('utf8');
      const parser = createSseParser();
      res.on('data', (chunk: string) => {
        for (const e of parser.push(chunk)) {
          stream.events++;
          onEvent(e.event, e.data);
        }
      });
      res.on('end', () => drop('the server ended the stream'));
      res.on('close', () => drop('the connection closed'));
      res.on('error', (err) => drop(err.message));
    });
    req.end();
  });
}
