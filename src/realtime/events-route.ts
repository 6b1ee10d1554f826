import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sseEvent } from '../channels/widget/stream-route.ts';
import type { RealtimeBus, ShopEvent } from './bus.ts';

const HEARTBEAT_MS = 15_000;

/** What the admin hears of a shop event: which ticket or conversation changed, not its content. */
function toAdminEvent(event: ShopEvent): [string, unknown] | null {
  if (event.type === 'ticket') return ['ticket', { action: event.action, number: event.number }];
  // Token deltas are for the customer's chat; the admin refetches once the message is stored.
  if (event.type === 'delta') return null;
  return ['conversation', { conversationId: event.conversationId, type: event.type }];
}

/** `GET /api/events`: the signed-in shop's ticket and conversation changes over SSE. */
export const adminEventsRoute: FastifyPluginAsyncZod<{ bus: RealtimeBus }> = async (app, { bus }) => {
  const open = new Set<() => void>();
  app.addHook('onClose', async () => {
    for (const end of open) end();
  });

  app.get('/api/events', { schema: { tags: ['events'] } }, async (req, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    // Scoped by the session's shop, never by anything the client sends.
    const unsubscribe = bus.subscribeShop(req.staff.shopId, (event) => {
      const shown = toAdminEvent(event);
      if (shown) res.write(sseEvent(shown[0], shown[1]));
    });
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    const close = () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(end);
    };
    const end = () => {
      close();
      res.end();
    };
    open.add(end);
    req.raw.on('close', close);
  });
};
