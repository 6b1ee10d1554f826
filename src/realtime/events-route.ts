import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RealtimeBus, ShopEvent } from './bus.ts';
import { openEventStream, sseEvent, trackEventStreams } from './sse.ts';

/** What the admin hears of a shop event: which ticket or conversation changed, not its content. */
function toAdminEvent(event: ShopEvent): [string, unknown] | null {
  if (event.type === 'ticket') return ['ticket', { action: event.action, number: event.number }];
  // Token deltas are for the customer's chat; the admin refetches once the message is stored.
  if (event.type === 'delta') return null;
  return ['conversation', { conversationId: event.conversationId, type: event.type }];
}

/**
 * `GET /api/events`: the signed-in shop's ticket and conversation changes over SSE. `resync` says events
 * may have been missed (the bus between processes reconnected): the admin refetches what it shows.
 */
export const adminEventsRoute: FastifyPluginAsyncZod<{ bus: RealtimeBus }> = async (app, { bus }) => {
  const open = trackEventStreams(app);

  app.get('/api/events', { schema: { tags: ['events'] } }, async (req, reply) => {
    let unsubscribe = () => {};
    const { res } = openEventStream(req, reply, open, { retryMs: 3000, cleanup: () => unsubscribe() });
    // Scoped by the session's shop, never by anything the client sends.
    const unsubscribeShop = bus.subscribeShop(req.staff.shopId, (event) => {
      const shown = toAdminEvent(event);
      if (shown) res.write(sseEvent(shown[0], shown[1]));
    });
    const unsubscribeResync = bus.onResync(() => res.write(sseEvent('resync', {})));
    unsubscribe = () => {
      unsubscribeShop();
      unsubscribeResync();
    };
  });
};
