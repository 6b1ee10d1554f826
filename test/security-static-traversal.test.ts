import fs from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_DIST } from '../src/http/static-admin.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

/** Files outside the served folders, and text only each of them contains. */
const SECRETS: Array<[target: string, marker: string]> = [
  ['package.json', '"devDependencies"'],
  ['src/config.ts', 'loadConfig'],
  ['etc/passwd', 'root:x:0:0'],
];

/** Every way we know to spell "one directory up". */
const UP = [
  '../',
  '..%2f',
  '..%2F',
  '%2e%2e/',
  '%2e%2e%2f',
  '%2E%2E%2F',
  '.%2e/',
  '..\\',
  '..%5c',
  '%2e%2e%5c',
  // Double-encoded: a second decode somewhere would make these ../
  '%252e%252e%252f',
  '..%252f',
  // Overlong UTF-8 and full-width dots, which some decoders fold into '.'.
  '%c0%ae%c0%ae/',
  '%ef%bc%8e%ef%bc%8e/',
  // Stripping '../' once leaves '../'.
  '....//',
  '..;/',
];

/** Where static files are served from (and routes that read a path), each a place to climb out of. */
const PREFIXES = ['/', '/assets/', '/assets/x/', '/api/docs/static/', '/widget.js/', '/demo/', '/widget/'];

/** A raw HTTP request over a socket, so no client normalizes the path before the server sees it. */
function rawGet(port: number, path: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text });
    });
    socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
  });
}

describe('security: path traversal on static files', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as net.AddressInfo).port;
  });
  afterAll(() => t.close());

  it('serves the files that are meant to be served (so the routes below are live)', async () => {
    const script = await rawGet(port, '/widget.js');
    expect([200, 404]).toContain(script.status);
    if (fs.existsSync(`${ADMIN_DIST}/index.html`)) {
      expect((await rawGet(port, '/favicon.svg')).status).toBe(200);
      const asset = fs.readdirSync(`${ADMIN_DIST}/assets`)[0];
      expect((await rawGet(port, `/assets/${asset}`)).status).toBe(200);
    }
  });

  it('never answers a file outside the served folders, however the path is spelled, and never 5xx', async () => {
    const leaks: unknown[] = [];
    const serverErrors: unknown[] = [];
    let sent = 0;
    for (const prefix of PREFIXES) {
      for (const up of UP) {
        for (const depth of [2, 4, 8]) {
          for (const [target, marker] of SECRETS) {
            const path = `${prefix}${up.repeat(depth)}${target}`;
            const res = await rawGet(port, path);
            sent++;
            if (res.text.includes(marker)) leaks.push({ path, status: res.status });
            if (res.status >= 500 || res.status === 0) serverErrors.push({ path, status: res.status });
          }
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(serverErrors).toEqual([]);
    expect(sent).toBeGreaterThan(1000);
  });

  it('refuses null bytes and odd separators in static paths without a server error', async () => {
    const paths = [
      '/favicon.svg%00',
      '/favicon.svg%00.png',
      '/assets/%00',
      '/assets/..%00/..%00/package.json',
      '/assets/%00../../package.json',
      '/widget.js%00',
      '/index.html%00/../../package.json',
      '/assets//..//..//package.json',
      '/assets/./../../package.json',
      '//etc/passwd',
      '/assets/%2fetc%2fpasswd',
      '/assets/\\etc\\passwd',
      '/assets/C:%5cWindows%5cwin.ini',
      '/%2e%2e/%2e%2e/package.json',
      `/assets/${'a'.repeat(5000)}`,
      '/assets/%',
      '/assets/%zz',
      '/assets/%e0%a4%a',
    ];
    const wrong: unknown[] = [];
    for (const path of paths) {
      const res = await rawGet(port, path);
      const leaked = SECRETS.some(([, marker]) => res.text.includes(marker));
      if (leaked || res.status >= 500 || res.status === 0) wrong.push({ path, status: res.status, leaked });
    }
    expect(wrong).toEqual([]);
  });
});
