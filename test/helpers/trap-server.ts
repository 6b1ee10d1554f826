import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type TrapRequest = { method: string; path: string; headers: http.IncomingHttpHeaders };
export type TrapAnswer = { status: number; headers?: Record<string, string>; body?: string };

/**
 * An HTTP server on 127.0.0.1 standing in for an internal service an attacker wants the server to reach:
 * it counts every TCP connection (also ones that never send a request, e.g. a TLS hello) and records
 * every request, answering with `answer` (404 by default).
 */
export async function startTrap(answer: (req: TrapRequest) => TrapAnswer = () => ({ status: 404 })) {
  const requests: TrapRequest[] = [];
  let connections = 0;
  const server = http.createServer((req, res) => {
    const seen = { method: req.method ?? '', path: req.url ?? '', headers: req.headers };
    requests.push(seen);
    req.resume();
    req.on('end', () => {
      const a = answer(seen);
      res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
      res.end(a.body ?? '{}');
    });
  });
  server.on('connection', () => {
    connections++;
  });
  // A TLS hello is not HTTP: answer nothing, but the connection above is counted.
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    requests,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type Trap = Awaited<ReturnType<typeof startTrap>>;
