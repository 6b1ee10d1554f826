import { describe, expect, it } from 'vitest';
import { type Decision, decide, orderDetails, type Turn } from './decide.ts';
import * as replies from './replies.ts';

const ALL = new Set(['lookupOrder', 'searchProducts', 'searchPolicies', 'createTicket', 'markResolved']);
const user = (text: string): Turn => ({ role: 'user', text });
const ai = (text: string): Turn => ({ role: 'assistant', text, toolCalls: [] });
const call = (toolName: string, input: Record<string, unknown>): Turn => ({
  role: 'assistant',
  text: '',
  toolCalls: [{ toolName, input }],
});
const result = (toolName: string, output: Record<string, unknown>): Turn => ({
  role: 'tool',
  results: [{ toolName, output }],
});
const next = (turns: Turn[], tools = ALL, fallback = false): Decision => decide(turns, tools, fallback);
const toolCall = (toolName: string, input: Record<string, unknown>): Decision => ({
  kind: 'tool-call',
  toolName,
  input,
});

/** Runs the model's own question-and-answer loop: what it would say next, appended to the turns. */
function replyTo(turns: Turn[], text: string): { turns: Turn[]; decision: Decision } {
  const all = [...turns, user(text)];
  const decision = next(all);
  return { turns: decision.kind === 'text' ? [...all, ai(decision.text)] : all, decision };
}

