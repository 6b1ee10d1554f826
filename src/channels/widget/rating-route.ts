import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { categorize, prioritize } from '../../agent/models/offline/ticket-fields.ts';
import type { Db } from '../../db/client.ts';
import { conversations, ratings } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { getShopSettings } from '../../settings/shop-settings.ts';
import { openTicket } from '../../tickets/open-ticket.ts';
import { authorizeWidgetConversation } from './conversation-access.ts';
import { ZParams, ZRating } from './schema.ts';

/** `POST /widget/v1/conversations/:id/rating`: one rating per resolved conversation; a bad one may escalate. */
export const widgetRatingRoute: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/widget/v1/conversations/:id/rating',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['widget'],
        params: ZParams,
        body: ZRating,
        response: {
          201: z.object({
            rating: z.enum(['good', 'bad']),
            comment: z.string().nullable(),
            ticketNumber: z.number().nullable(),
          }),
        },
      },
    },
    async (req, reply) => {
      const access = await authorizeWidgetConversation(db, req, req.params.id);
      const settings = await getShopSettings(db, access.shopId);
      if (!settings.ratings.enabled)
        throw new AppError(409, 'conflict', 'Ratings are turned off for this shop');
      const [conversation] = await db
        .select({ status: conversations.status })
        .from(conversations)
        .where(eq(conversations.id, access.conversationId));
      if (conversation?.status !== 'resolved') {
        throw new AppError(409, 'not_resolved', 'A conversation can be rated once it is resolved');
      }
      const comment = req.body.comment || null;
      const [stored] = await db
        .insert(ratings)
        .values({
          shopId: access.shopId,
          conversationId: access.conversationId,
          rating: req.body.rating,
          comment,
        })
        .onConflictDoNothing()
        .returning();
      if (!stored) throw new AppError(409, 'already_rated', 'This conversation has already been rated');
      let ticketNumber: number | null = null;
      if (stored.rating === 'bad' && settings.ratings.escalateOnBadRating) {
        const ticket = await openTicket(db, {
          shopId: access.shopId,
          conversationId: access.conversationId,
          reason: 'bad_rating',
          // The comment, if any, says what went wrong: classified like the offline model's own tickets.
          category: comment ? categorize(comment) : 'Other',
          priority: comment && prioritize(comment) === 'urgent' ? 'urgent' : 'high',
          summary: comment ? `Bad rating: ${comment}` : 'The customer rated the conversation as bad.',
          actor: { type: 'system', name: 'Customer rating' },
        });
        ticketNumber = ticket.number;
      }
      return reply.status(201).send({ rating: stored.rating, comment: stored.comment, ticketNumber });
    },
  );
};
