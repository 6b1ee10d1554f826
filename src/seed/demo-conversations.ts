/** Plans the demo conversations: who writes, when, on which channel, what about, and how it ended. */
import type { ChannelType, ConversationStatus, MessagePart } from '../db/schema/index.ts';
import {
  customerByEmail,
  DEMO_CUSTOMERS,
  type DemoCustomer,
  EMAIL_ONLY_ADDRESSES,
} from './demo-customers.ts';
import { followUp } from './demo-followups.ts';
import type { DemoOrder } from './demo-orders.ts';
import {
  closingReply,
  closingTurns,
  formatAi,
  gap,
  isEmailChannel,
  type RenderOptions,
  renderTurns,
  type TimedMessage,
  ticketAck,
  toolParts,
} from './demo-render.ts';
import { refusjon } from './demo-scripts-norwegian.ts';
import { brokenZipper, orderStatus } from './demo-scripts-orders.ts';
import { chooseScript, fallbackMode, topicCategory } from './demo-templates.ts';
import { addTicket, type SeedTicket, ticketCreatedAt } from './demo-tickets.ts';
import { type Script, type ScriptContext, TICKET, type TicketPlan, type Turn } from './demo-tools.ts';
import { DAY, HOUR, MINUTE, Rng, SECOND } from './random.ts';

export type SeedConversation = {
  channel: ChannelType;
  customer: { name: string | null; email: string | null } | null;
  subject: string | null;
  status: ConversationStatus;
  topic: string;
  messages: Array<{ role: TimedMessage['role']; parts: MessagePart[]; at: Date }>;
  draft: { body: string; at: Date } | null;
  rating: { rating: 'good' | 'bad'; comment: string | null; at: Date } | null;
  ticket: SeedTicket | null;
};

type Plan = {
  ageMs: number;
  channel: ChannelType;
  customer: DemoCustomer | null;
  email: string | null;
  norwegian: boolean;
  /** Pinned conversations (the demo facts) fix the script, orders and outcome. */
  build?: (ctx: ScriptContext) => Script | null;
  orders?: DemoOrder[];
  resolve?: boolean;
  rating?: 'good';
};

export const CONVERSATION_COUNT = 200;
const TICKET_TARGET = 25;
const SPREAD_DAYS = 85;
const FALLBACK_WINDOW = [41 * DAY, 43 * DAY];

/** Orders the pinned conversations are about; other conversations leave them alone. */
const PINNED_ORDERS = ['#1004', '#1009', '#1015', '#1021'];

const orderNamed = (orders: DemoOrder[], name: string) => orders.find((o) => o.name === name) as DemoOrder;

/** The conversations the demo facts rely on. */
function pinnedPlans(orders: DemoOrder[]): Plan[] {
  const customer = (email: string) => ({ customer: customerByEmail(email), email, norwegian: false });
  const ingrid = orderNamed(orders, '#1004');
  const emily = orderNamed(orders, '#1009');
  const lars = orderNamed(orders, '#1015');
  const sarah = orderNamed(orders, '#1021');
  return [
    {
      ...customer(ingrid.customer.email),
      ageMs: ingrid.ageMs - 3 * DAY - 2 * HOUR,
      channel: 'widget',
      build: orderStatus,
      orders: [ingrid],
      resolve: true,
      rating: 'good',
    },
    {
      ...customer(emily.customer.email),
      ageMs: emily.ageMs - 24 * DAY,
      channel: 'outlook',
      build: brokenZipper,
      orders: [emily],
    },
    {
      ...customer(lars.customer.email),
      norwegian: true,
      ageMs: lars.ageMs - 9 * DAY,
      channel: 'email',
      build: refusjon,
      orders: [lars],
    },
    {
      ...customer(sarah.customer.email),
      ageMs: sarah.ageMs - 4 * DAY,
      channel: 'widget',
      build: orderStatus,
      orders: [sarah],
    },
  ];
}

function randomPlan(rng: Rng, orders: DemoOrder[]): Plan {
  const ageMs = Math.max(4 * MINUTE, Math.round(SPREAD_DAYS * DAY * rng.next() ** 1.3));
  const channel = rng.weighted({ widget: 54, gmail: 20, outlook: 12, email: 10, api: 4 });
  const kind =
    channel === 'api'
      ? 'named'
      : channel === 'widget'
        ? rng.weighted({ named: 62, anonymous: 28, emailOnly: 10 })
        : rng.weighted({ named: 85, emailOnly: 15 });
  if (kind === 'anonymous')
    return { ageMs, channel, customer: null, email: null, norwegian: rng.chance(0.12) };
  if (kind === 'emailOnly') {
    const who = rng.pick(EMAIL_ONLY_ADDRESSES);
    return {
      ageMs,
      channel,
      customer: null,
      email: who.email,
      norwegian: who.country === 'NO' && rng.chance(0.5),
    };
  }
  // Most named customers write about an order they placed recently.
  const recent = orders.filter((o) => o.ageMs > ageMs + 2 * HOUR && o.ageMs < ageMs + 25 * DAY);
  const customer =
    recent.length > 0 && rng.chance(0.6) ? rng.pick(recent).customer : rng.pick(DEMO_CUSTOMERS);
  return {
    ageMs,
    channel,
    customer,
    email: customer.email,
    norwegian: customer.speaksNorwegian && rng.chance(0.45),
  };
}

