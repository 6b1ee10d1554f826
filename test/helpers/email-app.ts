import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import pino from 'pino';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createJobs } from '../../src/jobs/jobs.ts';
import { type FakeSmtp, startFakeSmtp } from './fake-smtp.ts';
import { createTestDatabase } from './test-db.ts';

/**
 * The real app with its inbound SMTP listener on a free port, outbound mail to a local SMTP sink, and
 * fast job polling. `sendMail` delivers a raw message to the listener with nodemailer, as any mail server would.
 */
export async function createEmailApp() {
  const database = await createTestDatabase();
  const outbox: FakeSmtp = await startFakeSmtp();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'supportify-email-'));
  const config = {
    ...loadConfig({}),
    databaseUrl: undefined,
    dataDir,
    smtpUrl: outbox.url,
    logLevel: 'warn',
  };
  const jobs = createJobs({
    database,
    log: pino({ level: process.env.EMAIL_TEST_LOG ?? 'silent' }),
    pollingIntervalSeconds: 0.5,
    stopTimeoutMs: 1000,
  });
  const app = await buildApp({
    config,
    database,
    logger: false,
    loginRateLimit: 1000,
    jobs,
    smtpListener: { port: 0, host: '127.0.0.1' },
  });
  await app.ready();
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: app.smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  return {
    app,
    db: database.db,
    outbox,
    /** Delivers a raw RFC 5322 message to the listener (envelope from the From header's address). */
    sendRaw: (raw: string, to: string, from = 'customer@example.com') =>
      transport.sendMail({ envelope: { from, to: [to] }, raw }),
    close: async () => {
      transport.close();
      await app.close();
      await database.close();
      await outbox.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type EmailApp = Awaited<ReturnType<typeof createEmailApp>>;

/** A plain-text email as a mail client would send it. */
export function rawEmail(m: {
  from: string;
  to: string;
  subject: string;
  body: string;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
}): string {
  const headers = [
    `From: ${m.from}`,
    `To: ${m.to}`,
    `Subject: ${m.subject}`,
    `Message-ID: <${m.messageId}>`,
    `Date: ${new Date().toUTCString()}`,
    ...(m.inReplyTo ? [`In-Reply-To: <${m.inReplyTo}>`] : []),
    ...(m.references?.length ? [`References: ${m.references.map((r) => `<${r}>`).join(' ')}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
  ];
  return `${headers.join('\r\n')}\r\n\r\n${m.body.replace(/\n/g, '\r\n')}\r\n`;
}
