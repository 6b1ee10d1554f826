import { expect } from 'vitest';
import { buildDemoOrders, type DemoOrder, formatUsd } from '../../src/seed/demo-orders.ts';
import type { Chat, Turn } from './agent-harness.ts';

/** The seeded demo orders (#1001–#1050), as the seed builds them. */
export const DEMO_ORDERS = new Map(buildDemoOrders().map((o) => [o.name, o]));
export function demoOrder(name: string): DemoOrder {
  const order = DEMO_ORDERS.get(name);
  if (!order) throw new Error(`no demo order ${name}`);
  return order;
}

/** What lookupOrder answers for a wrong email, an unknown number and someone else's order alike. */
export const NOT_FOUND_OUTPUT = {
  found: false,
  message: 'No order matches that order number and email address.',
};
export const NOT_FOUND_TEXT = {
  en: "I couldn't find an order with that order number and email address. Please check both and try again.",
  no: 'Jeg fant ingen bestilling med det ordrenummeret og den e-postadressen. Sjekk begge og prøv igjen.',
};

/** Everything about an order that only its owner may see. */
export function orderSecrets(order: DemoOrder): string[] {
  return [
    order.customer.email,
    order.customer.name,
    formatUsd(order.totalCents),
    ...order.lineItems.map((l) => l.title),
    ...(order.trackingNumber ? [order.trackingNumber] : []),
    ...(order.trackingUrl ? [order.trackingUrl] : []),
  ];
}

export type TicketReason = 'customer_requested_human' | 'ai_unable_to_solve' | 'fallback_mode' | 'bad_rating';

export type ToolStep = {
  tool: 'lookupOrder' | 'searchProducts' | 'searchPolicies' | 'createTicket' | 'markResolved';
  /** The call's input, exactly (asymmetric matchers allowed). */
  input?: unknown;
  /** The tool result's output, exactly (asymmetric matchers allowed). */
  output?: unknown;
};

export type TurnSpec = {
  say: string;
  /** The tool calls the reply made, in order; [] means it answered without a tool. */
  tools: ToolStep[];
  /** Substrings or patterns the reply text must contain. */
  text?: Array<string | RegExp>;
  notText?: Array<string | RegExp>;
  /** The conversation's status after the reply (default unresolved). */
  status?: 'unresolved' | 'resolved';
  /** The reply opened a ticket (or, with `same`, added to the conversation's open one). */
  ticket?: { reason: TicketReason; same?: boolean; priority?: string };
  /** The reply is the not-found answer, and shows nothing of this order. */
  notFound?: { order: string; lang: 'en' | 'no' };
  /** The reply shows this order (the owner proved it with number and email). */
  found?: { order: string; lang: 'en' | 'no' };
  check?: (turn: Turn) => void;
};

export type Dialogue = {
  name: string;
  customer?: { name?: string; email?: string };
  turns: TurnSpec[];
};

type DialogueState = { tickets: Array<{ number: number; reason: string }> };

const ORDER_WORDS = {
  en: { paid: 'paid', pending: 'payment pending', refunded: 'refunded' },
  no: { paid: 'betalt', pending: 'betalingen venter', refunded: 'refundert' },
};

