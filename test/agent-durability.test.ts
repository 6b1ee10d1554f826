import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, getWidgetKey } from '../e2e/helpers/api.ts';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  adminDetail,
  createServerHome,
  launchProduct,
  openSse,
  type ProductProcess,
  partsText,
  poll,
  postWidgetMessage,
  type ServerHome,
  type SseEvent,
  startWidgetChat,
  type WidgetMessage,
} from './helpers/fake-llm-harness.ts';
import {
  type FakeLlm,
  type LlmRequest,
  lastUserText,
  startFakeLlm,
  toolResults,
  userTexts,
} from './helpers/fake-llm-server.ts';

// The reply outbox across a crash of the real product process: `node src/main.ts start` is killed with
// SIGKILL while the model is streaming a reply, then started again on the same data (PGlite directory,
// or the same PostgreSQL database). Every acknowledged customer message must still be stored once and
// every conversation must end with exactly one AI reply. The model is a loopback fake in this process.

/** Answers slowly: 15 chunks, 200 ms apart (3 s), so the process can be killed mid-reply. */
const SLOW_CHUNKS = Array.from({ length: 15 }, (_, i) => `slow-part-${i} `);
const SLOW_TEXT = SLOW_CHUNKS.join('');
const fastAnswer = (req: LlmRequest) => `Recovered answer to: ${lastUserText(req)}`;

// After SIGKILL the old lease (10 s, renewed every ~3.3 s) must lapse before a new process may take the job.
const RECOVERY_TIMEOUT_MS = 25_000;

