import { createTestApp } from '../helpers/test-app.ts';
import { newShop, login, newConversation } from '../helpers/factories.ts';
import { sql } from 'drizzle-orm';
const t = await createTestApp();
const { shop, email } = await newShop(t.db);
const cookie = await login(t.app, email);
const r0 = await t.db.execute(sql`select lower('ØDEGÅRD Blåbær') as l, to_tsvector('simple','BLÅBÆR Refund') as v`);
console.log(t.database.kind, (r0 as any).rows);
const c = await newConversation(t.db, shop.id, { customer: { name: 'Øystein Ødegård', email: 'oy@example.com' }, messages: [{ role: 'customer', text: 'BLÅBÆRSYLTETØY please' }] });
for (const q of ['ødegård', 'ØDEGÅRD', 'blåbær', 'BLÅBÆR', 'øystein']) {
  const r = await t.app.inject({ url: `/api/conversations?q=${encodeURIComponent(q)}`, headers: { cookie } });
  console.log(q, r.json().items.length);
}
for (const url of ['/api/docs/../me', '/api/docs/..%2Fme', '/api/docs%2F..%2Fme', '/api/conversations/', '/api//conversations', '/api/conversations%3Flimit=1', '/%61pi/conversations', '/api/conversations', `/%61pi/conversations/${c.id}`]) {
  const r = await t.app.inject({ url });
  console.log(url, r.statusCode, r.body.slice(0, 200));
}
const p = await t.app.inject({ method: 'PATCH', url: `/%61pi/conversations/${c.id}`, payload: { status: 'resolved' } });
console.log('patch', p.statusCode, p.body);
const req = await t.app.inject({ url: '/api/me', headers: { cookie } });
console.log(req.json());
await t.close();
