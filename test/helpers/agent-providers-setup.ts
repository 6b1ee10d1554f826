import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { shops, storeProducts } from '../../src/db/schema/index.ts';
import { login, newShop } from './factories.ts';
import { startFakeLlm } from './fake-llm-server.ts';
import { createTestApp } from './test-app.ts';

// The setup shared by agent-providers.test.ts and agent-provider-failures.test.ts: the app listening on
// 127.0.0.1 with its reply worker running, a loopback fake model server, and a shop selling one sweater.

export const PRODUCT = 'Nordlys Merino Wool Sweater';
export const QUESTION = 'Do you have a wool sweater?';

export type Ai = { provider: string; model: string; baseUrl?: string | null; apiKey?: string };

export type ProvidersSetup = Awaited<ReturnType<typeof setupProviders>>;

/** Starts everything; `close` stops the app and the fake model server. */
export async function setupProviders() {
  // The model servers are on loopback: the operator setting that lets shops use a local model.
  const t = await createTestApp({ config: { aiAllowPrivateUrls: true } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  // The sweeper retries failed replies after their backoff (on in `supportify start`).
  t.app.replyWorker.start();
  const fake = await startFakeLlm();

  const { shop, email } = await newShop(t.db, 'Fjord Knits');
  const cookie = await login(t.app, email);
  const [row] = await t.db.select({ widgetKey: shops.widgetKey }).from(shops).where(eq(shops.id, shop.id));
  await t.db.insert(storeProducts).values({
    shopId: shop.id,
    title: PRODUCT,
    handle: 'nordlys-merino-wool-sweater',
    description: 'A warm wool sweater, knitted in Norway.',
    priceCents: 129_900,
    currency: 'NOK',
    tags: ['wool', 'sweater'],
    inventory: 3,
  });

  /** PUT /api/settings/ai as the shop's admin (or as `as`), expecting 200. */
  const putAi = async (body: Ai, as = cookie) => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/settings/ai',
      headers: { cookie: as },
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };

  return {
    t,
    base,
    cookie,
    widgetKey: row.widgetKey,
    fake,
    putAi,
    close: async () => {
      await t.close();
      await fake.close();
    },
  };
}