describe('AI replies survive a crash of the server process', () => {
  let home: ServerHome;
  let server: ProductProcess | undefined;
  let fake: FakeLlm;
  let mode: 'slow' | 'fast' = 'slow';
  let cookie: string;
  let widgetKey: string;

  const restart = async () => {
    const startedAt = Date.now();
    server = await launchProduct(home);
    cookie = await apiSignIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    return Date.now() - startedAt;
  };

  beforeAll(async () => {
    fake = await startFakeLlm((req) => {
      // Asked for a person: open a ticket first (a side effect in the database), then answer with its number.
      if (lastUserText(req).includes('(ticket crash)')) {
        const result = toolResults(req)[0];
        if (!result) {
          const input = {
            reason: 'customer_requested_human',
            category: 'Other',
            priority: 'medium',
            summary: 'Wants a person',
          };
          return { type: 'tool-call', toolName: 'createTicket', input };
        }
        const number = (JSON.parse(result.content) as { ticketNumber: number }).ticketNumber;
        const text = `A person will follow up; your ticket number is #${number}.`;
        return mode === 'slow'
          ? { type: 'text', text: `${SLOW_TEXT}${text}`, chunks: [...SLOW_CHUNKS, text], chunkDelayMs: 200 }
          : { type: 'text', text };
      }
      return mode === 'slow'
        ? { type: 'text', text: SLOW_TEXT, chunks: SLOW_CHUNKS, chunkDelayMs: 200 }
        : { type: 'text', text: fastAnswer(req) };
    });
    home = await createServerHome();
    await restart();
    const url = server!.url;
    widgetKey = await getWidgetKey(url, cookie);
    const res = await fetch(`${url}/api/settings/ai`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ provider: 'openai-compatible', model: 'slow-fake-1', baseUrl: fake.baseUrl }),
    });
    expect(res.status, await res.text()).toBe(200);
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    await fake?.close();
    await home?.dispose();
  });

  const requestsFor = (text: string) => fake.requests.filter((r) => userTexts(r).includes(text));

  const aiReplies = async (conversationId: string) => {
    const detail = await adminDetail(server!.url, cookie, conversationId);
    return { detail, ai: detail.messages.filter((m) => m.role === 'ai') };
  };

  it('a reply cut off by kill -9 mid-stream is produced once by the restarted process', async () => {
    mode = 'slow';
    const chat = await startWidgetChat(server!.url, widgetKey);
    const question = 'Where is my order #1001? (crash test)';
    // The customer's widget is listening: it sees the message and the first tokens of the doomed reply.
    const before = await openSse(`${server!.url}/widget/v1/conversations/${chat.conversationId}/stream`, {
      authorization: `Bearer ${chat.token}`,
    });
    const posted = await postWidgetMessage(server!.url, chat, question);
    expect(posted.status).toBe(202);

    // The model has the request and is part-way through its answer.
    await fake.waitFor(
      () => requestsFor(question).some((r) => r.outcome === 'streaming' && r.chunksSent >= 3),
      15_000,
      'the slow answer to start streaming',
    );
    await before.waitFor((evs) => evs.some((e) => e.event === 'delta'), 5_000, 'the first tokens');
    await server!.crash();
    expect(server!.child.signalCode).toBe('SIGKILL');
    await fake.waitFor(() => requestsFor(question)[0].outcome === 'aborted', 5_000, 'the cut-off stream');
    before.close();
    expect(before.events[0]).toEqual({ event: 'message', id: posted.message.seq, data: posted.message });
    mode = 'fast';

    const crashedAt = Date.now();
    const startup = await restart();
    // The widget reconnects to the new process from the last event id it saw.
    const after = await openSse(`${server!.url}/widget/v1/conversations/${chat.conversationId}/stream`, {
      authorization: `Bearer ${chat.token}`,
      'last-event-id': String(posted.message.seq),
    });
    expect(after.status).toBe(200);
    const { ai, detail } = await poll(
      () => aiReplies(chat.conversationId),
      (r) => r.ai.length > 0,
      { timeoutMs: RECOVERY_TIMEOUT_MS, intervalMs: 250, what: 'the reply after the restart' },
    );
    console.info(
      `[agent-durability] restart took ${startup} ms; reply ${Date.now() - crashedAt} ms after the kill`,
    );
    expect(detail.messages.filter((m) => m.role === 'customer').map(partsText)).toEqual([question]);
    expect(ai).toHaveLength(1);
    expect(partsText(ai[0])).toBe(`Recovered answer to: ${question}`);
    // Nothing of the cut-off answer was stored.
    expect(JSON.stringify(detail.messages)).not.toContain('slow-part');

    // No duplicate later: another lease period plus sweeps.
    await sleep(3_000);
    const later = await aiReplies(chat.conversationId);
    expect(later.ai.map((m) => m.id)).toEqual([ai[0].id]);
    expect(later.detail.messages.map((m) => m.role)).toEqual(['customer', 'ai']);
    // The model was asked twice: once by the killed process, once after the restart.
    expect(requestsFor(question).map((r) => r.outcome)).toEqual(['aborted', 'finished']);
    // The reconnected widget got the recovered reply exactly once, with its seq as the event id.
    const messagesSeen = after.events.filter((e: SseEvent) => e.event === 'message');
    after.close();
    expect(messagesSeen).toHaveLength(1);
    const seen = messagesSeen[0].data as WidgetMessage;
    expect({ eventId: messagesSeen[0].id, id: seen.id, role: seen.role, text: seen.text }).toEqual({
      eventId: seen.seq,
      id: ai[0].id,
      role: 'ai',
      text: `Recovered answer to: ${question}`,
    });
    expect(seen.seq).toBeGreaterThan(posted.message.seq);
  }, 90_000);

  it('a crash after a tool ran (createTicket) leaves one ticket and one reply that names it', async () => {
    mode = 'slow';
    const chat = await startWidgetChat(server!.url, widgetKey);
    const question = 'I want to talk to a person please (ticket crash)';
    expect((await postWidgetMessage(server!.url, chat, question)).status).toBe(202);
    // The ticket is open and the model is streaming the answer that names it.
    await fake.waitFor(
      () =>
        requestsFor(question).some(
          (r) => toolResults(r).length > 0 && r.outcome === 'streaming' && r.chunksSent >= 3,
        ),
      15_000,
      'the answer after createTicket to start streaming',
    );
    const opened = await adminDetail(server!.url, cookie, chat.conversationId);
    expect(opened.tickets).toHaveLength(1);
    const number = opened.tickets[0].number;
    await server!.crash();
    mode = 'fast';
    await restart();

    const { ai } = await poll(
      () => aiReplies(chat.conversationId),
      (r) => r.ai.length > 0,
      { timeoutMs: RECOVERY_TIMEOUT_MS, intervalMs: 250, what: 'the reply after the restart' },
    );
    await sleep(3_000);
    const { detail, ai: later } = await aiReplies(chat.conversationId);
    expect(later.map((m) => m.id)).toEqual([ai[0].id]);
    expect(partsText(later[0])).toBe(`A person will follow up; your ticket number is #${number}.`);
    // The re-run called createTicket again; it found the open ticket instead of opening a second one.
    expect(detail.tickets).toEqual([expect.objectContaining({ number, reason: 'customer_requested_human' })]);
    const toolParts = later[0].parts.filter((p) => p.type === 'tool-result');
    expect(toolParts).toEqual([
      expect.objectContaining({
        toolName: 'createTicket',
        output: expect.objectContaining({ ticketNumber: number, created: false }),
      }),
    ]);
    const notes = detail.messages.filter((m) => m.role === 'system').map(partsText);
    console.info(`[agent-durability] staff notes after the re-run: ${JSON.stringify(notes)}`);
    expect(detail.messages.filter((m) => m.role === 'customer').map(partsText)).toEqual([question]);
  }, 90_000);

  it('every message acknowledged right before the kill is stored and each conversation gets exactly one reply', async () => {
    mode = 'slow';
    const url = server!.url;
    const chats = await Promise.all(
      [0, 1, 2, 3].map((i) => startWidgetChat(url, widgetKey, `Crash customer ${i}`)),
    );
    // A reply in progress in the first conversation when the second question arrives there.
    const streamingFirst = 'Do you have wool socks? (crash 0a)';
    expect((await postWidgetMessage(url, chats[0], streamingFirst)).status).toBe(202);
    await fake.waitFor(
      () => requestsFor(streamingFirst).some((r) => r.chunksSent >= 2),
      15_000,
      'the first answer to start streaming',
    );
    const asked: Array<{ conversationId: string; texts: string[] }> = chats.map((c) => ({
      conversationId: c.conversationId,
      texts: [],
    }));
    asked[0].texts.push(streamingFirst);
    const posts: Array<[number, string]> = [
      [0, 'And in size 44? (crash 0b)'],
      [1, 'What is your return window? (crash 1)'],
      [2, 'I want to talk to a person (crash 2)'],
      [3, 'Hello! (crash 3)'],
    ];
    for (const [i, text] of posts) {
      const res = await postWidgetMessage(url, chats[i], text);
      expect(res.status).toBe(202);
      asked[i].texts.push(text);
    }
    // Every message above is acknowledged; kill without waiting for anything else.
    await server!.crash();
    mode = 'fast';
    const crashedAt = Date.now();
    await restart();

    const results = await poll(
      () => Promise.all(asked.map((a) => aiReplies(a.conversationId))),
      (all) => all.every((r) => r.ai.length > 0),
      { timeoutMs: RECOVERY_TIMEOUT_MS, intervalMs: 250, what: 'a reply in every conversation' },
    );
    console.info(
      `[agent-durability] all 4 conversations answered ${Date.now() - crashedAt} ms after the kill`,
    );
    await sleep(3_000);
    for (const [i, a] of asked.entries()) {
      const { detail, ai } = await aiReplies(a.conversationId);
      const customer = detail.messages.filter((m) => m.role === 'customer').map(partsText);
      expect({ i, customer }).toEqual({ i, customer: a.texts });
      expect({ i, replies: ai.length }).toEqual({ i, replies: 1 });
      expect(ai[0].id).toBe(results[i].ai[0].id);
      // The reply answers the newest message: the model saw every customer message of the conversation.
      expect(partsText(ai[0])).toBe(`Recovered answer to: ${a.texts.at(-1)}`);
      const lastAnswered = fake.requests.filter(
        (r) => r.outcome === 'finished' && lastUserText(r) === a.texts.at(-1),
      );
      expect(lastAnswered.length).toBeGreaterThanOrEqual(1);
      expect(userTexts(lastAnswered.at(-1)!)).toEqual(a.texts);
      // And the reply comes after every customer message.
      expect(detail.messages.at(-1)!.role).toBe('ai');
    }
  }, 90_000);
});
