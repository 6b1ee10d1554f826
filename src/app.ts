import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AiEndpointPolicy } from './agent/models/ai-endpoint.ts';
import { createReplyWorker, type ReplyWorker } from './agent/reply/reply-worker.ts';
import { staffAuth } from './auth/plugin.ts';
import { authRoutes } from './auth/routes.ts';
import { draftRoutes } from './channels/email/draft-routes.ts';
import { providerWebhookRoutes } from './channels/email/provider-routes.ts';
import { wireEmail } from './channels/email/wire.ts';
import { widgetAssetRoutes } from './channels/widget/assets-routes.ts';
import { widgetApi } from './channels/widget/index.ts';
import type { Config } from './config.ts';
import { conversationRoutes } from './conversations/routes.ts';
import type { Database } from './db/client.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import { AppError } from './http/errors.ts';
import { healthRoutes } from './http/health.ts';
import { createMetrics, instrumentRequests, metricsRoute } from './http/metrics.ts';
import { registerAdminApp } from './http/static-admin.ts';
import { JOB, type Jobs } from './jobs/types.ts';
import type { Mailer } from './mail/mailer.ts';
import type { NotificationOptions } from './notifications/deps.ts';
import { notifyTicket } from './notifications/notify.ts';
import { notificationRoutes } from './notifications/routes.ts';
import { systemResolveHost } from './notifications/webhook-url.ts';
import { wireJobs } from './notifications/wire.ts';
import { createRealtimeBus, type RealtimeBus } from './realtime/bus.ts';
import { adminEventsRoute } from './realtime/events-route.ts';
import { createPgRealtimeBus } from './realtime/pg-bus.ts';
import { wireRetention } from './retention/wire.ts';
import { savedViewRoutes } from './saved-views/routes.ts';
import { channelSettingsRoutes } from './settings/channels-routes.ts';
import { settingsRoutes } from './settings/routes.ts';
import { wireShopify } from './shopify/wire.ts';
import { createTicketEventDispatcher, type TicketEventDispatcher } from './tickets/dispatch-events.ts';
import { ticketRoutes } from './tickets/routes.ts';

export type AppOptions = {
  config: Config;
  database: Database;
  /** Per-IP sign-in attempts per minute (lockout per account is separate). */
  loginRateLimit?: number;
  logger?: boolean;
  /** Where logs go (tests capture them); stdout by default. */
  logStream?: NodeJS.WritableStream;
  /** The inbound SMTP listener (on in `supportify start`; tests pick port 0). */
  smtpListener?: { port: number; host: string };
  /** Sweep the reply outbox for jobs whose process died (on in `supportify start`). */
  sweepReplies?: boolean;
  /** Widget limits: messages per conversation and new conversations per IP, per minute. */
  widgetRateLimits?: { messages: number; starts: number };
  /** Background jobs; built on `database` when omitted. */
  jobs?: Jobs;
  /** Run job workers in this process (default true); benchmarks, some tests and `--role web` opt out. */
  runJobs?: boolean;
  /**
   * Follow the ticket history outbox into this process's realtime bus and the notification jobs (default
   * true). `--role worker` opts out: the web processes, which hold the SSE streams, deliver them.
   */
  dispatchTicketEvents?: boolean;
  /**
   * On PostgreSQL, hold a LISTEN connection for other processes' realtime events (default true). `--role
   * worker` opts out: it has no SSE clients, it only publishes.
   */
  listenRealtime?: boolean;
  /** Outbound mail; built from config (SMTP_URL, or .eml files in the data dir) when omitted. */
  mailer?: Mailer;
  notifications?: NotificationOptions;
  /** Tests: a fixed DNS table for shops' AI base URLs (whether private ones are allowed is config's). */
  ai?: { resolveHost?: AiEndpointPolicy['resolveHost'] };
};

declare module 'fastify' {
  interface FastifyInstance {
    bus: RealtimeBus;
    jobs: Jobs;
    replyWorker: ReplyWorker;
    ticketEvents: TicketEventDispatcher;
    /** The inbound SMTP listener's port, when it runs. */
    smtpPort?: number;
  }
}

