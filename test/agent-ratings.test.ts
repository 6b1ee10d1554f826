import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AgentHarness, type Chat, createAgentHarness } from './helpers/agent-harness.ts';
import { expectError } from './helpers/http.ts';

describe('widget ratings after the agent resolves a chat', () => {
  let h: AgentHarness;
  const setRatings = async (body: { enabled: boolean; escalateOnBadRating: boolean }) => {
    const res = await h.admin('PUT', '/api/settings/ratings', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(body);
  };
  /** A chat the customer confirmed solved: the agent marked it resolved. */
  const resolvedChat = async (question = 'Do you ship to Sweden?'): Promise<Chat> => {
    const chat = await h.chat();
    await chat.say(question);
    const done = await chat.say('Thanks, that solved it!');
    expect(done.calls.map((c) => c.toolName)).toEqual(['markResolved']);
    expect(done.detail.status).toBe('resolved');
    return chat;
  };

  beforeAll(async () => {
    h = await createAgentHarness();
  });
  afterAll(() => h?.close());

  it('is refused before the chat is resolved, accepted once, and refused the second time', async () => {
    await setRatings({ enabled: true, escalateOnBadRating: true });
    const chat = await h.chat();
    await chat.say('Do you ship to Sweden?');
    expectError(await chat.rate({ rating: 'good' }), 409, 'not_resolved');

    const done = await chat.say('that solved it');
    expect(done.calls.map((c) => c.toolName)).toEqual(['markResolved']);
    expect(done.detail.status).toBe('resolved');
    const rated = await chat.rate({ rating: 'good', comment: 'Quick and clear' });
    expect(rated.statusCode, rated.body).toBe(201);
    expect(rated.json()).toEqual({ rating: 'good', comment: 'Quick and clear', ticketNumber: null });
    expectError(await chat.rate({ rating: 'bad' }), 409, 'already_rated');

    const detail = await chat.detail();
    expect(detail.rating).toMatchObject({ rating: 'good', comment: 'Quick and clear' });
    expect(detail.tickets).toEqual([]);
    expect((await chat.history()).rating).toEqual({ rating: 'good', comment: 'Quick and clear' });
  });

  it('refuses bad input and other conversations’ tokens', async () => {
    const chat = await resolvedChat();
    const other = await h.chat();
    expectError(await chat.rate({ rating: 'meh' }), 400, 'invalid_request');
    expectError(await chat.rate({}), 400, 'invalid_request');
    const res = await h.t.app.inject({
      method: 'POST',
      url: `/widget/v1/conversations/${chat.conversationId}/rating`,
      remoteAddress: '203.0.113.9',
      headers: { authorization: `Bearer ${other.token}` },
      payload: { rating: 'bad' },
    });
    expectError(res, 404, 'not_found');
    expect((await chat.detail()).rating).toBeNull();
  });

  it('opens a bad_rating ticket for a bad rating when "Escalate on Bad Rating" is on', async () => {
    await setRatings({ enabled: true, escalateOnBadRating: true });
    const chat = await resolvedChat('Can I pay with Klarna?');
    const rated = await chat.rate({ rating: 'bad', comment: 'Did not answer my question' });
    expect(rated.statusCode, rated.body).toBe(201);
    const { ticketNumber } = rated.json();
    expect(rated.json()).toEqual({
      rating: 'bad',
      comment: 'Did not answer my question',
      ticketNumber: expect.any(Number),
    });
    const detail = await chat.detail();
    expect(detail.tickets).toEqual([
      expect.objectContaining({
        number: ticketNumber,
        reason: 'bad_rating',
        priority: 'high',
        status: 'new',
      }),
    ]);
    const notes = detail.messages.filter((m) => m.role === 'system').map((m) => JSON.stringify(m.parts));
    expect(notes.join()).toContain(
      `Ticket #${ticketNumber} opened (bad rating): Bad rating: Did not answer my question`,
    );
  });

  it('adds a bad rating to the conversation’s open ticket instead of opening a second one', async () => {
    await setRatings({ enabled: true, escalateOnBadRating: true });
    const chat = await h.chat();
    const asked = await chat.say('I want to talk to a human');
    const number = asked.results[0].output.ticketNumber as number;
    const done = await chat.say('Actually, that solved it');
    expect(done.detail.status).toBe('resolved');
    const rated = await chat.rate({ rating: 'bad' });
    expect(rated.statusCode, rated.body).toBe(201);
    expect(rated.json()).toEqual({ rating: 'bad', comment: null, ticketNumber: number });
    const detail = await chat.detail();
    expect(detail.tickets).toEqual([
      expect.objectContaining({ number, reason: 'customer_requested_human', priority: 'high' }),
    ]);
  });

  it('opens no ticket for a bad rating when escalation is off', async () => {
    await setRatings({ enabled: true, escalateOnBadRating: false });
    const chat = await resolvedChat();
    const rated = await chat.rate({ rating: 'bad', comment: 'Meh' });
    expect(rated.statusCode, rated.body).toBe(201);
    expect(rated.json()).toEqual({ rating: 'bad', comment: 'Meh', ticketNumber: null });
    const detail = await chat.detail();
    expect(detail.tickets).toEqual([]);
    expect(detail.rating).toMatchObject({ rating: 'bad', comment: 'Meh' });
  });

  it('is refused with 409 when ratings are turned off', async () => {
    await setRatings({ enabled: false, escalateOnBadRating: true });
    const chat = await resolvedChat();
    const res = await chat.rate({ rating: 'bad' });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toEqual({ error: { code: expect.any(String), message: expect.stringMatching(/\S/) } });
    const detail = await chat.detail();
    expect(detail.rating).toBeNull();
    expect(detail.tickets).toEqual([]);
    await setRatings({ enabled: true, escalateOnBadRating: true });
  });
});
