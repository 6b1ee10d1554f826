import { describe, expect, it } from 'vitest';
import { getShopSettings, saveSettingsSection } from '../src/settings/shop-settings.ts';
import { hostileUrls, useSsrfServer, whileFlipIsLoopback } from './helpers/ssrf.ts';

/**
 * SSRF through the Slack webhook (Settings → Notifications, and its "send test"), chosen by the shop:
 * public https only, checked on save and again at connect time (DNS rebinding); redirects never
 * followed. The overview, the fixed DNS and the hostile URLs: helpers/ssrf.ts.
 */

describe('SSRF: shop-chosen outbound targets (AI base URL, Slack webhook), strict server', () => {
  const s = useSsrfServer('strict');

  it('refuses every hostile Slack webhook URL with webhook_url_not_allowed and stores nothing', async () => {
    const before = await getShopSettings(s.db, s.shopId);
    const accepted: unknown[] = [];
    for (const url of hostileUrls(s.trap.port)) {
      const slackWebhookUrl = url.replace('/v1', '/services/T0/B0/x');
      const res = await s.put('/api/settings/notifications', { slackWebhookUrl });
      const code = res.json().error?.code;
      if (res.statusCode !== 400 || code !== 'webhook_url_not_allowed')
        accepted.push({ slackWebhookUrl, status: res.statusCode, code });
    }
    expect(accepted).toEqual([]);
    expect(await getShopSettings(s.db, s.shopId)).toEqual(before);
    expect(s.trap.connections()).toBe(0);
  });

  it('"send test" never connects to a stored hostile webhook, nor to a name that turned private', async () => {
    const sendTest = async () => {
      const res = await s.app.inject({
        method: 'POST',
        url: '/api/settings/notifications/test',
        headers: { cookie: s.cookie },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().slack;
    };
    const notifyOn = { newTicket: true, urgent: false };
    for (const slackWebhookUrl of [
      `http://127.0.0.1:${s.trap.port}/services/T0/B0/x`,
      `https://127.0.0.1:${s.trap.port}/services/T0/B0/x`,
      `https://rebind.example.com:${s.trap.port}/services/T0/B0/x`,
    ]) {
      await saveSettingsSection(s.db, s.shopId, 'notifications', {
        slackWebhookUrl,
        emailRecipients: [],
        notifyOn,
      });
      expect(await sendTest()).toMatchObject({ ok: false });
    }
    const saved = await s.put('/api/settings/notifications', {
      slackWebhookUrl: `https://flip.example.com:${s.trap.port}/services/T0/B0/x`,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await whileFlipIsLoopback(async () => {
      expect(await sendTest()).toMatchObject({ ok: false });
    });
    expect(s.trap.connections()).toBe(0);
  });
});

describe('SSRF: a server that allows a local model (SUPPORTIFY_AI_ALLOW_PRIVATE_URLS=1)', () => {
  const s = useSsrfServer('local-model');

  it('never follows a redirect from a Slack webhook', async () => {
    const saved = await s.app.inject({
      method: 'PUT',
      url: '/api/settings/notifications',
      headers: { cookie: s.cookie },
      payload: { slackWebhookUrl: `${s.redirector.url}/services/T0/B0/x` },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/settings/notifications/test',
      headers: { cookie: s.cookie },
    });
    expect(res.json().slack).toEqual({ ok: false, error: 'redirect refused (HTTP 302)' });
    expect(s.inside.connections()).toBe(0);
  });
});
