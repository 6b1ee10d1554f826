import { eq } from 'drizzle-orm';
import type { StaffContext } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { staffUsers } from '../db/schema/index.ts';
import type { Actor } from './record-event.ts';

/** The signed-in staff member as the ticket history names them. */
export async function staffActor(db: Db, staff: StaffContext): Promise<Actor> {
  const [user] = await db
    .select({ name: staffUsers.name, email: staffUsers.email })
    .from(staffUsers)
    .where(eq(staffUsers.id, staff.userId));
  return { type: 'staff', id: staff.userId, name: user?.name || user?.email || 'Staff' };
}
