import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The Drizzle handle every query takes as its first argument (a transaction is one too). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs multi-statement SQL as-is (setup, benchmarks). */
  exec: (sqlText: string) => Promise<void>;
  close: () => Promise<void>;
  /** PostgreSQL connection string (postgres only): background jobs open their own small pool with it. */
  url?: string;
  /** The embedded instance (pglite only): background jobs share its one connection. */
  pglite?: PGlite;
};

export type DatabaseOptions = {
  databaseUrl?: string;
  /** PGlite data directory; omitted = in memory. */
  dataDir?: string;
  poolSize?: number;
};

/** Opens PostgreSQL when a URL is given, embedded PGlite otherwise. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      url: options.databaseUrl,
      exec: async (text) => {
        await pool.query(text);
      },
      close: () => pool.end(),
    };
  }
  let dir: string | undefined;
  if (options.dataDir) {
    dir = path.join(options.dataDir, 'pglite');
    fs.mkdirSync(dir, { recursive: true });
  }
  const client = await PGlite.create(dir, { extensions: { pg_trgm } });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    exec: async (text) => {
      await client.exec(text);
    },
    close: () => client.close(),
  };
}

type PgQueryable = {
  query(config: {
    name: string;
    text: string;
    values: unknown[];
    types: unknown;
  }): Promise<{ rows: unknown[] }>;
};

// Dates, times and intervals (and their arrays) stay strings, exactly as Drizzle's raw `execute` returns them.
const RAW_TIME_TYPES = new Set([1082, 1114, 1184, 1186, 1182, 1115, 1185, 1187, 1231]);
const rawTimeTypes = {
  getTypeParser: (typeId: number, format?: 'text' | 'binary') =>
    RAW_TIME_TYPES.has(typeId) ? (value: string) => value : pg.types.getTypeParser(typeId, format as 'text'),
};
type DrizzleInternals = {
  session?: { client?: unknown };
  dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } };
};

const isPgClient = (client: unknown): client is PgQueryable =>
  client instanceof pg.Pool ||
  client instanceof pg.Client ||
  (client as { release?: unknown })?.release !== undefined;

/**
 * Runs raw SQL and returns its rows, the same on both drivers. `prepared` (hot paths) makes it a named
 * statement on PostgreSQL: each connection parses and plans it once instead of on every call.
 */
export async function queryRows<T>(db: Db, query: SQL, options: { prepared?: boolean } = {}): Promise<T[]> {
  const internals = db as unknown as DrizzleInternals;
  const client = internals.session?.client;
  if (options.prepared && isPgClient(client)) {
    const { sql: text, params } = internals.dialect.sqlToQuery(query);
    const name = `s_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
    const result = await client.query({ name, text, values: params, types: rawTimeTypes });
    return result.rows as T[];
  }
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
