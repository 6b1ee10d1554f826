import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { login, newShop } from './helpers/factories.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let output = '';
  const lines = () =>
    output
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  beforeAll(async () => {
    database = await createTestDatabase();
    const stream = new PassThrough();
    stream.on('data', (chunk) => {
      output += chunk.toString();
    });
    app = await buildApp({
      config: { ...loadConfig({}), databaseUrl: undefined, logLevel: 'debug' },
      database,
      logStream: stream,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('are made per request, returned as x-request-id and carried by every log line of the request', async () => {
    const a = await app.inject({ url: '/api/conversations' });
    const b = await app.inject({ url: '/api/conversations' });
    const id = a.headers['x-request-id'] as string;
    expect(id).toMatch(UUID);
    expect(b.headers['x-request-id']).not.toBe(id);
    const mine = lines().filter((l) => l.reqId === id);
    expect(mine.map((l) => l.msg)).toEqual(['incoming request', 'request completed']);
  });

  it('take a safe incoming x-request-id (≤ 64 of A-Z a-z 0-9 - _) and replace anything else', async () => {
    const given = 'lb-7f3a_Z9';
    const echoed = await app.inject({ url: '/healthz', headers: { 'x-request-id': given } });
    expect(echoed.headers['x-request-id']).toBe(given);
    for (const unsafe of ['a'.repeat(65), 'has space', '<script>', 'x\u00e9', '../etc', '']) {
      const res = await app.inject({ url: '/api/conversations', headers: { 'x-request-id': unsafe } });
      expect(res.headers['x-request-id']).toMatch(UUID);
    }
    expect(output).not.toContain('<script>');
    expect(output).not.toContain('a'.repeat(65));
  });

  it('are on event streams too', async () => {
    const { email } = await newShop(database.db);
    const cookie = await login(app, email);
    const { port } = app.server.address() as AddressInfo;
    const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http
        .get(
          `http://127.0.0.1:${port}/api/events`,
          { headers: { cookie, 'x-request-id': 'sse-req-1' } },
          resolve,
        )
        .on('error', reject);
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-request-id']).toBe('sse-req-1');
    res.destroy();
  });

  it('never log authorization headers, cookies or set-cookie values, even at debug level', async () => {
    const { email } = await newShop(database.db);
    const cookie = await login(app, email);
    const secret = 'Bearer very-secret-bearer-token-value';
    await app.inject({ url: '/api/conversations', headers: { cookie, authorization: secret } });
    await app.inject({ url: '/api/nope', headers: { cookie, authorization: secret } });
    expect(output).toContain('/api/conversations');
    expect(output).not.toContain('very-secret-bearer-token-value');
    expect(output).not.toContain(cookie.split('=')[1]);
  });
});
