import { randomUUID } from 'node:crypto';
import { and, eq, lte, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { EMAIL_CHANNELS, type EmailFollowUp, followUpAiEmail } from '../../channels/email/ai-reply.ts';
import type { ShopifyAccess } from '../../commerce/index.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { replyJobs } from '../../db/schema/index.ts';
import type { RealtimeBus } from '../../realtime/bus.ts';
import { openTicket } from '../../tickets/open-ticket.ts';
import { SYSTEM_ACTOR } from '../../tickets/record-event.ts';
import type { StoredTurn } from '../history.ts';
import type { AiEndpointPolicy } from '../models/ai-endpoint.ts';
import { type AgentRun, runAgent } from '../run-agent.ts';
import { storeReply } from './store-reply.ts';

export const MAX_ATTEMPTS = 5;

export type ReplyWorker = {
  /** Answer this conversation now, in this process (the fast path after a customer message). */
  kick(conversationId: string): void;
  /** Starts sweeping for jobs whose process died or failed. */
  start(): void;
  stop(): Promise<void>;
  /** Resolves when no reply is being generated in this process (tests, shutdown). */
  idle(): Promise<void>;
};

type Options = {
  db: Db;
  bus: RealtimeBus;
  log: FastifyBaseLogger;
  leaseMs?: number;
  sweepMs?: number;
  /** An AI reply was queued as an email (committed): send it now. */
  onEmailQueued?: (shopId: string, emailMessageId: string) => void;
  /** Reading the store of a shop installed through the Shopify app (decryption key, test base URL). */
  shopify?: ShopifyAccess;
  /** Where shops' own AI base URLs may point (the operator's setting; public addresses only by default). */
  aiEndpoints?: AiEndpointPolicy;
  /** Each finished attempt (metrics): a stored answer with its token usage, or a failed try. */
  onReply?: (outcome: { ok: true; usage: AgentRun['usage'] } | { ok: false }) => void;
};
type ClaimedJob = {
  shop_id: string;
  shop_name: string;
  shop_settings: Record<string, unknown>;
  shopify_status: string | null;
  shopify_token: string | null;
  shopify_domain: string | null;
  last_customer_seq: string | number;
  attempts: number;
  question_id: string | null;
  verified_email: string | null;
  history: StoredTurn[];
  channel_type: string | null;
  channel_mode: 'auto' | 'draft' | null;
};

/**
 * Drives AI replies from the reply outbox. A job is claimed with a lease that is renewed while the agent
 * runs; if the process dies, the lease lapses and any process's sweeper claims the job again.
 */
export function createReplyWorker({
  db,
  bus,
  log,
  leaseMs = 10_000,
  sweepMs = 1_000,
  onEmailQueued,
  shopify,
  aiEndpoints,
  onReply,
}: Options): ReplyWorker {
  const instance = randomUUID();
  const running = new Map<string, Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  // One round trip: the lease, the shop (with its Shopify install) and the history the model reads.
  const claim = async (conversationId: string) => {
    const [job] = await queryRows<ClaimedJob>(
      db,
      sql`with job as (
            update reply_jobs set locked_by = ${instance}, attempts = attempts + 1,
              locked_until = now() + ${leaseMs} * interval '1 millisecond'
            where conversation_id = ${conversationId} and (locked_until <= now() or locked_by = ${instance})
            returning shop_id, last_customer_seq, attempts)
          select job.shop_id, job.last_customer_seq, job.attempts, s.name as shop_name, s.settings as shop_settings,
            ch.type as channel_type, ch.mode as channel_mode, si.status as shopify_status,
            si.access_token_encrypted as shopify_token, s.shopify_domain,
            (select id from messages m where m.conversation_id = ${conversationId}
              and m.conversation_started_at = c.started_at and m.seq = job.last_customer_seq) as question_id,
            (select em.from_address from messages m join email_messages em on em.message_id = m.id
              where m.conversation_id = ${conversationId} and m.conversation_started_at = c.started_at
                and m.seq = job.last_customer_seq
                and em.direction = 'in' and em.auth @> '{"verifiedSender": true}'::jsonb
              limit 1) as verified_email,
            (select coalesce(json_agg(json_build_object('role', m.role, 'parts', m.parts)
                order by m.created_at, m.seq), '[]'::json)
              -- The conversation's start is the partition key: one partition is read, not every day's.
              from messages m where m.shop_id = job.shop_id and m.conversation_id = ${conversationId}
                and m.conversation_started_at = c.started_at
                and m.seq <= job.last_customer_seq) as history
          from job join shops s on s.id = job.shop_id
            join conversations c on c.id = ${conversationId}
            left join channels ch on ch.id = c.channel_id
            left join shopify_installs si on si.shop_id = job.shop_id`,
      { prepared: true },
    );
    return job
      ? {
          shop: {
            id: job.shop_id,
            name: job.shop_name,
            settings: job.shop_settings,
            shopify: job.shopify_status
              ? { status: job.shopify_status, token: job.shopify_token, domain: job.shopify_domain }
              : null,
          },
          shopId: job.shop_id,
          seq: Number(job.last_customer_seq),
          attempts: job.attempts,
          questionId: job.question_id ?? '',
          history: job.history,
          verifiedEmail: job.verified_email,
          // Email conversations: what the stored reply becomes (an email, or a draft for staff).
          emailMode:
            job.channel_type && EMAIL_CHANNELS.has(job.channel_type) ? (job.channel_mode ?? 'auto') : null,
        }
      : null;
  };

  const extendLease = (conversationId: string) =>
    db
      .update(replyJobs)
      .set({ lockedUntil: sql`now() + ${leaseMs} * interval '1 millisecond'` })
      .where(and(eq(replyJobs.conversationId, conversationId), eq(replyJobs.lockedBy, instance)));

  // After repeated failures (the model is down, say) the customer still gets an answer and a person.
  async function giveUp(job: { shopId: string; seq: number }, conversationId: string) {
    const ticket = await openTicket(db, {
      shopId: job.shopId,
      conversationId,
      reason: 'ai_unable_to_solve',
      priority: 'high',
      summary: 'The AI could not produce a reply; please answer the customer.',
      actor: SYSTEM_ACTOR,
    });
    const text = `Sorry, I'm having trouble answering right now. A person from our team will follow up — your ticket number is #${ticket.number}.`;
    return storeReply(db, {
      shopId: job.shopId,
      conversationId,
      answeredSeq: job.seq,
      parts: [{ type: 'text', text }],
      usage: { input: 0, output: 0 },
      metered: false,
    });
  }

  async function answer(conversationId: string): Promise<void> {
    for (;;) {
      const job = await claim(conversationId);
      if (!job) return;
      const renew = setInterval(() => void extendLease(conversationId).catch(() => {}), leaseMs / 3);
      try {
        const replyTo = job.questionId;
        let stored: Awaited<ReturnType<typeof storeReply>>;
        // Set inside the transaction callback below (so declared wide for the checker).
        let followUp = null as EmailFollowUp | null;
        try {
          const run = await runAgent(
            db,
            { shop: job.shop, conversationId, history: job.history, verifiedEmail: job.verifiedEmail },
            (text) => bus.publish({ type: 'delta', shopId: job.shopId, conversationId, replyTo, text }),
            { shopify, aiEndpoints },
          );
          const input = { shopId: job.shopId, conversationId, answeredSeq: job.seq, ...run };
          const emailMode = job.emailMode;
          stored = emailMode
            ? await db.transaction(async (tx) => {
                const s = await storeReply(tx, input);
                if (!s.duplicate) {
                  followUp = await followUpAiEmail(tx, { ...input, message: s.message, mode: emailMode });
                }
                return s;
              })
            : await storeReply(db, input);
          if (!stored.duplicate) onReply?.({ ok: true, usage: run.usage });
        } catch (err) {
          onReply?.({ ok: false });
          log.warn(
            { conversationId, attempts: job.attempts, err: { message: (err as Error).message } },
            'AI reply failed',
          );
          if (job.attempts < MAX_ATTEMPTS) {
            // Back off: the sweeper retries once the (shortened) lease lapses.
            await db
              .update(replyJobs)
              .set({ lockedUntil: sql`now() + ${2 ** job.attempts} * interval '1 second'`, lockedBy: null })
              .where(eq(replyJobs.conversationId, conversationId));
            return;
          }
          stored = await giveUp(job, conversationId);
        }
        if (!stored.duplicate) {
          bus.publish({ type: 'message', shopId: job.shopId, conversationId, message: stored.message });
        }
        if (followUp?.outboundId) onEmailQueued?.(job.shopId, followUp.outboundId);
        const status = followUp?.draft ? 'draft' : stored.status;
        bus.publish({ type: 'status', shopId: job.shopId, conversationId, status });
        if (stored.done) return;
      } finally {
        clearInterval(renew);
      }
    }
  }

  function kick(conversationId: string) {
    // One runner per conversation per process; a message arriving meanwhile is picked up by its loop.
    if (stopped || running.has(conversationId)) return;
    const run = answer(conversationId)
      .catch((err: Error) =>
        log.error({ conversationId, err: { message: err.message } }, 'reply worker failed'),
      )
      .finally(() => running.delete(conversationId));
    running.set(conversationId, run);
  }

  async function sweep() {
    const due = await db
      .select({ conversationId: replyJobs.conversationId })
      .from(replyJobs)
      .where(lte(replyJobs.lockedUntil, sql`now()`))
      .orderBy(replyJobs.lockedUntil)
      .limit(50);
    for (const job of due) kick(job.conversationId);
  }

  return {
    kick,
    start() {
      const tick = () => {
        if (stopped) return;
        sweep()
          .catch((err: Error) => log.warn({ err: { message: err.message } }, 'reply sweep failed'))
          .finally(() => {
            if (!stopped) timer = setTimeout(tick, sweepMs);
          });
      };
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await Promise.allSettled(running.values());
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled(running.values());
    },
  };
}