/** The customer's orders placed in the 45 days before the conversation, newest first. */
function ordersBefore(orders: DemoOrder[], email: string | null, ageMs: number): DemoOrder[] {
  if (!email) return [];
  return orders
    .filter((o) => !PINNED_ORDERS.includes(o.name))
    .filter((o) => o.customer.email === email && o.ageMs > ageMs + HOUR && o.ageMs < ageMs + 45 * DAY)
    .sort((a, b) => a.ageMs - b.ageMs);
}

function resolveChance(ageMs: number): number {
  if (ageMs < DAY) return 0.3;
  if (ageMs < 3 * DAY) return 0.5;
  if (ageMs < 14 * DAY) return 0.65;
  return 0.78;
}

const NO_FOLLOW_UP = ['greeting', 'thanks', 'shipping', 'payment', 'fallback', 'human'];

const GOOD_COMMENTS = [
  'Super quick, thanks!',
  'Got my tracking number in seconds.',
  'Very helpful 👍',
  'Super fornøyd!',
];
const BAD_COMMENTS = [
  "Didn't answer my question.",
  'I just wanted to talk to a person.',
  'The bot kept repeating the same thing.',
  'Still no idea when my parcel arrives.',
  'Too generic, not helpful.',
];

const hasTool = (turns: Turn[], name: string) =>
  turns.some((t) => t.role === 'ai' && t.tools?.some((tool) => tool.name === name));

/** A conversation whose messages are still timestamps in ms, and the ticket it is about to get. */
type Built = {
  conversation: SeedConversation;
  messages: TimedMessage[];
  ticket: { plan: TicketPlan; script: Script; o: RenderOptions } | null;
};

function buildConversation(
  rng: Rng,
  now: Date,
  allOrders: DemoOrder[],
  plan: Plan,
  ticketsLeft: () => boolean,
): Built {
  const ctx: ScriptContext = {
    rng,
    now,
    ageMs: plan.ageMs,
    customer: plan.customer,
    email: plan.email,
    norwegian: plan.norwegian,
    orders: plan.orders ?? ordersBefore(allOrders, plan.email, plan.ageMs),
    allOrders,
  };
  const email = isEmailChannel(plan.channel);
  const inFallback = plan.ageMs > FALLBACK_WINDOW[0] && plan.ageMs < FALLBACK_WINDOW[1];
  const script =
    plan.build?.(ctx) ?? (inFallback ? fallbackMode(ctx) : null) ?? chooseScript(ctx, email, ticketsLeft());
  const o: RenderOptions = {
    rng,
    channel: plan.channel,
    draftMode: plan.channel === 'gmail',
    norwegian: plan.norwegian,
    customerName: plan.customer?.name ?? null,
  };
  let ticketPlan: TicketPlan | undefined = script.ticket;
  const turns = [...script.turns];
  if (turns[turns.length - 1].role === 'ai' && !NO_FOLLOW_UP.includes(script.topic) && rng.chance(0.35)) {
    turns.push(...followUp(ctx));
  }
  // A draft needs something sent before it: two messages, or the assistant's tool calls.
  const draftCuts = turns.flatMap((t, i) => (t.role === 'ai' && (i >= 2 || t.tools?.length) ? [i] : []));
  const isDraft =
    o.draftMode &&
    !plan.build &&
    plan.ageMs < 30 * DAY &&
    !ticketPlan &&
    draftCuts.length > 0 &&
    rng.chance(0.8);

  let messages: TimedMessage[];
  let draft: { body: string; at: number } | null = null;
  let rating: { rating: 'good' | 'bad'; comment: string | null; at: number } | null = null;
  let status: ConversationStatus;

  if (isDraft) {
    // The AI answered by draft: the turns up to that answer were sent, the answer waits for review.
    const cut = draftCuts[draftCuts.length - 1];
    const answer = turns[cut];
    messages = renderTurns(o, turns.slice(0, cut));
    let at = messages[messages.length - 1].at + Math.round(30 * SECOND + rng.next() * 90 * SECOND);
    if (answer.role === 'ai' && answer.tools?.length) {
      const { calls, results } = toolParts(rng, answer.tools);
      messages.push({ role: 'ai', parts: [...calls, ...results], at });
      at += Math.round(2 * SECOND + rng.next() * 5 * SECOND);
    }
    draft = { body: formatAi(o, answer.role === 'ai' ? answer.text : ''), at };
    status = 'draft';
  } else {
    const last = turns[turns.length - 1];
    let resolved = false;
    if (!ticketPlan) {
      resolved = plan.resolve ?? (hasTool(turns, 'markResolved') || rng.chance(resolveChance(plan.ageMs)));
      if (last.role === 'customer') turns.push(closingReply(o, resolved));
      else if (resolved && !hasTool(turns, 'markResolved') && rng.chance(0.6)) turns.push(...closingTurns(o));
    } else if (last.role === 'customer') {
      turns.push(ticketAck(o));
    }
    messages = renderTurns(o, turns);
    status = resolved ? 'resolved' : 'unresolved';
    const chat = plan.channel === 'widget' || plan.channel === 'api';
    if (resolved && chat && (plan.rating || rng.chance(0.5))) {
      const good = plan.rating === 'good' || rng.chance(0.85);
      const comments = good ? GOOD_COMMENTS : BAD_COMMENTS;
      const at = messages[messages.length - 1].at + Math.round(20 * SECOND + rng.next() * 70 * SECOND);
      rating = {
        rating: good ? 'good' : 'bad',
        comment: rng.chance(good ? 0.3 : 0.75) ? rng.pick(comments) : null,
        at,
      };
      if (!good && rng.chance(0.5) && ticketsLeft()) {
        // "Escalate on bad rating": a ticket and a note in the conversation.
        ticketPlan = { category: topicCategory(script.topic), priority: 'medium', reason: 'bad_rating' };
        messages.push({
          role: 'system',
          parts: [
            { type: 'text', text: `The customer rated this conversation as bad. Ticket #${TICKET} created.` },
          ],
          at: at + gap(o, 'customer', 'system'),
        });
      }
    }
  }

  // Place the conversation in time: it starts `ageMs` ago, or earlier if it would otherwise end in the future.
  const end = Math.max(messages[messages.length - 1].at, draft?.at ?? 0, rating?.at ?? 0);
  const start = Math.min(now.getTime() - plan.ageMs, now.getTime() - end - 2 * MINUTE);
  const shifted = messages.map((m) => ({ ...m, at: m.at + start }));
  const conversation: SeedConversation = {
    channel: plan.channel,
    customer: plan.customer || plan.email ? { name: plan.customer?.name ?? null, email: plan.email } : null,
    subject: email ? script.subject : null,
    status,
    topic: script.topic,
    messages: [],
    draft: draft ? { body: draft.body, at: new Date(draft.at + start) } : null,
    rating: rating ? { ...rating, at: new Date(rating.at + start) } : null,
    ticket: null,
  };
  return { conversation, messages: shifted, ticket: ticketPlan ? { plan: ticketPlan, script, o } : null };
}

