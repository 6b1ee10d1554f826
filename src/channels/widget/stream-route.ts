import { and, asc, eq, gt } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { messages } from '../../db/schema/index.ts';
import type { ConversationEvent, RealtimeBus } from '../../realtime/bus.ts';
import { openEventStream, sseEvent, trackEventStreams } from '../../realtime/sse.ts';
import { authorizeWidgetConversation } from './conversation-access.ts';
import { toVisibleWidgetMessage } from './present.ts';
import { ZParams } from './schema.ts';

/**
 * `GET /widget/v1/conversations/:id/stream`: the conversation live over SSE. `Last-Event-ID` (or
 * `?lastEventId=`) resumes: stored messages after that seq are replayed before live events.
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
      const res = openEventStream(req, reply, open, {
        retryMs: 2000,
        headers: { 'access-control-allow-origin': req.headers.origin ?? '*' },
        cleanup: () => unsubscribe(),
      });
      let lastSeq = after;
      // Subscribe before replaying, buffering live events, so nothing falls between the two.
      let buffered: ConversationEvent[] | null = [];
      let corked = false;
      const send = (event: ConversationEvent) => {
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
          const shown = event.message.seq > lastSeq ? toVisibleWidgetMessage(event.message) : null;
          if (!shown) return;
          lastSeq = event.message.seq;
          res.write(sseEvent('message', shown, event.message.seq));
        } else if (event.type === 'delta') {
          res.write(sseEvent('delta', { replyTo: event.replyTo, text: event.text }));
        } else {
          res.write(sseEvent('status', { status: event.status === 'draft' ? 'unresolved' : event.status }));
        }
      };
      unsubscribe = bus.subscribe(access.conversationId, (event) => {
        if (buffered) buffered.push(event);
        else send(event);
      });
      const missed = await db
        .select()
        .from(messages)
        .where(
          and(
            eq(messages.shopId, access.shopId),
            eq(messages.conversationId, access.conversationId),
            gt(messages.seq, after),
          ),
        )
        .orderBy(asc(messages.createdAt), asc(messages.seq));
      for (const message of missed)
        send({ type: 'message', shopId: access.shopId, conversationId: access.conversationId, message });
      const pending = buffered;
      buffered = null;
      for (const event of pending) send(event);
    },
  );
};
