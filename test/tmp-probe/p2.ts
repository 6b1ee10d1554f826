import { createTestApp } from '../helpers/test-app.ts';
import { newShop, login, newConversation } from '../helpers/factories.ts';
import { appendMessage } from '../../src/conversations/append-message.ts';
const t = await createTestApp({ loginRateLimit: 2 });
const { shop, email } = await newShop(t.db);
for (let i = 0; i < 3; i++) {
  const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'x' } });
  console.log('login', r.statusCode, r.body);
}
for (let i = 0; i < 31; i++) {
  const r = await t.app.inject({ method: 'POST', url: '/widget/v1/conversations', payload: { widgetKey: shop.widgetKey } });
  if (i >= 29) console.log('widget', r.statusCode, r.body, r.headers['retry-after']);
}
const c = await newConversation(t.db, shop.id, { messages: [] });
const at = new Date('2024-01-01T00:00:00Z');
for (let i = 0; i < 8; i++) await appendMessage(t.db, { shopId: shop.id, conversationId: c.id, role: 'customer', parts: [{ type: 'text', text: `m${i}` }], createdAt: at });
const t0 = performance.now();
const c2 = await newConversation(t.db, shop.id, { messages: Array.from({ length: 20 }, (_, i) => ({ role: 'customer' as const, text: `n${i}` })) });
console.log('20 appends ms', performance.now() - t0);
const { login: _l } = await import('../helpers/factories.ts');
const t2 = await createTestApp();
const s2 = await newShop(t2.db);
const ck = await login(t2.app, s2.email);
const c3 = await newConversation(t2.db, s2.shop.id, { messages: [] });
for (let i = 0; i < 8; i++) await appendMessage(t2.db, { shopId: s2.shop.id, conversationId: c3.id, role: 'customer', parts: [{ type: 'text', text: `m${i}` }], createdAt: at });
const d = await t2.app.inject({ url: `/api/conversations/${c3.id}`, headers: { cookie: ck } });
console.log(d.json().messages.map((m: any) => m.parts[0].text).join(','));
const c4 = await newConversation(t2.db, s2.shop.id, { messages: Array.from({ length: 30 }, (_, i) => ({ role: 'customer' as const, text: `${i}` })) });
const d4 = await t2.app.inject({ url: `/api/conversations/${c4.id}`, headers: { cookie: ck } });
const ts = d4.json().messages.map((m: any) => m.createdAt);
console.log('distinct createdAt', new Set(ts).size, 'of', ts.length, d4.json().messages.map((m: any) => m.parts[0].text).join(','));
await t.close(); await t2.close();
