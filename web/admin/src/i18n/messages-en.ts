import { enApp } from './en/app.ts';
import { enConversations } from './en/conversations.ts';
import { enSettings } from './en/settings.ts';
import { enTickets } from './en/tickets.ts';
import type { Translation } from './message.ts';

// English UI text: the reference catalogue, one file per area under en/. Keys are `area.what`; `{name}`
// is filled in; a plural is `{ one, other }`. Every key must exist in nb/ too (the type checker enforces it).
export const en = { ...enApp, ...enConversations, ...enTickets, ...enSettings } as const;

export type MessageKey = keyof typeof en;
export type Catalogue = Translation<typeof en>;
