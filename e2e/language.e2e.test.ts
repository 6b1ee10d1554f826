// Languages in a real browser: a staff member switches the admin to Norwegian (bokmål) in Settings → Your
// profile; the text, the page's lang and date formats follow, it survives a reload, and it is theirs only.
import { describe, expect, it } from 'vitest';
import { openSignedIn, until } from './helpers/admin.ts';
import { CREDS, setUpAdminSuite } from './helpers/admin-suite.ts';
import { apiGet } from './helpers/api.ts';

const TEST_TIMEOUT = 90_000;

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

      await page().getByRole('radio', { name: 'English' }).check();
      await page().getByRole('heading', { name: 'Your profile' }).waitFor();
      await until(lang, (l) => l === 'en', 'the page language en');
      expect(suite.pageErrors).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});
