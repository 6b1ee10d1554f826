import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { emailMessages } from '../../db/schema/index.ts';

/** Where a new mail in this conversation's thread points: the newest mail in it, and the chain before it. */
export async function threadHeaders(db: Db, shopId: string, conversationId: string) {
  const [last] = await db
    .select({
      rfc: emailMessages.rfcMessageId,
      references: emailMessages.references,
      subject: emailMessages.subject,
    })
    .from(emailMessages)
    .where(and(eq(emailMessages.shopId, shopId), eq(emailMessages.conversationId, conversationId)))
    .orderBy(desc(emailMessages.createdAt))
    .limit(1);
  if (!last) return null;
  // Keep the chain bounded: the first id (the thread root) and the newest ones.
  const chain = [...last.references, last.rfc];
  return {
    inReplyTo: last.rfc,
    references: chain.filter((_, i) => i === 0 || i >= chain.length - 19),
    subject: last.subject,
  };
}
