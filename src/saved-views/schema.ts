import { z } from 'zod';
import { ZConversationFilterQuery } from '../conversations/schema.ts';
import { SAVED_VIEW_KINDS } from '../db/schema/index.ts';
import { TICKET_SORTS, ZTicketFilterQuery } from '../tickets/schema.ts';

const ZName = z.string().trim().min(1).max(80);

/** What each list's saved views may hold: that list's own query parameters, nothing else. */
export const ZViewFilters = {
  conversations: ZConversationFilterQuery.strict(),
  tickets: ZTicketFilterQuery.extend({ sort: z.enum(TICKET_SORTS).optional() }).strict(),
};

export const ZSavedViewKindQuery = z.object({ kind: z.enum(SAVED_VIEW_KINDS) }).strict();

export const ZCreateSavedView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('conversations'), name: ZName, filters: ZViewFilters.conversations }).strict(),
  z.object({ kind: z.literal('tickets'), name: ZName, filters: ZViewFilters.tickets }).strict(),
]);
export type TCreateSavedView = z.infer<typeof ZCreateSavedView>;

export const ZRenameSavedView = z.object({ name: ZName }).strict();

export const ZSavedView = z.object({
  id: z.guid(),
  kind: z.enum(SAVED_VIEW_KINDS),
  name: z.string(),
  filters: z.record(z.string(), z.union([z.string(), z.number()])),
  createdBy: z.object({ name: z.string() }).nullable(),
  createdAt: z.string(),
});

export const ZSavedViewList = z.object({ items: z.array(ZSavedView) });

// Any string: an id that is not a UUID is unknown (404), like another shop's.
export const ZSavedViewParams = z.object({ id: z.string().max(100) });
