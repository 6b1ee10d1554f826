import type { FastifyInstance } from 'fastify';
import type { ReplyWorker } from '../../agent/reply/reply-worker.ts';
import type { Db } from '../../db/client.ts';
import { JOB } from '../../jobs/types.ts';
import type { Mailer } from '../../mail/mailer.ts';
import type { RealtimeBus } from '../../realtime/bus.ts';
import type { IngestResult } from './ingest-email.ts';
import { EMAIL_SEND_POLICY, emailSendJob } from './outbound.ts';
import { startPendingEmailSweep } from './pending-sweep.ts';
import { gmailSyncJob, outlookFetchJob } from './provider-jobs.ts';
import { startSmtpListener } from './smtp-listener.ts';

type EmailWiring = {
  db: Db;
  bus: RealtimeBus;
  replyWorker: ReplyWorker;
  mailer: Mailer;
  sendEmail: (shopId: string, emailMessageId: string) => Promise<void>;
  /** The inbound SMTP listener, when this process runs one. */
  smtpListener?: { port: number; host: string };
  /** Re-queue email answers left pending by a crash (the long-running product process). */
  sweepPending: boolean;
};

/**
 * Email channels' background side: the send job, Gmail and Outlook fetch jobs, the SMTP listener and the
 * pending sweep. Inbound mail from any of them is shown live and answered like a chat message.
 */
export async function wireEmail(app: FastifyInstance, w: EmailWiring): Promise<void> {
  const onIngested = (shopId: string, result: IngestResult) => {
    w.bus.publish({
      type: 'message',
      shopId,
      conversationId: result.conversationId,
      message: result.message,
    });
    w.replyWorker.kick(result.conversationId);
  };
  app.jobs.work(JOB.emailSend, emailSendJob({ db: w.db, mailer: w.mailer }), EMAIL_SEND_POLICY);
  app.jobs.work(JOB.gmailSync, gmailSyncJob({ db: w.db, onIngested }));
  app.jobs.work(JOB.outlookFetch, outlookFetchJob({ db: w.db, onIngested }));
  if (w.smtpListener) {
    const listener = await startSmtpListener({ db: w.db, log: app.log, ...w.smtpListener, onIngested });
    app.decorate('smtpPort', listener.port);
    app.addHook('onClose', async () => listener.close());
  }
  if (w.sweepPending) {
    const stop = startPendingEmailSweep(w.db, app.log, w.sendEmail);
    app.addHook('onClose', async () => stop());
  }
}
