import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { asc } from 'drizzle-orm';
import { createStaffUser, findStaffUserByEmail } from '../auth/staff-users.ts';
import { shops } from '../db/schema/index.ts';
import { openMigrated } from './open.ts';

/** `supportify user:create --email e [--password p] [--name n] [--shop id] [--role owner|agent]` */
export async function createUserCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      shop: { type: 'string' },
      role: { type: 'string', default: 'agent' },
    },
  });
  if (!values.email) throw new Error('user:create needs --email');
  if (values.role !== 'owner' && values.role !== 'agent') throw new Error('--role must be owner or agent');
  if (values.password !== undefined && values.password.length < 8)
    throw new Error('--password needs 8 characters or more');
  const { database } = await openMigrated();
  try {
    const [firstShop] = await database.db.select().from(shops).orderBy(asc(shops.createdAt)).limit(1);
    const shopId = values.shop ?? firstShop?.id;
    if (!shopId) throw new Error('No shop exists yet: run `supportify start` or `supportify seed` first');
    const password = values.password ?? randomBytes(12).toString('base64url');
    const existing = await findStaffUserByEmail(database.db, values.email);
    if (existing) throw new Error(`A staff user with the email ${values.email} already exists`);
    const user = await createStaffUser(database.db, {
      shopId,
      email: values.email,
      password,
      name: values.name,
      role: values.role,
    });
    process.stdout.write(`Created staff user ${user.email} in shop ${shopId}.\n`);
    if (!values.password) process.stdout.write(`Password (shown once): ${password}\n`);
  } finally {
    await database.close();
  }
}
