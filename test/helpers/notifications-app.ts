import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Clock } from 'pg-boss';
import pino from 'pino';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/client.ts';
import { createJobs } from '../../src/jobs/jobs.ts';
import type { Jobs } from '../../src/jobs/types.ts';
import type { NotificationOptions } from '../../src/notifications/deps.ts';
import { openTicket } from '../../src/tickets/open-ticket.ts';
import { newConversation } from './factories.ts';
import { type FakeSmtp, startFakeSmtp } from './fake-smtp.ts';
import { createTestDatabase } from './test-db.ts';

export type NotificationsApp = {
  app: FastifyInstance;
  db: Db;
  jobs: Jobs;
  dataDir: string;
  /** Everything logged so far (app and jobs), as pino JSON lines. */
  logs: () => string;
  close: () => Promise<void>;
};

/** Short retries so dead letters come within seconds: 3 tries, 1 s then ~2 s apart. */
export const FAST_RETRIES = { retryLimit: 2, retryDelay: 1, retryDelayMax: 2 };

/**
 * The real app with fast job polling, a temporary data dir, captured logs, a fixed DNS table for webhook
 * hosts (no real lookups) and test-only loopback webhooks allowed unless said otherwise.
 */
export async function createNotificationsApp(
  options: {
    smtpUrl?: string;
    hosts?: Record<string, string[]>;
    notifications?: NotificationOptions;
    /** pg-boss's TestClock: job retries then wait for `clock.tick`, not for real time. */
    clock?: Clock;
  } = {},
): Promise<NotificationsApp> {
  const database = await createTestDatabase();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'supportify-notify-'));
  let output = '';
  const stream = new PassThrough();
  stream.on('data', (chunk) => {
    output += chunk.toString();
  });
  const config = {
    ...loadConfig({}),
    databaseUrl: undefined,
    dataDir,
    smtpUrl: options.smtpUrl,
    logLevel: 'info',
  };
  const jobs = createJobs({
    database,
    log: pino({ level: 'info' }, stream),
    pollingIntervalSeconds: 0.5,
    stopTimeoutMs: 1000,
    clock: options.clock,
  });
  const hosts = options.hosts ?? {};
  const app = await buildApp({
    config,
    database,
    logStream: stream,
    loginRateLimit: 1000,
    jobs,
    notifications: {
      allowLoopbackWebhooks: true,
      resolveHost: async (host) => {
        const found = hosts[host];
        if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
        return found;
      },
      policies: { slack: FAST_RETRIES, email: FAST_RETRIES, ticketReply: FAST_RETRIES },
      ...options.notifications,
    },
  });
  await app.ready();
  return {
    app,
    db: database.db,
    jobs,
    dataDir,
    logs: () => output,
    close: async () => {
      await app.close();
      await database.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The same app sending mail to a local SMTP server of its own (closed with the app). */
export async function createNotificationsAppWithSmtp(): Promise<NotificationsApp & { smtp: FakeSmtp }> {
  const smtp = await startFakeSmtp();
  const t = await createNotificationsApp({ smtpUrl: smtp.url });
  return {
    ...t,
    smtp,
    close: async () => {
      await t.close();
      await smtp.close();
    },
  };
}

/** A customer conversation with one message and a ticket opened on it (through the product's openTicket). */
export async function newTicket(
  db: Db,
  shopId: string,
  spec: {
    name?: string;
    email?: string;
    text?: string;
    category?: string;
    priority?: 'low' | 'medium' | 'high' | 'urgent';
  } = {},
) {
  const conversation = await newConversation(db, shopId, {
    customer: { name: spec.name ?? 'Ada Lovelace', email: spec.email ?? 'ada@example.com' },
    messages: [{ role: 'customer', text: spec.text ?? 'My parcel never arrived, can a person help?' }],
  });
  const { number } = await openTicket(db, {
    shopId,
    conversationId: conversation.id,
    reason: 'customer_requested_human',
    category: spec.category ?? 'Shipping',
    priority: spec.priority ?? 'high',
    summary: 'Customer wants a person about a missing parcel',
  });
  return { number, conversationId: conversation.id };
}

export { until } from './until.ts';
