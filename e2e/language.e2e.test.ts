// Languages in a real browser: a staff member switches the admin to Norwegian (bokmål) in Settings → Your
// profile; the text, the page's lang and date formats follow (settings, a conversation, a ticket, both
// lists with their filters, tabs and bulk bar, the navigation, the shortcut dialog), it survives a reload,
// and it is theirs only.
import { describe, expect, it } from 'vitest';
import { openSignedIn, until } from './helpers/admin.ts';
import { CREDS, setUpAdminSuite } from './helpers/admin-suite.ts';
import { apiGet } from './helpers/api.ts';

const TEST_TIMEOUT = 90_000;
/** A date as Norwegian writes it, "24. nov. 2026, 18:47" (English: "Nov 24, 2026, 6:47 PM"). */
const NORWEGIAN_DATE = /^\d{1,2}\. [a-zæøå]+\.? \d{4},? (kl\. )?\d{2}[:.]\d{2}$/;

describe('Languages: English and Norwegian per staff user (browser)', () => {
  const suite = setUpAdminSuite('FAILED-language-');
  const page = () => suite.page!;
  const lang = () => page().evaluate(() => document.documentElement.lang);

  it(
    'switches to Norwegian and back from Settings → Your profile, kept across reloads',
    async () => {
      const { url } = suite.server!;
      await openSignedIn(page(), url, '/settings/profile', CREDS);
      await page().getByRole('heading', { name: 'Your profile' }).waitFor();
      expect(await lang()).toBe('en');

      await page().getByRole('radio', { name: 'Norsk (bokmål)' }).check();
      await page().getByRole('heading', { name: 'Din profil' }).waitFor();
      await until(lang, (l) => l === 'nb', 'the page language nb');
      await page().getByText('Språket er lagret').waitFor();

      await page().reload();
      await page().getByRole('heading', { name: 'Din profil' }).waitFor();
      expect(await page().getByRole('radio', { name: 'Norsk (bokmål)' }).isChecked()).toBe(true);
      // Saved on the server, for this user.
      const me = (await apiGet(url, '/api/me', suite.cookie)) as { user: { locale: string } };
      expect(me.user.locale).toBe('nb');

      // The settings page around the profile: its heading, tabs and the window title.
      await page().getByRole('heading', { name: 'Innstillinger', level: 1 }).waitFor();
      for (const tab of ['Vurderinger', 'Fakturering', 'Kanaler', 'Varsler', 'Datalagring']) {
        await page().getByRole('tab', { name: tab }).waitFor();
      }
      await until(
        () => page().title(),
        (title) => title === 'Din profil · Innstillinger · Supportify',
        'the Norwegian window title',
      );
      await page().getByRole('tab', { name: 'Varsler' }).click();
      await page().getByRole('heading', { name: 'Varsler', level: 2 }).waitFor();
      await page().getByRole('button', { name: 'Send testvarsel' }).waitFor();

      // A conversation: its headings, details and dates in Norwegian.
      const conversations = (await apiGet(url, '/api/conversations?limit=1', suite.cookie)) as {
        items: Array<{ id: string }>;
      };
      await page().goto(`${url}/conversations/${conversations.items[0]!.id}`);
      await page().getByRole('heading', { name: 'Historikk' }).waitFor();
      await page().getByRole('link', { name: 'Samtaleliste' }).waitFor();
      await page().getByRole('region', { name: 'Detaljer' }).getByText('Siste melding').waitFor();
      expect(await page().getByTestId('conversation-status').textContent()).toMatch(/^(Uløst|Løst|Utkast)$/);
      const started = page().getByRole('region', { name: 'Detaljer' }).locator('time').first();
      expect(((await started.textContent()) ?? '').trim()).toMatch(NORWEGIAN_DATE);

      // A ticket: thread, properties and history.
      const tickets = (await apiGet(url, '/api/tickets?limit=1', suite.cookie)) as {
        items: Array<{ number: number }>;
      };
      const ticketNumber = tickets.items[0]!.number;
      await page().goto(`${url}/tickets/${ticketNumber}`);
      await page().getByRole('heading', { name: 'Tråd' }).waitFor();
      await page().getByRole('link', { name: 'Saksliste' }).waitFor();
      await page().getByRole('button', { name: 'Slett', exact: true }).waitFor();
      await page().getByLabel('Prioritet', { exact: true }).waitFor();
      expect(await page().getByTestId('ticket-priority').textContent()).toMatch(/^(Lav|Middels|Høy|Haster)$/);
      await until(
        () => page().title(),
        (title) => title === `#${ticketNumber} · Sak · Supportify`,
        'the ticket window title',
      );

      // The Conversations list: heading, window title, navigation, filters, columns and an empty search.
      await page().goto(`${url}/conversations`);
      await page().getByRole('heading', { name: 'Samtaler', level: 1 }).waitFor();
      await until(
        () => page().title(),
        (title) => title === 'Samtaler · Supportify',
        'the Conversations window title',
      );
      const nav = page().getByRole('navigation', { name: 'Hovednavigasjon' });
      for (const link of ['Samtaler', 'Saker', 'Innstillinger']) {
        await nav.getByRole('link', { name: link }).waitFor();
      }
      await page().getByRole('button', { name: 'Logg ut' }).waitFor();
      const filters = page().getByRole('search', { name: 'Filtrer samtaler' });
      const status = filters.getByLabel('Status', { exact: true });
      expect(await status.locator('option').allTextContents()).toEqual(['Alle', 'Uløst', 'Løst', 'Utkast']);
      expect(await filters.getByLabel('Kanal', { exact: true }).locator('option').first().textContent()).toBe(
        'Alle',
      );
      await filters.getByRole('switch', { name: 'Har utkast' }).waitFor();
      await filters.getByRole('switch', { name: 'Slettes innen 7 dager' }).waitFor();
      for (const column of ['Status', 'Kunde', 'Kanal', 'Dato', 'Forhåndsvisning']) {
        await page().getByRole('columnheader', { name: column, exact: true }).waitFor();
      }
      await page().getByRole('checkbox', { name: 'Merk alle samtalene på denne siden' }).waitFor();
      await page().getByRole('button', { name: 'Visninger' }).waitFor();
      await filters.getByRole('textbox', { name: 'Søk' }).fill('zqxwv-finnes-ikke');
      const empty = page().getByTestId('empty-state');
      await empty.getByText('Ingen samtaler passer med disse filtrene').waitFor();
      await empty.getByText('Prøv en annen status eller kanal, eller et annet søk.').waitFor();
      await empty.getByRole('button', { name: 'Fjern filtrene' }).click();
      await page().getByTestId('conversation-row').first().waitFor();

      // The Tickets list: status tabs with their counts, filters, a selected row's bulk bar.
      const counts = (
        (await apiGet(url, '/api/tickets?limit=1', suite.cookie)) as { counts: Record<string, number> }
      ).counts;
      await page().goto(`${url}/tickets`);
      await page().getByRole('heading', { name: 'Saker', level: 1 }).waitFor();
      const tabs = page().getByRole('tablist', { name: 'Saksstatus' });
      for (const [value, label] of [
        ['all', 'Alle'],
        ['new', 'Ny'],
        ['open', 'Åpen'],
        ['waiting', 'Venter'],
        ['resolved', 'Løst'],
      ] as const) {
        await tabs.getByRole('tab', { name: new RegExp(`^${label}\\s*${counts[value]}$`) }).waitFor();
      }
      await page().getByLabel('Sorter etter').waitFor();
      expect(
        await page().getByLabel('Prioritet', { exact: true }).locator('option').allTextContents(),
      ).toEqual(['Alle', 'Haster', 'Høy', 'Middels', 'Lav']);
      await page().getByTestId('ticket-row').first().getByRole('checkbox').check();
      const bar = page().getByRole('region', { name: 'Handlinger for de valgte sakene' });
      await bar.getByText('1 valgt').waitFor();
      await bar.getByRole('button', { name: 'Sett status' }).waitFor();
      await bar.getByRole('button', { name: 'Tøm utvalg' }).click();
      await bar.waitFor({ state: 'hidden' });

      // The shortcut dialog ("?"): title, groups and descriptions.
      await page().keyboard.press('?');
      const help = page().getByRole('dialog', { name: 'Hurtigtaster' });
      await help.waitFor();
      for (const group of ['Overalt', 'Lister', 'En samtale eller sak']) {
        await help.getByRole('heading', { name: group }).waitFor();
      }
      for (const text of ['Gå til Samtaler', 'Gå til Saker', 'Neste rad', 'Åpne raden som har fokus']) {
        await help.getByText(text, { exact: true }).waitFor();
      }
      await help.getByRole('button', { name: 'Lukk' }).waitFor();
      await page().keyboard.press('Escape');
      await help.waitFor({ state: 'hidden' });

      await page().goto(`${url}/settings/profile`);
      await page().getByRole('heading', { name: 'Din profil' }).waitFor();

      await page().getByRole('radio', { name: 'English' }).check();
      await page().getByRole('heading', { name: 'Your profile' }).waitFor();
      await until(lang, (l) => l === 'en', 'the page language en');
      expect(suite.pageErrors).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});
