import type { Catalogue } from './messages-en.ts';
import { nbApp } from './nb/app.ts';
import { nbConversations } from './nb/conversations.ts';
import { nbSettings } from './nb/settings.ts';
import { nbTickets } from './nb/tickets.ts';

// Norwegian (bokmål) UI text, one file per area under nb/ with the same keys as en/.
export const nb: Catalogue = { ...nbApp, ...nbConversations, ...nbTickets, ...nbSettings };
