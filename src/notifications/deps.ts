import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.ts';
import { deliveryPolicy } from '../jobs/delivery-policy.ts';
import { JOB, type JobPolicy, type Jobs } from '../jobs/types.ts';
import type { Mailer } from '../mail/mailer.ts';
import { emailNoticeJob, slackNoticeJob } from './notify-jobs.ts';
import { createSlackSender, type SlackSender } from './slack-sender.ts';
import { ticketReplyEmailJob } from './ticket-reply-email.ts';
import { type ResolveHost, systemResolveHost, type WebhookPolicy } from './webhook-url.ts';

export type NotificationOptions = {
  /** Test-only: allow `http://127.0.0.1:<port>` webhooks (a local Slack-like server). */
  allowLoopbackWebhooks?: boolean;
  /** DNS for webhook hosts (tests substitute a fixed table). */
  resolveHost?: ResolveHost;
  /** Minimum gap between two messages to one Slack webhook. */
  slackIntervalMs?: number;
  /** Retry policies per job, over the defaults below (tests shorten them). */
  policies?: Partial<Record<'slack' | 'email' | 'ticketReply', JobPolicy>>;
};

export type NotificationDeps = {
  db: Db;
  mailer: Mailer;
  log: FastifyBaseLogger;
  /** Origin of the admin app, for ticket links. */
  baseUrl: string;
  webhooks: WebhookPolicy;
  slack: SlackSender;
};

// Slack's waits start at 2 s, mail's at 10 s; both keep trying for a day (see delivery-policy.ts).
const POLICIES: Record<'slack' | 'email' | 'ticketReply', JobPolicy> = {
  slack: deliveryPolicy(2),
  email: deliveryPolicy(10),
  ticketReply: deliveryPolicy(10),
};

/** Builds what notifications share in one app and registers their job handlers. */
export function setupNotifications(
  jobs: Jobs,
  base: Omit<NotificationDeps, 'webhooks' | 'slack'>,
  options: NotificationOptions = {},
): NotificationDeps {
  const webhooks = {
    allowLoopback: options.allowLoopbackWebhooks ?? false,
    resolveHost: options.resolveHost ?? systemResolveHost,
  };
  const deps = {
    ...base,
    webhooks,
    slack: createSlackSender({ policy: webhooks, intervalMs: options.slackIntervalMs }),
  };
  const policy = (name: keyof typeof POLICIES) => ({ ...POLICIES[name], ...options.policies?.[name] });
  jobs.work(JOB.notifySlack, slackNoticeJob(deps), policy('slack'));
  jobs.work(JOB.notifyEmail, emailNoticeJob(deps), policy('email'));
  jobs.work(JOB.ticketReplyEmail, ticketReplyEmailJob(deps), policy('ticketReply'));
  return deps;
}
