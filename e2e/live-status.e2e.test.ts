// The admin's live stream in a real browser: when the network drops (a proxy between browser and server cuts
// every connection) the header says "Reconnecting…", and once it is back the page catches up on what happened
// meanwhile (a ticket opened while the browser could not hear about it).
import { describe, expect, it } from 'vitest';
import { openSignedIn, until } from './helpers/admin.ts';
import { CREDS, setUpAdminSuite } from './helpers/admin-suite.ts';
import { getWidgetKey } from './helpers/api.ts';
import { startTcpProxy } from './helpers/tcp-proxy.ts';
import { customerAsksForHuman, readTickets } from './helpers/tickets.ts';

const TEST_TIMEOUT = 90_000;

describe('Live updates: reconnecting indicator (browser)', () => {
  const suite = setUpAdminSuite('FAILED-live-status-');
  const page = () => suite.page!;
  const status = () => page().getByTestId('live-status').getAttribute('data-status');

  it(
    'shows "Reconnecting…" while the network is down, then catches up on a ticket opened meanwhile',
    async () => {
      const { url } = suite.server!;
      const proxy = await startTcpProxy(Number(new URL(url).port));
      await openSignedIn(page(), `http://127.0.0.1:${proxy.port}`, '/tickets', CREDS);
      await until(status, (s) => s === 'live', 'the live stream to open');
      expect(await page().getByText('Reconnecting…').count()).toBe(0);

      proxy.cut();
      await until(status, (s) => s === 'reconnecting', 'the stream to be seen as dropped');
      await page().getByText('Reconnecting…').waitFor();

      // Meanwhile a customer asks for a person: the cut-off page cannot hear about it.
      const widgetKey = await getWidgetKey(url, suite.cookie);
      const { ticketNumber } = await customerAsksForHuman(
        url,
        suite.cookie,
        widgetKey,
        { name: 'Offline Olsen', email: 'offline.olsen@example.com' },
        'I want to talk to a human please',
      );

      await proxy.restore();
      await until(status, (s) => s === 'live', 'the stream to reconnect', 40_000);
      expect(await page().getByText('Reconnecting…').count()).toBe(0);
      await until(
        () => readTickets(page()),
        (list) => list.rows.some((row) => row.number === ticketNumber),
        `ticket #${ticketNumber} in the list without a reload`,
      );
      expect(suite.pageErrors).toEqual([]);
      await proxy.close();
    },
    TEST_TIMEOUT,
  );
});
