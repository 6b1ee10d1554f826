import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LOOKUPS_PER_HOUR } from '../src/agent/tools/lookup-order.ts';
import { EMILY, INGRID } from './helpers/agent-dialogue-steps.ts';
import { HELP_DIALOGUES } from './helpers/agent-dialogues-help.ts';
import { SHOP_DIALOGUES } from './helpers/agent-dialogues-shop.ts';
import { type Dialogue, NOT_FOUND_OUTPUT, NOT_FOUND_TEXT, runDialogue } from './helpers/agent-expect.ts';
import { type AgentHarness, createAgentHarness, type Turn } from './helpers/agent-harness.ts';

// The dialogues themselves live in helpers/agent-dialogues-shop.ts and helpers/agent-dialogues-help.ts.
const DIALOGUES: Dialogue[] = [...SHOP_DIALOGUES, ...HELP_DIALOGUES];

describe('agent dialogues through the widget API (offline model)', () => {
  let h: AgentHarness;
  beforeAll(async () => {
    h = await createAgentHarness();
  });
  afterAll(() => h?.close());

  it('has at least 40 dialogues, 10 of them in Norwegian', () => {
    expect(DIALOGUES.length).toBeGreaterThanOrEqual(40);
    expect(DIALOGUES.filter((d) => /^(NO|injection NO)\b/.test(d.name)).length).toBeGreaterThanOrEqual(10);
  });

  for (const dialogue of DIALOGUES) {
    it(dialogue.name, async () => {
      await runDialogue(await h.chat(dialogue.customer), dialogue);
    });
  }

  it('answers a wrong email, an unknown number and another customer’s order identically', async () => {
    const chat = await h.chat();
    const replies: Turn[] = [];
    for (const text of [`#1004 ${EMILY}`, `#1077 ${INGRID}`, `#1002 ${INGRID}`])
      replies.push(await chat.say(text));
    for (const turn of replies) {
      expect(turn.results.map((r) => r.output)).toEqual([NOT_FOUND_OUTPUT]);
      expect(turn.text).toBe(NOT_FOUND_TEXT.en);
    }
  });

  it(`refuses the ${MAX_LOOKUPS_PER_HOUR + 1}th order lookup in an hour, even with the right details`, async () => {
    const chat = await h.chat();
    for (const [i, n] of ['#1001', '#1002', '#1003', '#1005', '#1006'].entries()) {
      const turn = await chat.say(`Order ${n}, email ${INGRID}`);
      expect(
        turn.calls.map((c) => c.input),
        `lookup ${i + 1}`,
      ).toEqual([{ orderNumber: n, email: INGRID }]);
      expect(turn.results[0].output).toEqual(NOT_FOUND_OUTPUT);
    }
    const refused = await chat.say(`Order #1004, email ${INGRID}`);
    expect(refused.calls.map((c) => c.input)).toEqual([{ orderNumber: '#1004', email: INGRID }]);
    expect(refused.results[0].output).toEqual({
      found: false,
      message: 'Too many order lookups in this chat. Please try again later.',
    });
    expect(refused.text).toBe(
      "I've looked up too many orders in this chat. Please try again later, or ask for a person.",
    );
    expect(JSON.stringify(refused.reply.parts)).not.toContain('Hardanger Wool Sweater');
    // Another conversation has its own allowance.
    const other = await h.chat();
    const fine = await other.say(`Order #1004, email ${INGRID}`);
    expect(fine.results[0].output).toMatchObject({ found: true });
  });
});
