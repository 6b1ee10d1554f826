import { and, asc, eq, gt } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { conversations, messages } from '../../db/schema/index.ts';
import type { ConversationEvent, RealtimeBus } from '../../realtime/bus.ts';
import { openEventStream, sseEvent, trackEventStreams } from '../../realtime/sse.ts';
import { authorizeWidgetConversation } from './conversation-access.ts';
import { toVisibleWidgetMessage } from './present.ts';
import { ZParams } from './schema.ts';

/** A resync (the bus between processes reconnected) re-reads each open stream within this window. */
const RESYNC_SPREAD_MS = 1000;

/**
 * `GET /widget/v1/conversations/:id/stream`: the conversation live over SSE. `Last-Event-ID` (or
 * `?lastEventId=`) resumes: stored messages after that seq are replayed before live events. On a bus
 * resync the stream re-reads stored messages after the last one it sent, and the status.
 */
export const widgetStreamRoute: FastifyPluginAsyncZod<{ db: Db; bus: RealtimeBus }> = async (
  app,
  { db, bus },
) => {
  const open = trackEventStreams(app);

  app.get(
    '/widget/v1/conversations/:id/stream',
    {
      schema: {
        tags: ['widget'],
        params: ZParams,
        querystring: z.object({ lastEventId: z.coerce.number().int().min(0).optional() }),
      },
    },
    async (req, reply) => {
      const access = await authorizeWidgetConversation(db, req, req.params.id);
      const header = Number(req.headers['last-event-id']);
      const after = Number.isInteger(header) && header >= 0 ? header : (req.query.lastEventId ?? 0);

      // Subscribed below, before replaying; unsubscribed when the stream ends.
      let unsubscribe = () => {};
      const { res, end } = openEventStream(req, reply, open, {
        retryMs: 2000,
        headers: { 'access-control-allow-origin': req.headers.origin ?? '*' },
        cleanup: () => unsubscribe(),
      });
      let ended = false;
      let lastSeq = after;
      // Seqs sent on this stream: with several processes, events of one conversation stored by different
      // processes can arrive out of seq order, so a lower seq after a higher one is still sent (once).
      const sent = new Set<number>();
      // While stored messages are read, live events wait here, so nothing falls between the two.
      let buffered: ConversationEvent[] | null = [];
      let corked = false;
      const send = (event: ConversationEvent) => {
        if (ended) return;
        // Events of one tick (a burst of deltas, then the message) leave in one socket write.
        if (!corked) {
          corked = true;
          res.cork();
          process.nextTick(() => {
            corked = false;
            res.uncork();
          });
        }
        if (event.type === 'message') {
          const { seq } = event.message;
          const shown = seq > after && !sent.has(seq) ? toVisibleWidgetMessage(event.message) : null;
          if (!shown) return;
          sent.add(seq);
          lastSeq = Math.max(lastSeq, seq);
          res.write(sseEvent('message', shown, event.message.seq));
        } else if (event.type === 'delta') {
          res.write(sseEvent('delta', { replyTo: event.replyTo, text: event.text }));
        } else {
          res.write(sseEvent('status', { status: event.status === 'draft' ? 'unresolved' : event.status }));
        }
      };
      const { shopId, conversationId } = access;
      /** Sends the stored messages after the last one sent (and, on a resync, the status), then the waiting events. */
      const catchUp = async (withStatus: boolean) => {
        buffered ??= [];
        try {
          const missed = await db
            .select()
            .from(messages)
            .where(
              and(
                eq(messages.shopId, shopId),
                eq(messages.conversationId, conversationId),
                gt(messages.seq, lastSeq),
              ),
            )
            .orderBy(asc(messages.createdAt), asc(messages.seq));
          for (const message of missed) send({ type: 'message', shopId, conversationId, message });
          if (withStatus) {
            const [row] = await db
              .select({ status: conversations.status })
              .from(conversations)
              .where(and(eq(conversations.shopId, shopId), eq(conversations.id, conversationId)));
            if (row) send({ type: 'status', shopId, conversationId, status: row.status });
          }
        } finally {
          const pending = buffered;
          buffered = null;
          for (const event of pending) send(event);
        }
      };
      // The bus between processes reconnected: events may have been missed. Streams re-read at
      // staggered times (all of them resync at once); if that fails, the stream ends and the widget
      // reconnects with Last-Event-ID.
      let resyncTimer: NodeJS.Timeout | undefined;
      // One read at a time (a resync waits for the first replay), so the order of messages holds.
      let reading: Promise<void> = Promise.resolve();
      let resyncQueued = false;
      const resync = () => {
        if (ended || resyncQueued) return;
        resyncQueued = true;
        reading = reading.then(async () => {
          resyncQueued = false;
          if (ended) return;
          try {
            await catchUp(true);
          } catch (err) {
            const message = err instanceof Error ? err.message : String(err);
            req.log.warn({ err: { message } }, 'widget stream resync failed; ending the stream');
            end();
          }
        });
      };
      const unsubscribeEvents = bus.subscribe(conversationId, (event) => {
        if (buffered) buffered.push(event);
        else send(event);
      });
      const unsubscribeResync = bus.onResync(() => {
        clearTimeout(resyncTimer);
        resyncTimer = setTimeout(resync, Math.random() * RESYNC_SPREAD_MS);
      });
      unsubscribe = () => {
        ended = true;
        clearTimeout(resyncTimer);
        unsubscribeEvents();
        unsubscribeResync();
      };
      const first = catchUp(false);
      reading = first.catch(() => {});
      await first;
    },
  );
};
