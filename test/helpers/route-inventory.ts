import { sql } from 'drizzle-orm';
import type * as FastifyModule from 'fastify';
import { type Db, queryRows } from '../../src/db/client.ts';

/** One route as Fastify registered it: a single method and the URL pattern. */
export type InventoryRoute = {
  method: string;
  url: string;
  config: Record<string, unknown>;
  /** The route declares a body schema (it reads a JSON body). */
  hasBody: boolean;
};

const recorded: InventoryRoute[] = [];

/**
 * The `fastify` module with every instance recording its routes through an `onRoute` hook added before any
 * plugin registers one, so the inventory is what the real app serves (plugins' routes, HEAD twins,
 * static files), not a hand-kept list. Use it from a test file as
 * `vi.mock('fastify', async (original) => (await import('./helpers/route-inventory.ts')).recordingFastify(await original()))`.
 */
export function recordingFastify(mod: typeof FastifyModule): typeof FastifyModule {
  const create = ((options: object) => {
    const app = mod.default(options);
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) {
        recorded.push({
          method,
          url: route.url,
          config: (route.config ?? {}) as Record<string, unknown>,
          hasBody: Boolean(route.schema?.body),
        });
      }
    });
    return app;
  }) as unknown as typeof FastifyModule.default;
  return { ...mod, default: create, fastify: create };
}

/** Every route the apps built so far registered, once each, in registration order. */
export function routeInventory(): InventoryRoute[] {
  const seen = new Set<string>();
  return recorded.filter((r) => {
    const key = `${r.method} ${r.url}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Routes that read a JSON (or other) body. */
export const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The URL with its `:params` (and a trailing `*`) replaced by the given values, or valid-looking ones. */
export function fillPath(url: string, values: Record<string, string> = {}): string {
  return url
    .replace(/:(\w+)/g, (_m, name: string) => values[name] ?? (name === 'number' ? '1' : VALID_LOOKING_ID))
    .replace(/\*$/, values['*'] ?? 'x');
}

export const VALID_LOOKING_ID = '8d1e3c1e-4d5a-4b6c-8d7e-0f1a2b3c4d5e';

/**
 * An md5 of every row of every table in the public schema (sessions excepted: signing in and using one
 * touches them), so a test can show that refused requests changed nothing anywhere.
 */
export async function databaseFingerprint(db: Db): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'staff_sessions'
        order by table_name`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await queryRows<{ f: string }>(
      db,
      sql`select count(*)::text || ':' || coalesce(md5(string_agg(t::text, ',' order by t::text)), '') as f
          from ${sql.identifier(name)} t`,
    );
    out[name] = row.f;
  }
  return out;
}

/**
 * An md5 per table of the rows one shop owns (`shop_id` = the shop; its own `shops` row), sessions
 * included, plus every table without a `shop_id` whole (`*name`), so a test can show that what another shop
 * did changed nothing of this one's.
 */
export async function shopFingerprint(db: Db, shopId: string): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string; scoped: boolean }>(
    db,
    sql`select t.table_name as name, bool_or(c.column_name = 'shop_id') as scoped
        from information_schema.tables t
        join information_schema.columns c using (table_schema, table_name)
        where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
        group by t.table_name order by t.table_name`,
  );
  const out: Record<string, string> = {};
  for (const { name, scoped } of tables) {
    const where =
      name === 'shops'
        ? sql`where t.id = ${shopId}::uuid`
        : scoped
          ? sql`where t.shop_id = ${shopId}::uuid`
          : sql``;
    const [row] = await queryRows<{ f: string }>(
      db,
      sql`select count(*)::text || ':' || coalesce(md5(string_agg(t::text, ',' order by t::text)), '') as f
          from ${sql.identifier(name)} t ${where}`,
    );
    out[name === 'shops' || scoped ? name : `*${name}`] = row.f;
  }
  return out;
}
