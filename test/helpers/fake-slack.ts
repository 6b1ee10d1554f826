import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type SlackRequest = { at: number; path: string; body: Record<string, unknown> };
export type SlackAnswer = { status: number; headers?: Record<string, string>; body?: string };

/**
 * A Slack-like incoming-webhook server on 127.0.0.1: records every POST and answers with `answer(n)`
 * for the n-th request (0-based), 200 "ok" by default.
 */
export async function startFakeSlack(answer: (n: number) => SlackAnswer = () => ({ status: 200 })) {
  const requests: SlackRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const n = requests.length;
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {}
      requests.push({ at: Date.now(), path: req.url ?? '', body });
      const a = answer(n);
      res.writeHead(a.status, { 'content-type': 'text/plain', ...a.headers });
      res.end(a.body ?? (a.status === 200 ? 'ok' : 'error'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    requests,
    /** A webhook URL on this server; the path stands in for Slack's secret. */
    url: (secret = 'T000/B000/secretXYZ123') => `http://127.0.0.1:${port}/services/${secret}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakeSlack = Awaited<ReturnType<typeof startFakeSlack>>;
