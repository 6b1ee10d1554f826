import { randomBytes } from 'node:crypto';
import { count } from 'drizzle-orm';
import { buildApp } from '../app.ts';
import { createStaffUser } from '../auth/staff-users.ts';
import type { Config } from '../config.ts';
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

/** `supportify start`: migrate, seed when empty, serve until SIGINT/SIGTERM. */
export async function startCommand(): Promise<void> {
  const { config, database } = await openMigrated();
  const firstLogin = await ensureFirstShop(database.db, config);
  const app = await buildApp({
    config,
    database,
    sweepReplies: true,
    smtpListener: { port: config.smtpPort, host: config.host },
  });
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  process.stdout.write(
    `\n  Supportify is running (${database.kind}).\n    Admin:      ${url}/\n    Demo store: ${url}/demo\n    API docs:   ${url}/api/docs\n    Inbound mail: smtp://${config.host}:${app.smtpPort}\n`,
  );
  if (firstLogin) printLogin(firstLogin.email, firstLogin.password);
  else
    process.stdout.write(
      '\n  Sign in with an existing staff login (new one: npx supportify user:create --email …).\n',
    );
  process.stdout.write('\n');
}