describe('decide', () => {
  it('greets and thanks without a tool, in the customer’s language', () => {
    expect(next([user('Hi there!')])).toEqual({ kind: 'text', text: 'Hi! How can I help you today?' });
    expect(next([user('Hei!')])).toEqual({ kind: 'text', text: 'Hei! Hva kan jeg hjelpe deg med i dag?' });
    expect(next([user('Tusen takk!')])).toMatchObject({
      kind: 'text',
      text: expect.stringContaining('Bare hyggelig'),
    });
  });

  it('asks for what an order lookup is missing, then looks it up', () => {
    let step = replyTo([], 'Where is my order?');
    expect(step.decision).toMatchObject({
      kind: 'text',
      text: expect.stringContaining('order number (like #1004) and the email'),
    });
    step = replyTo(step.turns, '#1004');
    expect(step.decision).toMatchObject({
      kind: 'text',
      text: expect.stringContaining('Which email address'),
    });
    step = replyTo(step.turns, 'ingrid.johansen@example.com');
    expect(step.decision).toEqual(
      toolCall('lookupOrder', { orderNumber: '#1004', email: 'ingrid.johansen@example.com' }),
    );
  });

  it('takes a bare number as the order number only when it was asked for', () => {
    let step = replyTo([], 'I want to check my order');
    step = replyTo(step.turns, 'my email is a@example.com');
    expect(step.decision).toMatchObject({ text: expect.stringContaining('What is the order number') });
    expect(replyTo(step.turns, '1004').decision).toEqual(
      toolCall('lookupOrder', { orderNumber: '#1004', email: 'a@example.com' }),
    );
    // Out of the blue, a number is not an order number.
    expect(next([user('1004')])).toMatchObject({
      toolName: 'createTicket',
      input: { reason: 'ai_unable_to_solve' },
    });
  });

  it('after "not found" takes a corrected email or number', () => {
    const notFound = [
      user('#1004 wrong@example.com'),
      call('lookupOrder', { orderNumber: '#1004', email: 'wrong@example.com' }),
      result('lookupOrder', {
        found: false,
        message: 'No order matches that order number and email address.',
      }),
      ai(
        "I couldn't find an order with that order number and email address. Please check both and try again.",
      ),
    ];
    expect(next([...notFound, user('Sorry, it is right@example.com')])).toEqual(
      toolCall('lookupOrder', { orderNumber: '#1004', email: 'right@example.com' }),
    );
    expect(next([...notFound, user('1005')])).toEqual(
      toolCall('lookupOrder', { orderNumber: '#1005', email: 'wrong@example.com' }),
    );
  });

  it('answers in Norwegian after an email-only message', () => {
    let step = replyTo([], 'Når kommer bestillingen min?');
    step = replyTo(step.turns, 'Det er #1050');
    expect(step.decision).toMatchObject({ text: 'Takk! Hvilken e-postadresse brukte du på bestillingen?' });
    const turns = [
      ...step.turns,
      user('lars.hansen@example.com'),
      call('lookupOrder', { orderNumber: '#1050', email: 'lars.hansen@example.com' }),
      result('lookupOrder', { found: false, message: 'x' }),
    ];
    expect(next(turns)).toMatchObject({
      kind: 'text',
      text: expect.stringContaining('Jeg fant ingen bestilling'),
    });
  });

  it('searches policies and products with the queries a model would use', () => {
    expect(next([user('Can I pay for my order with Vipps?')])).toEqual(
      toolCall('searchPolicies', { query: 'Can I pay for my order with Vipps?' }),
    );
    expect(next([user('Har dere ullgensere?')])).toEqual(
      toolCall('searchProducts', { query: 'wool sweater' }),
    );
  });

  it('opens tickets for a person, for the unanswerable, and marks a solved chat resolved', () => {
    expect(next([user('jeg vil snakke med et menneske')])).toEqual(
      toolCall('createTicket', {
        reason: 'customer_requested_human',
        category: 'Other',
        priority: 'medium',
        summary: 'jeg vil snakke med et menneske',
      }),
    );
    expect(next([user('can you write me a poem about tax law')])).toMatchObject({
      toolName: 'createTicket',
      input: { reason: 'ai_unable_to_solve' },
    });
    expect(next([user('det løste det')])).toEqual(toolCall('markResolved', {}));
  });

  it('takes "yes" or "ok" to our offer of a person as asking for one', () => {
    const offered = [user('Do you ship to Mars?'), ai(replies.cannotHelp('en'))];
    for (const text of ['yes please', 'ok']) {
      expect(next([...offered, user(text)])).toMatchObject({
        toolName: 'createTicket',
        input: { reason: 'customer_requested_human' },
      });
    }
    expect(
      next([user('Kan dere sende til Mars?'), ai(replies.cannotHelp('no')), user('ja takk')]),
    ).toMatchObject({
      toolName: 'createTicket',
      input: { reason: 'customer_requested_human' },
    });
    // Without an offer, "yes" and "ok" just keep the conversation going.
    expect(next([user('yes')])).toEqual({ kind: 'text', text: 'Sure, what can I help you with?' });
    expect(next([ai('From our Shipping Policy: …'), user('ok')])).toEqual({
      kind: 'text',
      text: 'Is there anything else I can help you with?',
    });
  });

  it('in fallback mode only opens a fallback ticket, whatever is asked', () => {
    const tools = new Set(['createTicket']);
    for (const text of ['Where is #1004? a@example.com', 'I want a human', 'Hi!', 'that solved it']) {
      expect(next([user(text)], tools, true)).toMatchObject({
        toolName: 'createTicket',
        input: { reason: 'fallback_mode' },
      });
    }
  });

  it('falls back to a ticket when a tool is not available, and to words when no ticket can be made', () => {
    expect(next([user('Do you ship to Sweden?')], new Set(['createTicket']))).toMatchObject({
      toolName: 'createTicket',
      input: { reason: 'ai_unable_to_solve' },
    });
    expect(next([user('Do you ship to Sweden?')], new Set())).toEqual({
      kind: 'text',
      text: "I'm sorry, I can't help with that myself. I can pass it on to a person from our team.",
    });
  });

  it('writes the answer from a tool result', () => {
    const ticket = [
      user('I want a human'),
      call('createTicket', { reason: 'customer_requested_human' }),
      result('createTicket', { ticketNumber: 42, created: true }),
    ];
    expect(next(ticket)).toMatchObject({
      kind: 'text',
      text: expect.stringContaining('Your ticket number is #42'),
    });
    const found = [
      user('#1004 a@example.com'),
      call('lookupOrder', { orderNumber: '#1004', email: 'a@example.com' }),
      result('lookupOrder', {
        found: true,
        order: {
          name: '#1004',
          financialStatus: 'paid',
          fulfillmentStatus: 'partial',
          totalCents: 20400,
          currency: 'USD',
          lineItems: [{ title: 'Hardanger Wool Sweater', quantity: 1 }],
          trackingNumber: 'T123',
        },
      }),
    ];
    expect(next(found)).toEqual({
      kind: 'text',
      text: 'Order #1004: paid, partly shipped. Total $204.00. Items: 1 × Hardanger Wool Sweater. Tracking number: T123.',
    });
    const tooMany = [
      ...found.slice(0, 2),
      result('lookupOrder', { found: false, message: 'Too many order lookups.' }),
    ];
    expect(next(tooMany)).toMatchObject({ text: expect.stringContaining('too many orders') });
  });
});

describe('orderDetails', () => {
  it('keeps the latest number and email the customer gave', () => {
    expect(
      orderDetails([
        user('#1001 a@example.com'),
        ai('...'),
        user('no wait, #1002'),
        ai('...'),
        user('b@example.com'),
      ]),
    ).toEqual({ orderNumber: '#1002', email: 'b@example.com' });
  });
  it('ignores numbers the assistant wrote and bare numbers nobody asked for', () => {
    expect(orderDetails([ai('Like #1004'), user('I have 3 questions, 100 of them')])).toEqual({
      orderNumber: null,
      email: null,
    });
  });
});
