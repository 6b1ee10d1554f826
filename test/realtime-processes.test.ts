import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSend, apiSignIn, getWidgetKey } from '../e2e/helpers/api.ts';
import { enqueueReplyCte } from '../src/agent/reply/enqueue-reply.ts';
import { appendMessageTo } from '../src/conversations/append-message.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import {
  openSse,
  type SseEvent,
  type SseStream,
  startWidgetChat,
  type WidgetMessage,
} from './helpers/fake-llm-harness.ts';
import { killStarted, spawnStart } from './helpers/spawn-start.ts';
import { clonePgTemplate } from './helpers/test-db.ts';

// Live updates between real processes on one PostgreSQL database: two `--role web` processes and a
// `--role worker`. The widget's stream and the admin's events are open on web 1; the changes happen on
// web 2 (staff actions) and in the worker (an AI reply its sweep finishes).

const PG = process.env.DATABASE_URL;
const ADMIN_EMAIL = 'admin@example.com';
const ADMIN_PASSWORD = 'realtime-test-password-1';

const messagesOf = (events: SseEvent[]) =>
  events.filter((e) => e.event === 'message').map((e) => e.data as WidgetMessage);

describe.skipIf(!PG)('live updates across processes (PostgreSQL)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'supportify-realtime-'));
  const started: ChildProcess[] = [];
  const streams: SseStream[] = [];
  let drop = async () => {};
  let database: Database | undefined;
  let databaseUrl = '';

  const env = (): NodeJS.ProcessEnv => ({
    ...process.env,
    DATABASE_URL: databaseUrl,
    SUPPORTIFY_DATA_DIR: dataDir,
    SUPPORTIFY_DEMO: '0',
    SUPPORTIFY_ADMIN_EMAIL: ADMIN_EMAIL,
    SUPPORTIFY_ADMIN_PASSWORD: ADMIN_PASSWORD,
    PORT: '0',
    SMTP_PORT: 'off',
    LOG_LEVEL: 'warn',
  });

  beforeAll(async () => {
    const clone = await clonePgTemplate(PG as string);
    databaseUrl = clone.url;
    drop = clone.drop;
    database = await openDatabase({ databaseUrl, poolSize: 2 });
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    await killStarted(started);
    await database?.close();
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a staff reply, a new ticket and a worker-finished AI reply reach streams on another process', async () => {
    // The first web process creates the shop; the others start on a database that has one.
    const web1 = await spawnStart(['--role', 'web'], env(), started);
    const [web2, worker] = await Promise.all([
      spawnStart(['--role', 'web'], env(), started),
      spawnStart(['--role', 'worker'], env(), started),
    ]);
    const url1 = web1.url as string;
    const url2 = web2.url as string;
    expect(url1).not.toBe(url2);

    // Signed in on web 2; the session (in the database) works on web 1 too.
    const cookie = await apiSignIn(url2, ADMIN_EMAIL, ADMIN_PASSWORD);
    const chat = await startWidgetChat(url1, await getWidgetKey(url2, cookie));
    const widget = await openSse(`${url1}/widget/v1/conversations/${chat.conversationId}/stream`, {
      authorization: `Bearer ${chat.token}`,
    });
    const admin = await openSse(`${url1}/api/events`, { cookie });
    streams.push(widget, admin);
    expect([widget.status, admin.status]).toEqual([200, 200]);

    // A ticket opened on web 2 shows up in web 1's admin events.
    const ticket = await apiSend(url2, 'POST', '/api/tickets', cookie, {
      conversationId: chat.conversationId,
      summary: 'Needs a person',
    });
    expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
    const number = (ticket.body as { number: number }).number;
    await admin.waitFor(
      (evs) =>
        evs.some(
          (e) =>
            e.event === 'ticket' && JSON.stringify(e.data) === JSON.stringify({ action: 'created', number }),
        ),
      15_000,
      'the new ticket on web 1',
    );

    // A staff reply on web 2, longer than a NOTIFY payload may be, reaches the widget on web 1 whole.
    const replyText = `Svar fra oss: ${'ære være ølet '.repeat(600)}`.trim();
    expect(Buffer.byteLength(replyText)).toBeGreaterThan(8000);
    const reply = await apiSend(url2, 'POST', `/api/tickets/${number}/replies`, cookie, { body: replyText });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    await widget.waitFor(
      (evs) => messagesOf(evs).some((m) => m.role === 'staff'),
      15_000,
      'the staff reply on web 1',
    );
    const staff = messagesOf(widget.events).filter((m) => m.role === 'staff');
    expect(staff).toHaveLength(1);
    expect(staff[0].text).toBe(replyText);
    await admin.waitFor(
      (evs) =>
        evs.some(
          (e) =>
            e.event === 'conversation' &&
            (e.data as { conversationId: string }).conversationId === chat.conversationId,
        ),
      15_000,
      'the conversation change on web 1',
    );

    // A customer message whose reply no web process runs (as after a crash): the worker's sweep answers
    // it, and its typing and the stored reply reach web 1's stream.
    const stored = await appendMessageTo(
      (database as Database).db,
      sql`select shop_id, id as conversation_id, started_at as conversation_started_at from conversations
          where id = ${chat.conversationId}::uuid`,
      { role: 'customer', parts: [{ type: 'text', text: 'What is your return policy?' }] },
      { ctes: enqueueReplyCte },
    );
    expect(stored?.message.seq).toBeGreaterThan(0);
    await widget.waitFor(
      (evs) => messagesOf(evs).some((m) => m.role === 'ai'),
      30_000,
      'the AI reply the worker finished',
    );
    const aiAt = widget.events.findIndex(
      (e) => e.event === 'message' && (e.data as WidgetMessage).role === 'ai',
    );
    const customerAt = widget.events.findIndex(
      (e) => e.event === 'message' && (e.data as WidgetMessage).seq === stored?.message.seq,
    );
    // The worker publishes no customer message (it was stored by the test); the typing came first.
    expect(customerAt).toBe(-1);
    const deltas = widget.events.slice(0, aiAt).filter((e) => e.event === 'delta');
    expect(deltas.length).toBeGreaterThan(0);

    // Every process shuts down gracefully, LISTEN connection included.
    for (const p of [web1, web2, worker]) p.child.kill('SIGTERM');
    for (const p of [web1, web2, worker]) {
      const code = p.child.exitCode ?? (await new Promise((r) => p.child.once('exit', r)));
      expect(code, p.output()).toBe(0);
    }
  }, 180_000);
});
