import type { FastifyInstance } from 'fastify';
import { type AppOptions, buildApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import type { Database, Db } from '../../src/db/client.ts';
import { createTestDatabase } from './test-db.ts';

export type TestApp = { app: FastifyInstance; database: Database; db: Db; close: () => Promise<void> };

/** The real app on a fresh test database, driven with `app.inject`. */
export async function createTestApp(
  options: {
    loginRateLimit?: number;
    /** Settings on top of the defaults (e.g. `aiAllowPrivateUrls` for a model server on loopback). */
    config?: Partial<Config>;
    /** More of buildApp's options (e.g. a fixed DNS table). */
    app?: Partial<AppOptions>;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = { ...loadConfig({}), databaseUrl: undefined, ...options.config };
  const app = await buildApp({
    config,
    database,
    logger: false,
    loginRateLimit: options.loginRateLimit ?? 1000,
    ...options.app,
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
