// English UI text: the reference catalogue. Keys are `area.what`; `{name}` is filled in; a plural is
// `{ one, other }` chosen by Intl.PluralRules from `{count}`. Every key here must exist in messages-nb.ts
// (the type checker enforces it).
export const en = {
  'language.en': 'English',
  'language.nb': 'Norsk (bokmål)',
  'settings.profile.tab': 'Your profile',
  'settings.profile.title': 'Your profile',
  'settings.profile.description':
    'Only for you: the admin’s language, and with it how dates and numbers are written. Other staff keep theirs.',
  'settings.profile.language': 'Language',
  'settings.profile.saved': 'Language saved',
  'settings.profile.saveFailed': 'Could not save the language',
} as const;

export type MessageKey = keyof typeof en;
export type Message = string | { readonly one: string; readonly other: string };
export type Catalogue = { readonly [K in MessageKey]: Message };
