// Live updates never cost the reader their place: a half-typed reply, the scroll position and a row
// selection all survive the refresh that a customer's new message or a new conversation triggers.
import { describe, expect, it } from 'vitest';
import { openSignedIn, until, waitForList } from './helpers/admin.ts';
import { CREDS, setUpAdminSuite } from './helpers/admin-suite.ts';
import { getWidgetKey, startWidgetConversation } from './helpers/api.ts';
import { ticketOf } from './helpers/tickets.ts';

const TEST_TIMEOUT = 90_000;

type Session = { conversationId: string; token: string };

/** The widget's own calls, so the test can keep writing into one conversation. */
async function widgetSession(url: string, widgetKey: string): Promise<Session> {
  const res = await fetch(`${url}/widget/v1/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ widgetKey, customer: { name: 'Live Larsen', email: 'live.larsen@example.com' } }),
  });
  return (await res.json()) as Session;
}
async function customerSays(url: string, session: Session, text: string) {
  const res = await fetch(`${url}/widget/v1/conversations/${session.conversationId}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
    body: JSON.stringify({ text }),
  });
  expect(res.status).toBeLessThan(300);
}

describe('Live updates keep the reader’s place (browser)', () => {
  const suite = setUpAdminSuite('FAILED-live-keeps-state-');
  const page = () => suite.page!;

  it(
    'a new customer message appears in the open ticket while the half-typed reply and scroll stay',
    async () => {
      const { url } = suite.server!;
      const widgetKey = await getWidgetKey(url, suite.cookie);
      const session = await widgetSession(url, widgetKey);
      for (let i = 1; i <= 5; i++)
        await customerSays(url, session, `Earlier message number ${i} about my order.`);
      await customerSays(url, session, 'I want to talk to a human please');
      const ticketNumber = await ticketOf(url, suite.cookie, session.conversationId);

      await page().setViewportSize({ width: 1280, height: 600 });
      await openSignedIn(page(), url, `/tickets/${ticketNumber}`, CREDS);
      const input = page().getByTestId('reply-input');
      await input.waitFor();
      const draft = 'Hi Live, I am checking with the warehouse and will';
      await input.fill(draft);
      await page().evaluate(() => window.scrollTo({ top: 300 }));
      const scrolled = await page().evaluate(() => window.scrollY);
      // The page really is scrolled (else keeping the position would prove nothing).
      expect(scrolled).toBeGreaterThan(0);

      await customerSays(url, session, 'Any news on the delivery date?');
      await page().getByText('Any news on the delivery date?').first().waitFor();
      expect(await input.inputValue()).toBe(draft);
      expect(Math.abs((await page().evaluate(() => window.scrollY)) - scrolled)).toBeLessThanOrEqual(2);
      expect(suite.pageErrors).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'a new conversation arrives at the top of the list while the selected rows stay selected',
    async () => {
      const { url } = suite.server!;
      await page().setViewportSize({ width: 1366, height: 900 });
      await openSignedIn(page(), url, '/conversations', CREDS);
      const list = await waitForList(page(), (l) => l.rows.length >= 3, 'the conversation list');
      const picked = list.rows.slice(1, 3);
      const checkbox = (id: string) => page().locator(`[data-conversation-id="${id}"]`).getByRole('checkbox');
      for (const row of picked) await checkbox(row.id).check();
      const bar = page().getByRole('region', { name: 'Bulk actions for the selected conversations' });
      await bar.getByText('2 selected').waitFor();

      const widgetKey = await getWidgetKey(url, suite.cookie);
      const id = await startWidgetConversation(url, widgetKey, { name: 'Newest Nilsen' }, ['Hello there']);
      await until(
        async () => (await waitForList(page(), () => true, 'the list')).rows[0]?.id,
        (first) => first === id,
        'the new conversation at the top without a reload',
      );
      for (const row of picked) expect(await checkbox(row.id).isChecked()).toBe(true);
      await bar.getByText('2 selected').waitFor();
      expect(suite.pageErrors).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});
