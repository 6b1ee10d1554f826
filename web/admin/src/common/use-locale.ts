import { intlLocale } from '../i18n/translate.ts';
import { useLanguage } from '../i18n/use-t.ts';

/** The Intl locale for dates and numbers: the signed-in user's language, else the browser's. */
export function useLocale(): string {
  return intlLocale(useLanguage());
}
