import { type Catalogue, en, type MessageKey } from './messages-en.ts';
import { nb } from './messages-nb.ts';

export const LANGUAGES = ['en', 'nb'] as const;
export type Language = (typeof LANGUAGES)[number];

const CATALOGUES: Record<Language, Catalogue> = { en, nb };

/** Intl locale for a language: Norwegian as written in Norway; English as the browser writes it. */
export function intlLocale(language: Language): string {
  if (language === 'nb') return 'nb-NO';
  const browser = typeof navigator === 'undefined' ? 'en' : navigator.language;
  return browser.toLowerCase().startsWith('en') ? browser : 'en';
}

/** A language from a stored preference or the browser's (Norwegian, nynorsk included, reads bokmål). */
export function toLanguage(value: string | null | undefined): Language {
  const tag = (value ?? '').toLowerCase();
  return /^(nb|no|nn)\b/.test(tag) ? 'nb' : 'en';
}

export type Params = Record<string, string | number>;

/**
 * The language the page is shown in, for text made outside React (an error a request throws): `<html lang>`,
 * which `useLanguage` keeps up to date.
 */
export function pageLanguage(): Language {
  return typeof document === 'undefined' ? 'en' : toLanguage(document.documentElement.lang);
}

/** The text for `key` in `language`, with `{name}` filled from `params` and plurals chosen by `count`. */
export function translate(language: Language, key: MessageKey, params: Params = {}): string {
  const message = CATALOGUES[language][key] ?? en[key];
  const text =
    typeof message === 'string'
      ? message
      : new Intl.PluralRules(intlLocale(language)).select(Number(params.count ?? 0)) === 'one'
        ? message.one
        : message.other;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString(intlLocale(language)) : value;
  });
}
