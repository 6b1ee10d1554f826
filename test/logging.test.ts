import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { newShop, PASSWORD } from './helpers/factories.ts';
import type { TestDatabase } from './helpers/test-db.ts';
import { createTestDatabase } from './helpers/test-db.ts';

describe('logs', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let output = '';

  beforeAll(async () => {
    database = await createTestDatabase();
    const stream = new PassThrough();
    stream.on('data', (chunk) => {
      output += chunk.toString();
    });
    app = await buildApp({ config: { ...loadConfig({}), logLevel: 'info' }, database, logStream: stream });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('keep passwords, cookies, tokens, message text and search terms out', async () => {
    const { email, shop } = await newShop(database.db);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: PASSWORD },
    });
    const cookie = login.headers['set-cookie'] as string;
    const sessionToken = cookie.split(';')[0].split('=')[1];
    await app.inject({ url: '/api/conversations?q=secret-customer%40example.com', headers: { cookie } });
    const start = await app.inject({
      method: 'POST',
      url: '/widget/v1/conversations',
      payload: { widgetKey: shop.widgetKey },
    });
    const { conversationId, token } = start.json();
    await app.inject({
      method: 'POST',
      url: `/widget/v1/conversations/${conversationId}/messages`,
      headers: { authorization: `Bearer ${token}` },
      payload: { text: 'my card number is 4111 1111' },
    });
    expect(output).toContain('/api/conversations');
    for (const secret of [PASSWORD, sessionToken, token, 'secret-customer', '4111 1111']) {
      expect(output).not.toContain(secret);
    }
  });
});
