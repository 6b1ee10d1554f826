/** Support tickets of the demo conversations: status by age, and the staff replies that go with it. */
import type { ConversationStatus } from '../db/schema/index.ts';
import { gap, type RenderOptions, renderTurn, type TimedMessage } from './demo-render.ts';
import { type Script, TICKET, type TicketPlan, type Turn } from './demo-tools.ts';
import { DAY, type Rng } from './random.ts';

export type TicketStatus = 'new' | 'open' | 'waiting' | 'resolved';

export type SeedTicket = TicketPlan & {
  /** Set once every ticket exists: numbers follow creation order. */
  number: number;
  status: TicketStatus;
  createdAt: Date;
  updatedAt: Date;
};

/** The statuses of the newest tickets: a queue to work on. Older ones follow their age. */
const NEWEST: TicketStatus[] = ['new', 'new', 'open', 'waiting', 'new', 'open'];

function ticketStatus(rng: Rng, ageMs: number, rank: number): TicketStatus {
  if (rank < NEWEST.length) return NEWEST[rank];
  if (ageMs < 2 * DAY) return rng.weighted({ new: 60, open: 25, waiting: 15 });
  if (ageMs < 10 * DAY) return rng.weighted({ new: 35, open: 30, waiting: 20, resolved: 15 });
  if (ageMs < 30 * DAY) return rng.weighted({ open: 20, waiting: 20, resolved: 60 });
  return rng.weighted({ resolved: 80, open: 8, waiting: 12 });
}

function defaultStaff(o: RenderOptions): { reply: string; resolution: string } {
  const name = o.customerName?.split(' ')[0];
  if (o.norwegian) {
    return {
      reply: `Hei${name ? ` ${name}` : ''}! Beklager at chatboten vår ikke kunne hjelpe deg ordentlig. Jeg har lest gjennom samtalen og ordner dette for deg.`,
      resolution: 'Nå skal alt være i orden. Takk for tålmodigheten!',
    };
  }
  return {
    reply: `Hi${name ? ` ${name}` : ''}, I'm sorry our assistant couldn't help you properly. I've read through the conversation and I'll sort this out for you personally.`,
    resolution: 'This should be sorted now. Thanks for your patience, and sorry again for the trouble!',
  };
}

/** When the ticket was opened: the first message that mentions it. */
export function ticketCreatedAt(messages: TimedMessage[]): number {
  return messages.find((m) => JSON.stringify(m.parts).includes(TICKET))?.at ?? messages[0].at;
}

/**
 * Opens the conversation's ticket where the messages first mention it, then adds staff replies that fit its status
 * (open and waiting: a first reply; resolved: the reply, maybe the customer's thanks, and the resolution). Every
 * reply lands before `now`. The conversation is resolved exactly when its ticket is. `rank`: 0 for the newest ticket.
 */
export function addTicket(
  rng: Rng,
  now: Date,
  o: RenderOptions,
  script: Script,
  plan: TicketPlan,
  messages: TimedMessage[],
  conversation: { status: ConversationStatus; ticket: SeedTicket | null },
  rank: number,
): void {
  const createdAt = ticketCreatedAt(messages);
  const status = ticketStatus(rng, now.getTime() - createdAt, rank);
  const staff = plan.reason === 'bad_rating' ? defaultStaff(o) : (script.staff ?? defaultStaff(o));
  const turns: Turn[] = [];
  if (status !== 'new') turns.push({ role: 'staff', text: staff.reply });
  if (status === 'resolved') {
    if (rng.chance(0.5)) {
      turns.push({
        role: 'customer',
        text: o.norwegian ? 'Tusen takk, det hjelper!' : 'Thank you, that helps a lot!',
      });
    }
    turns.push({ role: 'staff', text: staff.resolution });
  }
  let t = messages[messages.length - 1].at;
  let prev = messages[messages.length - 1].role;
  let updatedAt = createdAt;
  for (const turn of turns) {
    // Each reply comes after a realistic pause, squeezed so that the last one is still in the past.
    t += Math.max(1000, Math.min(gap(o, prev, turn.role), (now.getTime() - t) * 0.35));
    messages.push(...renderTurn(o, turn, t, true));
    if (turn.role === 'staff') updatedAt = t;
    prev = turn.role;
  }
  conversation.status = status === 'resolved' ? 'resolved' : 'unresolved';
  conversation.ticket = {
    ...plan,
    number: 0,
    status,
    createdAt: new Date(createdAt),
    updatedAt: new Date(updatedAt),
  };
}
