import { expect } from 'vitest';
import type { CrossShop } from './cross-shop-setup.ts';
import { login, newConversation } from './factories.ts';
import type { Json } from './http.ts';

/** One step shop B takes; it asserts its own outcome. */
export type Step = () => Promise<void>;
/** Per route: B's steps, with A's ids, numbers, names and addresses where a body can carry one. */
export type CrossShopCases = Record<string, { steps: Step[]; changesB: boolean }>;

/**
 * Shop B's case for every state-changing route that names no object (security-cross-shop-writes.test.ts
 * fails for a route without one, and for a case whose route is gone). `changesB`: the steps change B's rows.
 */
export function crossShopCases(x: CrossShop): CrossShopCases {
  const { t, trap, shopB, cookieB, b2, a, b, widgetKeyB, ok, refused } = x;
  return {
    'POST /api/auth/login': {
      changesB: true,
      steps: [
        async () => {
          await login(t.app, b2.email, b2.password);
        },
      ],
    },
    'POST /api/auth/logout': {
      // Signs in and out again: B's sessions end as they began.
      changesB: false,
      steps: [
        async () => {
          const cookie = await login(t.app, b2.email, b2.password);
          const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
          expect(res.statusCode).toBe(204);
          expect((await t.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
        },
      ],
    },
    'POST /api/auth/password': {
      changesB: true,
      steps: [
        async () => {
          const cookie = await login(t.app, b2.email, b2.password);
          const next = 'a brand new long password';
          await ok(cookie, 'POST', '/api/auth/password', {
            currentPassword: b2.password,
            newPassword: next,
          });
          b2.password = next;
        },
      ],
    },
    'PATCH /api/me': {
      changesB: true,
      steps: [async () => void (await ok(cookieB, 'PATCH', '/api/me', { locale: 'nb' }))],
    },
    'POST /api/conversations/bulk': {
      changesB: true,
      steps: [
        async () => {
          const res = await ok(cookieB, 'POST', '/api/conversations/bulk', {
            ids: [...a.conversations, b.conversation],
            action: 'resolve',
          });
          expect(res.results.map((r: Json) => [r.id, r.ok, r.error?.code])).toEqual([
            ...a.conversations.map((id) => [id, false, 'not_found']),
            [b.conversation, true, undefined],
          ]);
        },
      ],
    },
    'PUT /api/settings/channels': {
      changesB: true,
      steps: [
        // A's channel alone, and beside B's own: all or nothing, so nothing changes either time.
        () =>
          refused(
            cookieB,
            'PUT',
            '/api/settings/channels',
            { channels: [{ id: a.channel, mode: 'draft' }] },
            404,
            'not_found',
          ),
        () =>
          refused(
            cookieB,
            'PUT',
            '/api/settings/channels',
            {
              channels: [
                { id: b.channel, mode: 'draft' },
                { id: a.channel, mode: 'draft' },
              ],
            },
            404,
            'not_found',
          ),
        async () => {
          const res = await ok(cookieB, 'PUT', '/api/settings/channels', {
            channels: [{ id: b.channel, mode: 'draft' }],
          });
          expect(res.channels.map((c: Json) => c.id)).not.toContain(a.channel);
        },
      ],
    },
    'POST /api/settings/channels/email': {
      changesB: true,
      steps: [
        // Inbound addresses are global (mail is routed by them): A's is taken, in any case.
        () =>
          refused(
            cookieB,
            'POST',
            '/api/settings/channels/email',
            { name: 'Hijack', inboundAddress: a.address.toUpperCase() },
            409,
            'conflict',
          ),
        async () =>
          void (await ok(cookieB, 'POST', '/api/settings/channels/email', {
            name: 'Beta sales',
            inboundAddress: 'sales@beta.example',
          })),
      ],
    },
    'PUT /api/settings/ai': {
      changesB: true,
      steps: [
        async () =>
          void (await ok(cookieB, 'PUT', '/api/settings/ai', {
            provider: 'openai',
            model: 'beta-model',
            baseUrl: 'https://beta.public.example/v1',
            apiKey: 'sk-beta',
          })),
        // Removing "the" key removes B's own.
        async () =>
          void (await ok(cookieB, 'PUT', '/api/settings/ai', {
            provider: 'offline',
            model: 'supportify-offline-1',
            baseUrl: null,
            apiKey: '',
          })),
      ],
    },
    'PUT /api/settings/ratings': {
      changesB: true,
      steps: [
        async () =>
          void (await ok(cookieB, 'PUT', '/api/settings/ratings', {
            enabled: true,
            escalateOnBadRating: true,
          })),
        async () =>
          void (await ok(cookieB, 'PUT', '/api/settings/ratings', {
            enabled: false,
            escalateOnBadRating: true,
          })),
      ],
    },
    'PUT /api/settings/billing': {
      changesB: true,
      steps: [async () => void (await ok(cookieB, 'PUT', '/api/settings/billing', { monthlyAiReplyCap: 0 }))],
    },
    'PUT /api/settings/retention': {
      changesB: true,
      steps: [async () => void (await ok(cookieB, 'PUT', '/api/settings/retention', { days: 7 }))],
    },
    'PUT /api/settings/notifications': {
      changesB: true,
      steps: [
        async () =>
          void (await ok(cookieB, 'PUT', '/api/settings/notifications', {
            slackWebhookUrl: `${trap.url}/services/TB/BB/betaSecret`,
            emailRecipients: ['alerts@alpha.example', 'ops@beta.example'],
            notifyOn: { newTicket: true, urgent: true },
          })),
        // Clearing clears B's own webhook.
        async () => void (await ok(cookieB, 'PUT', '/api/settings/notifications', { slackWebhookUrl: null })),
      ],
    },
    'POST /api/settings/notifications/test': {
      changesB: true,
      steps: [
        async () => {
          await ok(cookieB, 'PUT', '/api/settings/notifications', {
            slackWebhookUrl: `${trap.url}/services/TB/BB/betaSecret`,
          });
          const before = trap.requests.length;
          const res = await ok(cookieB, 'POST', '/api/settings/notifications/test');
          expect(res.slack).toEqual({ ok: true });
          // B's webhook was called, never A's.
          expect(trap.requests.slice(before).map((r) => r.path)).toEqual(['/services/TB/BB/betaSecret']);
        },
      ],
    },
    'POST /api/tickets': {
      changesB: true,
      steps: [
        () =>
          refused(cookieB, 'POST', '/api/tickets', { conversationId: a.conversations[1] }, 404, 'not_found'),
        // A's custom category is not B's.
        () =>
          refused(
            cookieB,
            'POST',
            '/api/tickets',
            { conversationId: b.conversation, category: 'Wholesale' },
            400,
            'invalid_category',
          ),
        async () => {
          const other = (await newConversation(t.db, shopB, {})).id;
          const res = await ok(cookieB, 'POST', '/api/tickets', { conversationId: other });
          // Numbers are per shop: B's third ticket is #3 although A has #1–#5.
          expect(res.number).toBe(3);
        },
      ],
    },
    'POST /api/tickets/categories': {
      changesB: true,
      steps: [
        async () => {
          const res = await ok(cookieB, 'POST', '/api/tickets/categories', { name: 'Wholesale' });
          expect(res.categories).toContain('Wholesale');
        },
      ],
    },
    'POST /api/tickets/bulk': {
      changesB: true,
      steps: [
        async () => {
          // #1 and #2 are B's (and A's); #5 exists in A only.
          const res = await ok(cookieB, 'POST', '/api/tickets/bulk', {
            numbers: [1, 2, 5],
            set: { priority: 'urgent', status: 'open', category: 'Billing' },
          });
          expect(res.results.map((r: Json) => [r.number, r.ok, r.error?.code])).toEqual([
            [1, true, undefined],
            [2, true, undefined],
            [5, false, 'not_found'],
          ]);
        },
        async () => {
          const res = await ok(cookieB, 'POST', '/api/tickets/bulk', { numbers: [5, 4], delete: true });
          expect(res.results.map((r: Json) => [r.number, r.ok, r.error?.code])).toEqual([
            [5, false, 'not_found'],
            [4, false, 'not_found'],
          ]);
        },
        async () => {
          const res = await ok(cookieB, 'POST', '/api/tickets/bulk', { numbers: [2], delete: true });
          expect(res.results).toEqual([{ number: 2, ok: true, changed: true }]);
        },
      ],
    },
    'POST /api/views': {
      changesB: true,
      steps: [
        // A view of the same name as A's is B's own (names are unique per shop).
        async () =>
          void (await ok(cookieB, 'POST', '/api/views', {
            kind: 'tickets',
            name: 'Urgent',
            filters: { status: 'open' },
          })),
      ],
    },
    'POST /widget/v1/conversations': {
      changesB: true,
      steps: [
        async () => {
          const res = await t.app.inject({
            method: 'POST',
            url: '/widget/v1/conversations',
            payload: {
              widgetKey: widgetKeyB,
              customer: { name: 'Zebulon', email: 'zebulon@alpha.example' },
            },
          });
          expect(res.statusCode, res.body).toBe(201);
        },
      ],
    },
  };
}