/** Numbers tickets 1…N in the order they were created and writes the numbers into the messages. */
function numberTickets(conversations: SeedConversation[]): void {
  const withTickets = conversations
    .filter((c) => c.ticket)
    .sort((a, b) => (a.ticket?.createdAt.getTime() ?? 0) - (b.ticket?.createdAt.getTime() ?? 0));
  withTickets.forEach((c, i) => {
    const n = i + 1;
    if (c.ticket) c.ticket.number = n;
    for (const m of c.messages) {
      const json = JSON.stringify(m.parts);
      if (json.includes(TICKET)) {
        m.parts = JSON.parse(json.replaceAll(`"${TICKET}"`, String(n)).replaceAll(TICKET, String(n)));
      }
    }
  });
}

/** The demo conversations, oldest first. Deterministic for a given seed, relative to `now`. */
export function buildDemoConversations(now: Date, orders: DemoOrder[], seed = 2024): SeedConversation[] {
  const rng = new Rng(seed);
  const plans = pinnedPlans(orders);
  while (plans.length < CONVERSATION_COUNT) plans.push(randomPlan(rng, orders));
  // Ticket-raising scripts are drawn freely until the demo has its share of tickets.
  let tickets = 0;
  const ticketsLeft = () => tickets < TICKET_TARGET;
  const built = plans.map((plan) => {
    const b = buildConversation(rng, now, orders, plan, ticketsLeft);
    if (b.ticket) tickets++;
    return b;
  });
  // Tickets get their status (and staff replies) newest first, so the newest few are still new or in progress.
  const ticketCreated = (b: Built) => ticketCreatedAt(b.messages);
  const withTickets = built.filter((b) => b.ticket).sort((a, b) => ticketCreated(b) - ticketCreated(a));
  withTickets.forEach((b, rank) => {
    if (b.ticket)
      addTicket(rng, now, b.ticket.o, b.ticket.script, b.ticket.plan, b.messages, b.conversation, rank);
  });
  const conversations = built.map((b) => {
    b.conversation.messages = b.messages.map((m) => ({ role: m.role, parts: m.parts, at: new Date(m.at) }));
    return b.conversation;
  });
  numberTickets(conversations);
  return conversations.sort((a, b) => a.messages[0].at.getTime() - b.messages[0].at.getTime());
}
