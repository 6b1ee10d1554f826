import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyJobs } from '../src/db/schema/index.ts';
import { getShopSettings, saveSettingsSection } from '../src/settings/shop-settings.ts';
import { hostileUrls, useSsrfServer, whileFlipIsLoopback } from './helpers/ssrf.ts';
import type { TestApp } from './helpers/test-app.ts';
import { startTrap, type Trap } from './helpers/trap-server.ts';

/**
 * SSRF through the AI provider base URL (Settings → AI; openai-compatible, openai and anthropic all take
 * one), chosen by the shop: public https only unless the operator sets SUPPORTIFY_AI_ALLOW_PRIVATE_URLS=1
 * (a local model); checked on save and again at connect time (DNS rebinding); redirects never followed;
 * the environment's API keys never go to a shop's base URL. The overview, the fixed DNS and the
 * hostile URLs: helpers/ssrf.ts.
 */

/** A widget conversation with one customer message; resolves once this process's reply attempt is over. */
async function customerAsks(app: FastifyInstance, widgetKey: string, n: number): Promise<string> {
  const started = await app.inject({
    method: 'POST',
    url: '/widget/v1/conversations',
    payload: { widgetKey },
    remoteAddress: `198.51.100.${n}`,
  });
  expect(started.statusCode, started.body).toBe(201);
  const { conversationId, token } = started.json();
  const posted = await app.inject({
    method: 'POST',
    url: `/widget/v1/conversations/${conversationId}/messages`,
    headers: { authorization: `Bearer ${token}` },
    payload: { text: 'Do you have a wool sweater?' },
  });
  expect(posted.statusCode, posted.body).toBe(202);
  await app.replyWorker.idle();
  return conversationId;
}

/** The reply job left behind by a failed attempt (null once a reply was stored). */
async function replyJob(t: Pick<TestApp, 'db'>, conversationId: string) {
  const [row] = await t.db
    .select({ attempts: replyJobs.attempts })
    .from(replyJobs)
    .where(eq(replyJobs.conversationId, conversationId));
  return row ?? null;
}

