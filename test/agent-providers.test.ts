import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCT, type ProvidersSetup, QUESTION, setupProviders } from './helpers/agent-providers-setup.ts';
import {
  adminDetail,
  type DetailMessage,
  openSse,
  partsText,
  postWidgetMessage,
  type SseEvent,
  startWidgetChat,
  type WidgetMessage,
} from './helpers/fake-llm-harness.ts';
import {
  type AnthropicBody,
  type LlmRequest,
  lastUserText,
  type OpenAiBody,
  offeredTools,
  productRoundTrip,
  toolResults,
} from './helpers/fake-llm-server.ts';

// The agent against real provider SDKs (`openai`, `openai-compatible`, `anthropic`) talking HTTP to model
// servers this test runs on 127.0.0.1: the tool round trip, the request the SDK sends, streaming to the
// widget, and how the API key is kept. Failures and retries: agent-provider-failures.test.ts.

const ALL_TOOLS = ['createTicket', 'lookupOrder', 'markResolved', 'searchPolicies', 'searchProducts'];

describe('AI providers over HTTP (loopback model servers)', () => {
  let s: ProvidersSetup;
  let t: ProvidersSetup['t'];
  let base: string;
  let cookie: string;
  let widgetKey: string;
  let fake: ProvidersSetup['fake'];
  const putAi: ProvidersSetup['putAi'] = (body, as) => s.putAi(body, as);

  beforeAll(async () => {
    s = await setupProviders();
    ({ t, base, cookie, widgetKey, fake } = s);
  });

  afterAll(async () => {
    await s?.close();
  });

  /** A widget chat with the stream open, one question, and everything the stream showed until the reply. */
  async function ask(question: string) {
    const chat = await startWidgetChat(base, widgetKey);
    const stream = await openSse(`${base}/widget/v1/conversations/${chat.conversationId}/stream`, {
      authorization: `Bearer ${chat.token}`,
    });
    expect(stream.status).toBe(200);
    const posted = await postWidgetMessage(base, chat, question);
    expect(posted.status).toBe(202);
    const isAi = (e: SseEvent) => e.event === 'message' && (e.data as WidgetMessage).role === 'ai';
    const events = await stream.waitFor(
      (evs) => evs.some((e, i) => e.event === 'status' && evs.slice(0, i).some(isAi)),
      25_000,
      'the AI reply and the status after it',
    );
    stream.close();
    const ai = events.find(isAi)!.data as WidgetMessage;
    const deltas = events
      .filter((e) => e.event === 'delta')
      .map((e) => e.data as { replyTo: string; text: string });
    await t.app.replyWorker.idle();
    const detail = await adminDetail(base, cookie, chat.conversationId);
    return { chat, customer: posted.message, events: [...events], ai, deltas, detail };
  }

  /** What every provider must show: the stream, the stored parts, and the widget's cards. */
  function expectRoundTripStored(r: Awaited<ReturnType<typeof ask>>) {
    // Stream: the customer message, the AI's tokens in order, then the AI message, with seqs as ids.
    const kinds = r.events.map((e) => e.event);
    expect(kinds[0]).toBe('message');
    expect(r.events[0]).toEqual({ event: 'message', id: r.customer.seq, data: r.customer });
    const aiIndex = r.events.findIndex((e) => e.event === 'message' && e.id === r.ai.seq);
    expect(kinds.slice(1, aiIndex).every((k) => k === 'delta')).toBe(true);
    expect(r.deltas.length).toBeGreaterThan(3);
    expect(r.deltas.every((d) => d.replyTo === r.customer.id)).toBe(true);
    expect(r.deltas.map((d) => d.text).join('')).toBe(r.ai.text);
    expect(r.ai.seq).toBeGreaterThan(r.customer.seq);
    expect(r.ai.text).toContain(PRODUCT);
    expect(r.ai.cards).toEqual([expect.objectContaining({ type: 'product', title: PRODUCT, inStock: true })]);
    expect(r.events.at(-1)).toEqual({ event: 'status', data: { status: 'unresolved' } });

    // Stored: one customer message, one AI message holding the tool call, its result and the text.
    const roles = r.detail.messages.map((m) => m.role);
    expect(roles).toEqual(['customer', 'ai']);
    const ai = r.detail.messages[1] as DetailMessage;
    expect(ai.parts.map((p) => p.type)).toEqual(['tool-call', 'tool-result', 'text']);
    expect(ai.parts[0]).toMatchObject({ toolName: 'searchProducts', input: { query: 'wool sweater' } });
    expect(ai.parts[1]).toMatchObject({
      toolName: 'searchProducts',
      toolCallId: ai.parts[0].toolCallId,
      output: {
        products: [expect.objectContaining({ title: PRODUCT, priceCents: 129_900, currency: 'NOK' })],
      },
    });
    expect(partsText(ai)).toBe(r.ai.text);
  }

  /** The two Chat Completions requests of the round trip. */
  function expectOpenAiRequests(requests: LlmRequest[], model: string) {
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v1/chat/completions',
      'POST /v1/chat/completions',
    ]);
    const [first, second] = requests;
    for (const r of requests) {
      const body = r.body as OpenAiBody;
      expect(body.model).toBe(model);
      expect(body.stream).toBe(true);
      expect(offeredTools(r)).toEqual(ALL_TOOLS);
      expect(body.tools!.every((tool) => tool.type === 'function' && tool.function.parameters)).toBe(true);
      expect(body.messages[0]).toMatchObject({ role: 'system' });
      expect(lastUserText(r)).toBe(QUESTION);
    }
    expect(toolResults(first)).toEqual([]);
    const assistant = (second.body as OpenAiBody).messages.find((m) => m.role === 'assistant');
    expect(assistant?.tool_calls).toEqual([
      {
        id: `call_${first.index}`,
        type: 'function',
        function: { name: 'searchProducts', arguments: JSON.stringify({ query: 'wool sweater' }) },
      },
    ]);
    const results = toolResults(second);
    expect(results).toHaveLength(1);
    expect(results[0].toolCallId).toBe(`call_${first.index}`);
    expect(JSON.parse(results[0].content)).toMatchObject({
      products: [expect.objectContaining({ title: PRODUCT, url: '/products/nordlys-merino-wool-sweater' })],
    });
  }

  it('openai-compatible: calls searchProducts, gets the result back and answers with the product, streamed', async () => {
    await putAi({ provider: 'openai-compatible', model: 'compat-fake-1', baseUrl: fake.baseUrl });
    fake.setResponder(productRoundTrip);
    const from = fake.requests.length;
    const r = await ask(QUESTION);
    const requests = fake.requests.slice(from);
    expectOpenAiRequests(requests, 'compat-fake-1');
    // No key configured: none is sent.
    expect(requests.every((req) => req.headers.authorization === undefined)).toBe(true);
    expectRoundTripStored(r);
  });

  it('openai with a base URL: same round trip, the key goes in the Authorization header and never back out', async () => {
    const key = 'sk-test-supportify-4c0ffee';
    const res = await putAi({ provider: 'openai', model: 'gpt-fake-1', baseUrl: fake.baseUrl, apiKey: key });
    expect(res.json()).toEqual({
      provider: 'openai',
      model: 'gpt-fake-1',
      baseUrl: fake.baseUrl,
      hasApiKey: true,
    });
    const read = await t.app.inject({ method: 'GET', url: '/api/settings/ai', headers: { cookie } });
    expect(read.json()).toEqual({
      provider: 'openai',
      model: 'gpt-fake-1',
      baseUrl: fake.baseUrl,
      hasApiKey: true,
    });
    expect(read.body).not.toContain(key);
    expect(res.body).not.toContain(key);

    fake.setResponder(productRoundTrip);
    const from = fake.requests.length;
    const r = await ask(QUESTION);
    const requests = fake.requests.slice(from);
    expectOpenAiRequests(requests, 'gpt-fake-1');
    expect(requests.map((req) => req.headers.authorization)).toEqual([`Bearer ${key}`, `Bearer ${key}`]);
    expectRoundTripStored(r);
    // The key appears nowhere the staff UI can read it.
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/conversations/${r.chat.conversationId}`,
      headers: { cookie },
    });
    expect(detail.body).not.toContain(key);

    // Saving without apiKey keeps the stored key; '' removes it.
    const kept = await putAi({ provider: 'openai', model: 'gpt-fake-2', baseUrl: fake.baseUrl });
    expect(kept.json().hasApiKey).toBe(true);
    const removed = await putAi({
      provider: 'openai',
      model: 'gpt-fake-2',
      baseUrl: fake.baseUrl,
      apiKey: '',
    });
    expect(removed.json().hasApiKey).toBe(false);
  });

  it('anthropic with a base URL: tool_use streamed as input_json_delta, tool_result sent back, x-api-key', async () => {
    const key = 'sk-ant-test-supportify-b33f';
    const res = await putAi({
      provider: 'anthropic',
      model: 'claude-fake-1',
      baseUrl: fake.baseUrl,
      apiKey: key,
    });
    expect(res.json()).toEqual({
      provider: 'anthropic',
      model: 'claude-fake-1',
      baseUrl: fake.baseUrl,
      hasApiKey: true,
    });
    fake.setResponder(productRoundTrip);
    const from = fake.requests.length;
    const r = await ask(QUESTION);
    const requests = fake.requests.slice(from);
    expect(requests.map((req) => `${req.method} ${req.path}`)).toEqual([
      'POST /v1/messages',
      'POST /v1/messages',
    ]);
    const [first, second] = requests;
    for (const req of requests) {
      const body = req.body as AnthropicBody;
      expect(req.headers['x-api-key']).toBe(key);
      expect(req.headers['anthropic-version']).toEqual(expect.any(String));
      expect(req.headers.authorization).toBeUndefined();
      expect(body.model).toBe('claude-fake-1');
      expect(body.stream).toBe(true);
      expect(body.max_tokens).toEqual(expect.any(Number));
      expect(JSON.stringify(body.system)).toContain('Fjord Knits');
      expect(offeredTools(req)).toEqual(ALL_TOOLS);
      expect(body.tools!.every((tool) => tool.input_schema)).toBe(true);
      expect(lastUserText(req)).toBe(QUESTION);
    }
    expect(toolResults(first)).toEqual([]);
    const assistant = (second.body as AnthropicBody).messages.find((m) => m.role === 'assistant');
    expect(assistant?.content).toEqual([
      expect.objectContaining({
        type: 'tool_use',
        id: `toolu_${first.index}`,
        name: 'searchProducts',
        input: { query: 'wool sweater' },
      }),
    ]);
    const results = toolResults(second);
    expect(results).toHaveLength(1);
    expect(results[0].toolCallId).toBe(`toolu_${first.index}`);
    expect(results[0].content).toContain(PRODUCT);
    expectRoundTripStored(r);
  });
});