/** Posts one customer message and checks the AI's reply against the spec. */
export async function runTurn(chat: Chat, spec: TurnSpec, state: DialogueState): Promise<Turn> {
  const turn = await chat.say(spec.say);
  const where = `reply to ${JSON.stringify(spec.say)}: ${JSON.stringify(turn.reply.parts)}`;
  // The tool path: each call followed by its result, then the answer text.
  expect(
    turn.calls.map((c) => c.toolName),
    where,
  ).toEqual(spec.tools.map((s) => s.tool));
  expect(
    turn.reply.parts.map((p) => p.type),
    where,
  ).toEqual([...spec.tools.flatMap(() => ['tool-call', 'tool-result']), 'text']);
  expect(turn.results.map((r) => r.toolCallId)).toEqual(turn.calls.map((c) => c.toolCallId));
  spec.tools.forEach((step, i) => {
    if (step.input !== undefined) expect(turn.calls[i].input, where).toEqual(step.input);
    if (step.output !== undefined) expect(turn.results[i].output, where).toEqual(step.output);
  });
  expect(turn.text.trim(), where).not.toBe('');
  for (const t of spec.text ?? []) {
    if (typeof t === 'string') expect(turn.text, where).toContain(t);
    else expect(turn.text, where).toMatch(t);
  }
  for (const t of spec.notText ?? []) {
    if (typeof t === 'string') expect(turn.text, where).not.toContain(t);
    else expect(turn.text, where).not.toMatch(t);
  }
  expect(turn.detail.status, where).toBe(spec.status ?? 'unresolved');

  if (spec.ticket) {
    const call = turn.calls.at(-1);
    const result = turn.results.at(-1);
    expect(call?.toolName, where).toBe('createTicket');
    expect(call?.input, where).toMatchObject({ reason: spec.ticket.reason });
    const number = result?.output.ticketNumber as number;
    expect(result?.output, where).toMatchObject({
      ticketNumber: expect.any(Number),
      created: !spec.ticket.same,
    });
    expect(turn.text, where).toContain(`#${number}`);
    if (spec.ticket.same) {
      expect(number, 'added to the open ticket').toBe(state.tickets.at(-1)?.number);
    } else {
      state.tickets.push({ number, reason: spec.ticket.reason });
    }
    const stored = turn.detail.tickets.find((t) => t.number === number);
    expect(stored, where).toBeDefined();
    if (spec.ticket.priority) expect(stored?.priority).toBe(spec.ticket.priority);
    // A staff note in the chat records the trigger.
    const notes = turn.detail.messages.filter((m) => m.role === 'system').map((m) => JSON.stringify(m.parts));
    const note = spec.ticket.same ? `Added to ticket #${number}` : `Ticket #${number} opened`;
    expect(
      notes.some((n) => n.includes(note)),
      `${note} in ${notes.join(' ')}`,
    ).toBe(true);
  }
  // Tickets only come from triggers: the conversation has exactly the ones the spec opened.
  expect(
    turn.detail.tickets.map((t) => ({ number: t.number, reason: t.reason })),
    where,
  ).toEqual(state.tickets);

  if (spec.notFound) {
    expect(turn.calls.map((c) => c.toolName)).toEqual(['lookupOrder']);
    expect(turn.results[0].output, where).toEqual(NOT_FOUND_OUTPUT);
    expect(turn.text).toBe(NOT_FOUND_TEXT[spec.notFound.lang]);
    const reply = JSON.stringify(turn.reply.parts);
    for (const secret of orderSecrets(demoOrder(spec.notFound.order))) {
      // The customer's own typing (in the tool input) may hold their email; nothing else may appear.
      const typed = JSON.stringify(turn.calls[0].input).includes(secret);
      if (!typed) expect(reply, `leaks ${secret}`).not.toContain(secret);
    }
    const seen = await chat.history();
    expect(seen.messages.flatMap((m) => m.cards)).toEqual([]);
  }
  if (spec.found) {
    const order = demoOrder(spec.found.order);
    expect(turn.calls.map((c) => c.toolName)).toEqual(['lookupOrder']);
    expect(turn.results[0].output, where).toMatchObject({
      found: true,
      order: {
        name: order.name,
        financialStatus: order.financialStatus,
        fulfillmentStatus: order.fulfillmentStatus,
        totalCents: order.totalCents,
        trackingNumber: order.trackingNumber,
        lineItems: order.lineItems.map((l) => ({ title: l.title, quantity: l.quantity })),
      },
    });
    // The customer-safe summary: never the email or name it was matched on.
    expect(Object.keys(turn.results[0].output.order as object).sort()).toEqual(
      [
        'createdAt',
        'currency',
        'financialStatus',
        'fulfillmentStatus',
        'lineItems',
        'name',
        'totalCents',
        'trackingNumber',
        'trackingUrl',
      ].sort(),
    );
    expect(turn.text).toContain(order.name);
    expect(turn.text).toContain(ORDER_WORDS[spec.found.lang][order.financialStatus]);
    for (const l of order.lineItems) expect(turn.text).toContain(`${l.quantity} × ${l.title}`);
    if (order.trackingNumber) expect(turn.text).toContain(order.trackingNumber);
  }
  spec.check?.(turn);
  return turn;
}

/** Runs a whole scripted dialogue in the given chat. */
export async function runDialogue(chat: Chat, dialogue: Dialogue): Promise<Turn[]> {
  const state: DialogueState = { tickets: [] };
  const turns: Turn[] = [];
  for (const spec of dialogue.turns) turns.push(await runTurn(chat, spec, state));
  return turns;
}
