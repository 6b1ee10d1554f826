import type { ChildProcess } from 'node:child_process';
import type pg from 'pg';
import { expect } from 'vitest';
import { apiSignIn, getWidgetKey } from '../../e2e/helpers/api.ts';
import { spawnStart } from './spawn-start.ts';
import { until } from './until.ts';

// Shared by the fault tests (kill -9, PostgreSQL restart): widget customers under load, and the check that
// every acknowledged message is stored once and answered once (replies coalesce: one reply, client id
// `reply:<seq>`, answers the newest customer message when it was claimed; see ARCHITECTURE.md).

const ADMIN_EMAIL = 'admin@example.com';
const ADMIN_PASSWORD = 'fault-test-password-1';

export type FaultServer = { child: ChildProcess; url: string; output: () => string };

/** Starts `supportify start` (demo data, all roles) on `databaseUrl`; resolves with its URL. */
export async function startFaultServer(
  databaseUrl: string,
  dataDir: string,
  started: ChildProcess[],
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<FaultServer> {
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    SUPPORTIFY_DATA_DIR: dataDir,
    SUPPORTIFY_DEMO: '1',
    SUPPORTIFY_ADMIN_EMAIL: ADMIN_EMAIL,
    SUPPORTIFY_ADMIN_PASSWORD: ADMIN_PASSWORD,
    HOST: '127.0.0.1',
    PORT: '0',
    SMTP_PORT: 'off',
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  const { child, url, output } = await spawnStart([], env, started, 45_000);
  if (!url) throw new Error(`no admin URL in:\n${output()}`);
  return { child, url, output };
}

/** Signs in as the demo admin: the session cookie. */
export const signInDemoAdmin = (url: string) => apiSignIn(url, ADMIN_EMAIL, ADMIN_PASSWORD);

/** The demo shop's widget key. */
export const demoWidgetKey = async (url: string) => getWidgetKey(url, await signInDemoAdmin(url));

export type FaultConversation = { id: string; token: string; acked: string[] };

/** Opens `n` widget conversations on the demo shop. */
export async function openConversations(url: string, widgetKey: string, n: number, name: string) {
  const conversations: FaultConversation[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${url}/widget/v1/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ widgetKey, customer: { name: `${name} ${i}` } }),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { conversationId: string; token: string };
    conversations.push({ id: body.conversationId, token: body.token, acked: [] });
  }
  return conversations;
}

/** POSTs one customer message; the response (the caller decides what a failure means). */
export async function postMessage(url: string, c: FaultConversation, text: string, clientMessageId: string) {
  const res = await fetch(`${url}/widget/v1/conversations/${c.id}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
    body: JSON.stringify({ text, clientMessageId }),
  });
  const body = await res.text();
  return { status: res.status, body, retryAfter: res.headers.get('retry-after') };
}

/** Waits until no reply is owed and every conversation's newest message is the AI's. */
export async function waitAllAnswered(client: pg.Client, ids: string[], what: string, timeoutMs: number) {
  await until(
    async () => {
      const jobs = await client.query('select 1 from reply_jobs where conversation_id = any($1::uuid[])', [
        ids,
      ]);
      if (jobs.rowCount) return false;
      const last = await client.query<{ role: string }>(
        `select distinct on (conversation_id) role from messages
         where conversation_id = any($1::uuid[]) order by conversation_id, seq desc`,
        [ids],
      );
      return last.rows.length === ids.length && last.rows.every((r) => r.role === 'ai');
    },
    what,
    timeoutMs,
  );
}

type Row = { conversation_id: string; role: string; client_message_id: string | null; seq: string };

/**
 * Every acknowledged message stored exactly once; every AI message answers one of the conversation's
 * customer messages, at most one per message, in order, after it; the newest customer message answered.
 */
export async function expectStoredAndAnsweredOnce(client: pg.Client, conversations: FaultConversation[]) {
  const rows = (
    await client.query<Row>(
      `select conversation_id, role, client_message_id, seq::text from messages
       where conversation_id = any($1::uuid[]) order by messages.seq`,
      [conversations.map((c) => c.id)],
    )
  ).rows;
  for (const c of conversations) {
    const mine = rows.filter((r) => r.conversation_id === c.id);
    const customerRows = mine.filter((r) => r.role === 'customer');
    const stored = customerRows.map((r) => r.client_message_id);
    for (const id of c.acked)
      expect(
        stored.filter((s) => s === id),
        id,
      ).toHaveLength(1);
    const customerSeqs = new Set(customerRows.map((r) => r.seq));
    const ai = mine.filter((r) => r.role === 'ai');
    expect(mine.every((r) => r.role === 'customer' || r.role === 'ai')).toBe(true);
    const answered = ai.map((r) => /^reply:(\d+)$/.exec(r.client_message_id ?? '')?.[1]);
    for (const seq of answered) expect(seq && customerSeqs.has(seq), `reply to ${seq}`).toBe(true);
    const numbers = answered.map(Number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(numbers.at(-1)).toBe(Math.max(...[...customerSeqs].map(Number)));
    // Each reply comes after the message it answers. (Two replies may follow each other: a reply claimed
    // before the customer wrote again is stored, then the newer message gets its own.)
    for (const r of ai) {
      const seq = Number(/^reply:(\d+)$/.exec(r.client_message_id ?? '')?.[1]);
      expect(seq).toBeLessThan(Number(r.seq));
    }
  }
}
