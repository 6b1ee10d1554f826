import { useCallback, useEffect } from 'react';
import { useMe } from '../api/auth.ts';
import type { MessageKey } from './messages-en.ts';
import { type Language, type Params, toLanguage, translate } from './translate.ts';

/** The UI language: the signed-in user's, else (signed out) the browser's. */
export function useLanguage(): Language {
  const { data } = useMe();
  return toLanguage(data?.user.locale ?? (typeof navigator === 'undefined' ? 'en' : navigator.language));
}

/** Keeps `<html lang>` on the UI language, so screen readers pronounce the page in it (mounted once). */
export function useDocumentLanguage(): void {
  const language = useLanguage();
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
}

export type Translate = (key: MessageKey, params?: Params) => string;

/** `t(key, params)` in the current language. */
export function useT(): Translate {
  const language = useLanguage();
  return useCallback((key, params) => translate(language, key, params), [language]);
}