/** Builds the HTTP server: external plugins, then app plugins, then routes. */
export async function buildApp({
  config,
  database,
  loginRateLimit = 30,
  logger = true,
  logStream,
  sweepReplies = false,
  smtpListener,
  widgetRateLimits = { messages: 60, starts: 30 },
  jobs: givenJobs,
  runJobs = true,
  dispatchTicketEvents = true,
  listenRealtime = true,
  mailer,
  notifications: notificationOptions,
  ai: aiOptions,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger
      ? {
          level: config.logLevel,
          ...(logStream ? { stream: logStream } : {}),
          // Sessions, tokens, bodies and query strings (search terms can be customer emails) stay out of logs.
          redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
          serializers: {
            req: (req) => ({ method: req.method, path: req.url.split('?')[0], remoteAddress: req.ip }),
          },
        }
      : false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    // The socket and the next hops-1 addresses are proxies; proxy-addr takes the first untrusted one back.
    trustProxy: (_address: string, hop: number) => hop < config.trustProxyHops,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  registerErrorHandler(app);
  const metrics = createMetrics(database.db);
  instrumentRequests(app, metrics);

  // External plugins.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets inline style attributes; scripts stay strictly same-origin.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'self'", 'https://admin.shopify.com', 'https://*.myshopify.com'],
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    // Thrown, then shaped by the error handler like every other error.
    errorResponseBuilder: (_req, ctx) =>
      new AppError(429, 'rate_limited', `Too many requests; retry in ${Math.ceil(ctx.ttl / 1000)} s`),
  });
  await app.register(swagger, {
    openapi: { info: { title: 'Supportify API', version: '1' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  // App plugins.
  const db = database.db;
  // PostgreSQL: events also travel to the other processes on the database (LISTEN/NOTIFY).
  let bus: RealtimeBus = createRealtimeBus();
  if (database.kind === 'postgres' && database.url) {
    const pgBus = createPgRealtimeBus({ url: database.url, db, log: app.log, listen: listenRealtime });
    app.addHook('onReady', async () => pgBus.start());
    // onClose runs after preClose (replies in flight publish their last events): those are sent first.
    app.addHook('onClose', async () => pgBus.close());
    bus = pgBus;
  }
  // Email answers are committed with the reply, then queued for sending (the sweep catches a crash between).
  const sendEmail = (shopId: string, emailMessageId: string) =>
    app.jobs.send(JOB.emailSend, { shopId, emailMessageId }, { singletonKey: emailMessageId });
  // Where shops' own AI base URLs may point (SSRF): checked on save and again on every connection.
  const aiEndpoints: AiEndpointPolicy = {
    allowPrivate: config.aiAllowPrivateUrls,
    resolveHost: aiOptions?.resolveHost ?? systemResolveHost,
  };
  const replyWorker = createReplyWorker({
    db,
    bus,
    log: app.log,
    aiEndpoints,
    shopify: { encryptionKey: config.encryptionKey, apiBaseUrl: config.shopify?.apiBaseUrl },
    onReply: (outcome) => metrics.aiReply(outcome),
    onEmailQueued: (shopId, id) =>
      void sendEmail(shopId, id).catch((err: Error) =>
        app.log.warn({ err: { message: err.message } }, 'queueing an email failed'),
      ),
  });
  app.decorate('bus', bus);
  app.decorate('replyWorker', replyWorker);
  const notifications = wireJobs(app, {
    database,
    config,
    jobs: givenJobs,
    runJobs,
    cron: sweepReplies,
    mailer,
    notifications: notificationOptions,
    metrics,
  });
  const jobs = app.jobs;
  await wireEmail(app, {
    db,
    bus,
    replyWorker,
    mailer: notifications.mailer,
    sendEmail,
    smtpListener,
    sweepPending: sweepReplies,
  });
  const ticketEvents = createTicketEventDispatcher({
    db,
    bus,
    log: app.log,
    notify: async (alert) => {
      await notifyTicket({ db, jobs }, alert);
    },
    emailReply: (r) => jobs.send(JOB.ticketReplyEmail, r, { singletonKey: r.ticketMessageId }),
  });
  app.decorate('ticketEvents', ticketEvents);
  if (dispatchTicketEvents) app.addHook('onReady', async () => ticketEvents.start());
  app.addHook('preClose', async () => ticketEvents.stop());
  if (sweepReplies) app.addHook('onReady', async () => replyWorker.start());
  // Runs before other onClose hooks: replies in flight finish while the database is still open.
  app.addHook('preClose', async () => replyWorker.stop());
  const shopify = await wireShopify(app, { db, config });
  await app.register(staffAuth, {
    db,
    publicUrl: config.publicUrl,
    verifySessionToken: shopify.verifySessionToken,
  });

  // Routes.
  await app.register(healthRoutes, { database });
  await app.register(metricsRoute, { metrics, token: config.metricsToken });
  await app.register(authRoutes, { db, secureCookies: config.secureCookies, loginRateLimit });
  await app.register(conversationRoutes, { db, bus });
  await app.register(channelSettingsRoutes, { db });
  await app.register(settingsRoutes, { db, aiEndpoints });
  await wireRetention(app, { db, maintain: sweepReplies });
  await app.register(notificationRoutes, { deps: notifications });
  await app.register(ticketRoutes, { db, bus, jobs, ticketEvents });
  await app.register(savedViewRoutes, { db });
  await app.register(adminEventsRoute, { bus });
  await app.register(draftRoutes, { db, bus, sendEmail });
  await app.register(providerWebhookRoutes, { db, jobs });
  await app.register(widgetApi, {
    db,
    bus,
    replyWorker,
    messageRateLimit: widgetRateLimits.messages,
    startRateLimit: widgetRateLimits.starts,
  });
  await app.register(widgetAssetRoutes, { db });
  await app.register(shopify.routes);
  await registerAdminApp(app, { pageHead: shopify.pageHead });
  return app;
}