describe('SSRF: shop-chosen outbound targets (AI base URL, Slack webhook), strict server', () => {
  const s = useSsrfServer('strict');
  let n = 0;

  it.each(['openai-compatible', 'openai', 'anthropic'])(
    'refuses every hostile AI base URL for %s with ai_base_url_not_allowed and stores nothing',
    async (provider) => {
      const before = await getShopSettings(s.db, s.shopId);
      const accepted: unknown[] = [];
      for (const baseUrl of hostileUrls(s.trap.port)) {
        const res = await s.put('/api/settings/ai', { provider, model: 'm-1', baseUrl, apiKey: 'sk-shop' });
        const code = res.json().error?.code;
        // What is not a URL at all (an IPv6 zone id) fails the body's own URL check first.
        const expected = URL.canParse(baseUrl) ? 'ai_base_url_not_allowed' : 'invalid_request';
        if (res.statusCode !== 400 || code !== expected)
          accepted.push({ baseUrl, status: res.statusCode, code });
      }
      expect(accepted).toEqual([]);
      expect(await getShopSettings(s.db, s.shopId)).toEqual(before);
      expect(s.trap.connections()).toBe(0);
    },
  );

  it('accepts a public https base URL (the check is not a blanket refusal)', async () => {
    const res = await s.put('/api/settings/ai', {
      provider: 'openai-compatible',
      model: 'm-1',
      baseUrl: 'https://llm.public.example/v1',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().baseUrl).toBe('https://llm.public.example/v1');
    // Back to the offline model; a kept base URL is checked again on every save.
    await saveSettingsSection(s.db, s.shopId, 'ai', {
      provider: 'offline',
      model: 'supportify-offline-1',
      baseUrl: null,
      apiKey: null,
    });
  });

  it('refuses a stored hostile base URL that a later save would keep', async () => {
    await saveSettingsSection(s.db, s.shopId, 'ai', {
      provider: 'openai-compatible',
      model: 'm-1',
      baseUrl: `http://127.0.0.1:${s.trap.port}/v1`,
      apiKey: null,
    });
    const before = await getShopSettings(s.db, s.shopId);
    const res = await s.put('/api/settings/ai', { provider: 'openai-compatible', model: 'm-2' });
    expect([res.statusCode, res.json().error?.code]).toEqual([400, 'ai_base_url_not_allowed']);
    expect(await getShopSettings(s.db, s.shopId)).toEqual(before);
  });

  it('never connects to a hostile base URL already stored (saved before the check, or written directly)', async () => {
    const stored = [
      { provider: 'openai-compatible' as const, baseUrl: `http://127.0.0.1:${s.trap.port}/v1` },
      { provider: 'openai-compatible' as const, baseUrl: `http://0x7f000001:${s.trap.port}/v1` },
      { provider: 'openai' as const, baseUrl: `https://[::ffff:127.0.0.1]:${s.trap.port}/v1` },
      { provider: 'anthropic' as const, baseUrl: `http://localhost:${s.trap.port}/v1` },
      // A name resolving to loopback: refused inside the connection's own DNS lookup.
      { provider: 'openai-compatible' as const, baseUrl: `https://rebind.example.com:${s.trap.port}/v1` },
      { provider: 'openai' as const, baseUrl: `https://mapped.example.com:${s.trap.port}/v1` },
      // No base URL: openai-compatible defaults to a local Ollama (loopback), refused too.
      { provider: 'openai-compatible' as const, baseUrl: null },
    ];
    for (const ai of stored) {
      await saveSettingsSection(s.db, s.shopId, 'ai', { ...ai, model: 'm-1', apiKey: 'sk-shop' });
      const conversationId = await customerAsks(s.app, s.widgetKey, ++n);
      // The attempt ran and failed (the job waits for its retry); nothing reached the trap.
      expect({ ai, job: await replyJob(s, conversationId) }).toEqual({ ai, job: { attempts: 1 } });
    }
    expect(s.trap.connections()).toBe(0);
  });

  it('checks the address again when connecting: a name that turns private after the save is refused', async () => {
    const baseUrl = `https://flip.example.com:${s.trap.port}/v1`;
    const saved = await s.put('/api/settings/ai', { provider: 'openai-compatible', model: 'm-1', baseUrl });
    expect(saved.statusCode, saved.body).toBe(200);
    await whileFlipIsLoopback(async () => {
      const conversationId = await customerAsks(s.app, s.widgetKey, ++n);
      expect(await replyJob(s, conversationId)).toEqual({ attempts: 1 });
    });
    expect(s.trap.connections()).toBe(0);
  });
});

describe('SSRF: a server that allows a local model (SUPPORTIFY_AI_ALLOW_PRIVATE_URLS=1)', () => {
  const s = useSsrfServer('local-model');
  let keys: Trap;
  let n = 100;

  beforeAll(async () => {
    keys = await startTrap(() => ({ status: 401, body: '{"error":{"message":"bad key"}}' }));
  });
  afterAll(() => keys?.close());

  const putAi = async (body: object) => {
    const res = await s.app.inject({
      method: 'PUT',
      url: '/api/settings/ai',
      headers: { cookie: s.cookie },
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(200);
  };

  it('still refuses other schemes and credentials', async () => {
    for (const baseUrl of [
      'file:///etc/passwd',
      'gopher://127.0.0.1:70/_x',
      'http://u:p@127.0.0.1:11434/v1',
    ]) {
      const res = await s.app.inject({
        method: 'PUT',
        url: '/api/settings/ai',
        headers: { cookie: s.cookie },
        payload: { provider: 'openai-compatible', model: 'm', baseUrl },
      });
      expect([baseUrl, res.statusCode, res.json().error?.code]).toEqual([
        baseUrl,
        400,
        'ai_base_url_not_allowed',
      ]);
    }
  });

  it('never follows a redirect from the model server (302, 303) to anywhere', async () => {
    for (const path of ['/v1', '/see-other/v1']) {
      await putAi({ provider: 'openai-compatible', model: 'm-1', baseUrl: `${s.redirector.url}${path}` });
      const conversationId = await customerAsks(s.app, s.widgetKey, ++n);
      expect(await replyJob(s, conversationId)).toEqual({ attempts: 1 });
    }
    expect(s.redirector.requests.length).toBeGreaterThanOrEqual(2);
    expect(s.inside.connections()).toBe(0);
  });

  it("never sends the environment's OpenAI or Anthropic key to a shop's own base URL", async () => {
    const saved = { openai: process.env.OPENAI_API_KEY, anthropic: process.env.ANTHROPIC_API_KEY };
    process.env.OPENAI_API_KEY = 'sk-operator-openai-0123456789';
    process.env.ANTHROPIC_API_KEY = 'sk-ant-operator-0123456789';
    try {
      for (const provider of ['openai', 'anthropic']) {
        await putAi({ provider, model: 'm-1', baseUrl: `${keys.url}/v1`, apiKey: '' });
        await customerAsks(s.app, s.widgetKey, ++n);
      }
    } finally {
      for (const [name, value] of [
        ['OPENAI_API_KEY', saved.openai],
        ['ANTHROPIC_API_KEY', saved.anthropic],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    expect(keys.requests.map((r) => r.path)).toEqual(['/v1/chat/completions', '/v1/messages']);
    const sent = JSON.stringify(keys.requests.map((r) => r.headers));
    expect(sent).not.toContain('operator');
  });
});
