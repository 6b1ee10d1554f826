import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FACTS } from '../src/seed/seed-demo-shop.ts';
import { type AgentHarness, createAgentHarness, type Turn } from './helpers/agent-harness.ts';

const INGRID = DEMO_FACTS.customerWithOrder.email;

type Billing = {
  monthlyAiReplyCap: number | null;
  usage: { month: string; aiReplies: number };
  fallbackMode: boolean;
};

describe('billing cap: fallback mode only opens tickets', () => {
  let h: AgentHarness;
  const billing = async (): Promise<Billing> => {
    const res = await h.admin('GET', '/api/settings/billing');
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const setCap = async (monthlyAiReplyCap: number | null): Promise<Billing> => {
    const res = await h.admin('PUT', '/api/settings/billing', { monthlyAiReplyCap });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  /** The reply is the fallback one: a fallback_mode ticket and nothing else, with its number in the text. */
  const expectFallback = (turn: Turn, created: boolean, lang: 'en' | 'no' = 'en') => {
    expect(turn.calls.map((c) => [c.toolName, c.input])).toEqual([
      [
        'createTicket',
        {
          reason: 'fallback_mode',
          category: expect.any(String),
          priority: expect.any(String),
          summary: expect.any(String),
        },
      ],
    ]);
    const number = turn.results[0].output.ticketNumber as number;
    expect(turn.results[0].output).toMatchObject({ ticketNumber: expect.any(Number), created });
    expect(turn.text).toBe(
      lang === 'en'
        ? `Thanks for your message. A person from our team will follow up with you — your ticket number is #${number}.`
        : `Takk for meldingen. En av oss følger deg opp — saksnummeret ditt er #${number}.`,
    );
    expect(turn.detail.tickets).toEqual([expect.objectContaining({ number, reason: 'fallback_mode' })]);
    return number;
  };

  beforeAll(async () => {
    h = await createAgentHarness();
  });
  afterAll(() => h?.close());

  it('counts two replies against a cap of 2, then answers with fallback tickets without counting', async () => {
    expect(await billing()).toMatchObject({
      monthlyAiReplyCap: null,
      usage: { aiReplies: 0 },
      fallbackMode: false,
    });
    expect(await setCap(2)).toMatchObject({
      monthlyAiReplyCap: 2,
      usage: { aiReplies: 0 },
      fallbackMode: false,
    });

    const chat = await h.chat({ name: 'Ingrid Johansen', email: INGRID });
    const first = await chat.say('Do you ship to Sweden?');
    expect(first.calls.map((c) => c.toolName)).toEqual(['searchPolicies']);
    expect(await billing()).toMatchObject({ usage: { aiReplies: 1 }, fallbackMode: false });
    const second = await chat.say('Do you have a wool sweater?');
    expect(second.calls.map((c) => c.toolName)).toEqual(['searchProducts']);
    expect(await billing()).toMatchObject({ usage: { aiReplies: 2 }, fallbackMode: true });

    // Over the cap: no lookup, just a ticket for a person, whatever was asked.
    const third = await chat.say(`Where is my order #1004? ${INGRID}`);
    const number = expectFallback(third, true);
    expect(JSON.stringify(third.reply.parts)).not.toContain('Hardanger');
    expect(await billing()).toMatchObject({ usage: { aiReplies: 2 }, fallbackMode: true });
    // The customer sees the promise of a person and the ticket number.
    const seen = await chat.history();
    expect(seen.messages.at(-1)).toMatchObject({ role: 'ai', text: expect.stringContaining(`#${number}`) });

    // A second message in the chat adds to its open ticket; asking for a person changes nothing.
    const fourth = await chat.say('I want to talk to a human');
    expect(expectFallback(fourth, false)).toBe(number);
    // Another conversation gets its own fallback ticket.
    const other = await h.chat();
    const otherNumber = expectFallback(await other.say('Hi! Can I return a sweater?'), true);
    expect(otherNumber).not.toBe(number);
    expect(await billing()).toMatchObject({ usage: { aiReplies: 2 }, fallbackMode: true });
  });

  it('leaves fallback mode when the cap is raised (or removed)', async () => {
    expect(await setCap(3)).toMatchObject({
      monthlyAiReplyCap: 3,
      usage: { aiReplies: 2 },
      fallbackMode: false,
    });
    const chat = await h.chat();
    const answered = await chat.say(`Where is my order #1004? ${INGRID}`);
    expect(answered.calls.map((c) => [c.toolName, c.input])).toEqual([
      ['lookupOrder', { orderNumber: '#1004', email: INGRID }],
    ]);
    expect(answered.results[0].output).toMatchObject({ found: true, order: { name: '#1004' } });
    expect(answered.detail.tickets).toEqual([]);
    expect(await billing()).toMatchObject({ usage: { aiReplies: 3 }, fallbackMode: true });

    expect(await setCap(null)).toMatchObject({ monthlyAiReplyCap: null, fallbackMode: false });
    const again = await chat.say('Do you have boots?');
    expect(again.calls.map((c) => c.toolName)).toEqual(['searchProducts']);
    expect(await billing()).toMatchObject({ usage: { aiReplies: 4 }, fallbackMode: false });
  });

  it('a cap of 0 means fallback mode from the first message, in the customer’s language', async () => {
    const before = (await billing()).usage.aiReplies;
    expect(await setCap(0)).toMatchObject({ monthlyAiReplyCap: 0, fallbackMode: true });
    const chat = await h.chat();
    expectFallback(await chat.say('Hei! Kan jeg betale med Vipps?'), true, 'no');
    expect((await billing()).usage.aiReplies).toBe(before);
    await setCap(null);
  });

  it('never meters more replies than the cap, however many chats answer at once', async () => {
    const used = (await billing()).usage.aiReplies;
    expect(await setCap(used + 1)).toMatchObject({ fallbackMode: false });
    const chats = await Promise.all([h.chat(), h.chat(), h.chat(), h.chat()]);
    await Promise.all(
      chats.map((c) =>
        h.t.app.inject({
          method: 'POST',
          url: `/widget/v1/conversations/${c.conversationId}/messages`,
          headers: { authorization: `Bearer ${c.token}` },
          remoteAddress: '192.0.2.10',
          payload: { text: 'Do you ship to Sweden?' },
        }),
      ),
    );
    await h.t.app.replyWorker.idle();
    expect((await billing()).usage.aiReplies).toBe(used + 1);
    // Every chat got an answer: one within the cap, the others a fallback ticket.
    const details = await Promise.all(chats.map((c) => c.detail()));
    expect(details.map((d) => d.messages.filter((m) => m.role === 'ai').length)).toEqual([1, 1, 1, 1]);
    expect(details.flatMap((d) => d.tickets.map((t) => t.reason))).toEqual([
      'fallback_mode',
      'fallback_mode',
      'fallback_mode',
    ]);
    await setCap(null);
  });
});
