import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { seedDemoShop } from '../../src/seed/seed-demo-shop.ts';
import { login } from './factories.ts';
import { getDetail } from './http.ts';
import { createTestApp, type TestApp } from './test-app.ts';

export const DEMO_ADMIN = { adminEmail: 'agent-admin@example.com', adminPassword: 'agent-password-123' };

export type TextPart = { type: 'text'; text: string };
export type ToolCallPart = {
  type: 'tool-call';
  toolCallId: string;
  toolName: string;
  input: Record<string, unknown>;
};
export type ToolResultPart = {
  type: 'tool-result';
  toolCallId: string;
  toolName: string;
  output: Record<string, unknown>;
};
export type Part = TextPart | ToolCallPart | ToolResultPart;
export type DetailMessage = { id: string; role: string; parts: Part[]; createdAt: string };
export type Ticket = {
  number: number;
  status: string;
  priority: string;
  category: string;
  reason: string;
  createdAt: string;
};
export type Detail = {
  id: string;
  status: string;
  messages: DetailMessage[];
  tickets: Ticket[];
  rating: { rating: string; comment: string | null } | null;
};

export type WidgetHistory = {
  status: string;
  messages: Array<{ role: string; text: string; cards: Array<Record<string, unknown>> }>;
  rating: { rating: string; comment: string | null } | null;
};

/** What the AI did for one customer message: its single stored reply, read back from the admin detail. */
export type Turn = {
  reply: DetailMessage;
  calls: ToolCallPart[];
  results: ToolResultPart[];
  text: string;
  detail: Detail;
};

export type Chat = {
  conversationId: string;
  token: string;
  /** Posts one customer message, waits for the AI, and returns the AI reply to it. */
  say(text: string): Promise<Turn>;
  detail(): Promise<Detail>;
  /** What the customer sees: `GET /widget/v1/conversations/:id/messages`. */
  history(): Promise<WidgetHistory>;
  /** `POST /widget/v1/conversations/:id/rating` with this chat's token. */
  rate(body: object): Promise<LightMyRequestResponse>;
};

export type AgentHarness = {
  t: TestApp;
  shopId: string;
  cookie: string;
  widgetKey: string;
  /** Starts a widget conversation on the demo shop; each from its own address (the start limit is per IP). */
  chat(customer?: { name?: string; email?: string }): Promise<Chat>;
  /** An admin API call with the staff cookie. */
  admin(method: 'GET' | 'PUT' | 'PATCH', url: string, payload?: object): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
};

let addressCounter = 0;
// Documentation range addresses (RFC 5737), one per conversation, so per-IP limits never bite in a table of tests.
const nextAddress = () => {
  addressCounter++;
  return `198.51.${Math.floor(addressCounter / 250) % 250}.${(addressCounter % 250) + 1}`;
};

/** The real app on a fresh database with the demo shop seeded, signed in as its admin. */
export async function createAgentHarness(): Promise<AgentHarness> {
  // A hosted model in these tests is a fake on loopback: the operator setting that allows a local model.
  const t = await createTestApp({ config: { aiAllowPrivateUrls: true } });
  const { shopId } = await seedDemoShop(t.db, DEMO_ADMIN);
  const cookie = await login(t.app, DEMO_ADMIN.adminEmail, DEMO_ADMIN.adminPassword);
  const channels = await t.app.inject({ method: 'GET', url: '/api/settings/channels', headers: { cookie } });
  expect(channels.statusCode, channels.body).toBe(200);
  const widgetKey: string = channels.json().widgetKey;
  expect(widgetKey).toBeTruthy();

  const admin = (method: 'GET' | 'PUT' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  async function chat(customer?: { name?: string; email?: string }): Promise<Chat> {
    const remoteAddress = nextAddress();
    const started = await t.app.inject({
      method: 'POST',
      url: '/widget/v1/conversations',
      remoteAddress,
      payload: { widgetKey, ...(customer ? { customer } : {}) },
    });
    expect(started.statusCode, started.body).toBe(201);
    const { conversationId, token } = started.json() as { conversationId: string; token: string };
    const authorization = `Bearer ${token}`;
    const detail = async () => (await getDetail(t.app, cookie, conversationId)) as Detail;
    return {
      conversationId,
      token,
      detail,
      async history() {
        const res = await t.app.inject({
          method: 'GET',
          url: `/widget/v1/conversations/${conversationId}/messages`,
          remoteAddress,
          headers: { authorization },
        });
        expect(res.statusCode, res.body).toBe(200);
        return res.json() as WidgetHistory;
      },
      rate: (body) =>
        t.app.inject({
          method: 'POST',
          url: `/widget/v1/conversations/${conversationId}/rating`,
          remoteAddress,
          headers: { authorization },
          payload: body,
        }),
      async say(text) {
        const posted = await t.app.inject({
          method: 'POST',
          url: `/widget/v1/conversations/${conversationId}/messages`,
          remoteAddress,
          headers: { authorization },
          payload: { text },
        });
        expect(posted.statusCode, posted.body).toBe(202);
        const messageId: string = posted.json().id;
        await t.app.replyWorker.idle();
        const d = await detail();
        const at = d.messages.findIndex((m) => m.id === messageId);
        expect(at, 'the customer message is in the detail').toBeGreaterThanOrEqual(0);
        const replies = d.messages.slice(at + 1).filter((m) => m.role === 'ai');
        expect(replies, `one AI reply to ${JSON.stringify(text)}`).toHaveLength(1);
        const reply = replies[0];
        return {
          reply,
          detail: d,
          calls: reply.parts.filter((p): p is ToolCallPart => p.type === 'tool-call'),
          results: reply.parts.filter((p): p is ToolResultPart => p.type === 'tool-result'),
          text: reply.parts
            .filter((p): p is TextPart => p.type === 'text')
            .map((p) => p.text)
            .join('\n'),
        };
      },
    };
  }

  return { t, shopId, cookie, widgetKey, chat, admin, close: () => t.close() };
}
