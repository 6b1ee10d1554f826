import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database, Db } from '../../src/db/client.ts';
import { createTestDatabase } from './test-db.ts';

export type TestApp = { app: FastifyInstance; database: Database; db: Db; close: () => Promise<void> };

/** The real app on a fresh test database, driven with `app.inject`. */
export async function createTestApp(options: { loginRateLimit?: number } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = { ...loadConfig({}), databaseUrl: undefined };
  const app = await buildApp({
    config,
    database,
    logger: false,
    loginRateLimit: options.loginRateLimit ?? 1000,
  });
  await app.ready();
  return {
    app,
    database,
    db: database.db,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
