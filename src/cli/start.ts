import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { count } from 'drizzle-orm';
import { buildApp } from '../app.ts';
import { createStaffUser } from '../auth/staff-users.ts';
import { type Config, loadConfig } from '../config.ts';
import type { Db } from '../db/client.ts';
import { shops } from '../db/schema/index.ts';
import { createShop } from '../shops/queries.ts';
import { openMigrated } from './open.ts';
import { printLogin, seedWithLogin } from './seed.ts';

/** On an empty database: the demo shop (or an empty one with SUPPORTIFY_DEMO=0); returns the first login. */
async function ensureFirstShop(db: Db, config: Config): Promise<{ email: string; password: string } | null> {
  const [{ n }] = await db.select({ n: count() }).from(shops);
  if (n > 0) return null;
  if (config.demo) {
    const seeded = await seedWithLogin(db, config);
    return { email: seeded.adminEmail, password: seeded.adminPassword };
  }
  const shop = await createShop(db, { name: 'My shop' });
  const email = config.adminEmail ?? 'admin@example.com';
  const password = config.adminPassword ?? randomBytes(12).toString('base64url');
  await createStaffUser(db, { shopId: shop.id, email, password, name: 'Admin', role: 'owner' });
  return { email, password };
}

export const ROLES = ['all', 'web', 'worker'] as const;
export type Role = (typeof ROLES)[number];

/** `--role` from the arguments; throws with the accepted values on anything else. */
export function parseRole(args: string[], databaseUrl: string | undefined): Role {
  const { values } = parseArgs({ args, options: { role: { type: 'string', default: 'all' } } });
  const role = values.role as Role;
  if (!ROLES.includes(role))
    throw new Error(`--role must be one of ${ROLES.join(', ')} (got "${values.role}")`);
  if (role !== 'all' && !databaseUrl)
    throw new Error(
      `--role ${role} needs PostgreSQL (DATABASE_URL): the embedded database (PGlite) serves one process, so run --role all`,
    );
  return role;
}

/**
 * `supportify start [--role web|worker|all]`: migrate, seed when empty, then serve until SIGINT/SIGTERM.
 * web = HTTP (admin, API, widget, webhooks, SSE, inbound SMTP) without job workers or cron; worker = job
 * workers, cron, the reply and email sweeps, no HTTP listener; all = both in one process.
 */
export async function startCommand(args: string[] = []): Promise<void> {
  const role = parseRole(args, loadConfig().databaseUrl);
  const web = role !== 'worker';
  const work = role !== 'web';
  const { config, database } = await openMigrated();
  // The worker never seeds: a web and a worker starting together on an empty database would both seed.
  const firstLogin = web ? await ensureFirstShop(database.db, config) : null;
  const app = await buildApp({
    config,
    database,
    runJobs: work,
    sweepReplies: work,
    dispatchTicketEvents: web,
    listenRealtime: web,
    ...(web && config.smtpPort !== null
      ? { smtpListener: { port: config.smtpPort, host: config.host } }
      : {}),
  });
  // Graceful: stop accepting, end SSE streams (clients reconnect elsewhere), let running replies and jobs
  // finish (jobs for up to 5 s, then failed back to the queue), close the database, exit 0.
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    setTimeout(() => {
      process.stderr.write('Shutdown took over 30 s; exiting anyway.\n');
      process.exit(1);
    }, 30_000).unref();
    try {
      await app.close();
      await database.close();
      process.exit(0);
    } catch (err) {
      process.stderr.write(`Shutdown failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    }
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  if (!web) {
    await app.ready();
    process.stdout.write(
      `\n  Supportify worker is running (${database.kind}): jobs, cron and sweeps, no HTTP.\n\n`,
    );
    return;
  }
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  process.stdout.write(
    `\n  Supportify is running (${database.kind}${role === 'web' ? ', web role: no job workers' : ''}).\n    Admin:      ${url}/\n    Demo store: ${url}/demo\n    API docs:   ${url}/api/docs\n    Inbound mail: ${app.smtpPort === undefined ? 'off (SMTP_PORT=off)' : `smtp://${config.host}:${app.smtpPort}`}\n`,
  );
  if (firstLogin) printLogin(firstLogin.email, firstLogin.password);
  else
    process.stdout.write(
      '\n  Sign in with an existing staff login (new one: npx supportify user:create --email …).\n',
    );
  process.stdout.write('\n');
}
