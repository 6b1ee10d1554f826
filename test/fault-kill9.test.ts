import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  demoWidgetKey,
  expectStoredAndAnsweredOnce,
  type FaultConversation,
  openConversations,
  postMessage,
  startFaultServer,
  waitAllAnswered,
} from './helpers/fault-load.ts';
import { killStarted } from './helpers/spawn-start.ts';
import { clonePgTemplate } from './helpers/test-db.ts';
import { until } from './helpers/until.ts';

// Issue 8, fault tests (the reduced CI form): `kill -9` of the real server under widget load, then a
// restart on the same database. Every acknowledged customer message must be stored, and answered by the
// AI exactly once (see helpers/fault-load.ts).
// PostgreSQL only: on PGlite the whole database lives inside the killed process's data directory.

const PG = process.env.DATABASE_URL;
const CONVERSATIONS = 20;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'supportify-kill9-'));
let databaseUrl = '';
let drop = async () => {};
const started: ChildProcess[] = [];
const startServer = () => startFaultServer(databaseUrl, dataDir, started);

/** Posts customer messages one after another until the server stops answering; records the 2xx ones. */
async function customer(url: string, c: FaultConversation, i: number, stop: () => boolean): Promise<void> {
  for (let n = 0; !stop(); n++) {
    const clientMessageId = `kill9-${i}-${n}`;
    try {
      const res = await postMessage(url, c, `Where is my order? (${n})`, clientMessageId);
      if (res.status < 300) c.acked.push(clientMessageId);
      else throw new Error(`POST message: HTTP ${res.status}`);
    } catch (error) {
      if (stop()) return; // the server was killed: this message was not acknowledged
      throw error;
    }
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 150));
  }
}

beforeAll(async () => {
  if (PG) {
    const clone = await clonePgTemplate(PG);
    databaseUrl = clone.url;
    drop = clone.drop;
  }
});

afterAll(async () => {
  await killStarted(started);
  await drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('kill -9 under widget load (PostgreSQL only: skipped on PGlite, whose database dies with the process)', () => {
  it.skipIf(!PG)(
    'keeps every acknowledged customer message and answers it exactly once after a restart',
    async () => {
      const first = await startServer();
      const key = await demoWidgetKey(first.url);
      const conversations = await openConversations(first.url, key, CONVERSATIONS, 'Kill9');

      let killed = false;
      const load = Promise.all(conversations.map((c, i) => customer(first.url, c, i, () => killed)));
      const loadError = load.then(
        () => undefined,
        (error: unknown) => error,
      );
      await new Promise((r) => setTimeout(r, 2_000));
      killed = true;
      first.child.kill('SIGKILL');
      await until(() => first.child.exitCode !== null || first.child.signalCode !== null, 'the kill', 10_000);
      expect(await loadError).toBeUndefined();
      const acked = conversations.flatMap((c) => c.acked);
      expect(acked.length).toBeGreaterThan(CONVERSATIONS);

      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      const ids = conversations.map((c) => c.id);
      // What the crash left behind (for the failure report): replies owed, and those a dead process held.
      const owed = (
        await client.query<{ owed: number; leased: number }>(
          `select count(*)::int as owed, count(*) filter (where locked_until > now())::int as leased
           from reply_jobs where conversation_id = any($1::uuid[])`,
          [ids],
        )
      ).rows[0];
      try {
        const second = await startServer();
        await waitAllAnswered(
          client,
          ids,
          `every conversation to be answered after the restart (${acked.length} acknowledged, ${owed?.owed} replies owed at the kill, ${owed?.leased} leased):\n${second.output()}`,
          25_000,
        );
        await expectStoredAndAnsweredOnce(client, conversations);
      } finally {
        await client.end();
      }
    },
    60_000,
  );
});
