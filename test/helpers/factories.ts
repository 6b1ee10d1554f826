import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { createStaffUser } from '../../src/auth/staff-users.ts';
import { appendMessage } from '../../src/conversations/append-message.ts';
import { createConversation } from '../../src/conversations/create-conversation.ts';
import type { Db } from '../../src/db/client.ts';
import type { ChannelType, ConversationStatus, MessagePart, MessageRole } from '../../src/db/schema/index.ts';
import { conversations } from '../../src/db/schema/index.ts';
import { createShop } from '../../src/shops/queries.ts';

export const PASSWORD = 'correct horse battery';

/** A shop with one owner who can sign in with PASSWORD. */
export async function newShop(db: Db, name = 'Test shop') {
  const shop = await createShop(db, { name });
  const email = `owner-${randomBytes(4).toString('hex')}@example.com`;
  const user = await createStaffUser(db, {
    shopId: shop.id,
    email,
    password: PASSWORD,
    name: 'Owner',
    role: 'owner',
  });
  return { shop, user, email };
}

/** Signs in through the API and returns the Cookie header value. */
export async function login(app: FastifyInstance, email: string, password = PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'supportify_session');
  if (!cookie) throw new Error('no session cookie');
  return `${cookie.name}=${cookie.value}`;
}

export type ConversationSpec = {
  channel?: ChannelType;
  status?: ConversationStatus;
  hasDraft?: boolean;
  customer?: { name?: string; email?: string };
  startedAt?: Date;
  messages?: Array<{ role: MessageRole; text?: string; parts?: MessagePart[] }>;
};

/** A conversation with messages, stored through the same functions the product uses. */
export async function newConversation(db: Db, shopId: string, spec: ConversationSpec = {}) {
  const conversation = await createConversation(db, {
    shopId,
    channel: spec.channel ?? 'widget',
    customer: spec.customer,
    startedAt: spec.startedAt,
  });
  for (const m of spec.messages ?? [{ role: 'customer' as const, text: 'Hello there' }]) {
    await appendMessage(db, {
      shopId,
      conversationId: conversation.id,
      role: m.role,
      parts: m.parts ?? [{ type: 'text', text: m.text ?? '' }],
    });
  }
  if (spec.status || spec.hasDraft) {
    await db
      .update(conversations)
      .set({
        status: spec.status ?? (spec.hasDraft ? 'draft' : 'unresolved'),
        hasDraft: spec.hasDraft ?? false,
      })
      .where(eq(conversations.id, conversation.id));
  }
  return conversation;
}
