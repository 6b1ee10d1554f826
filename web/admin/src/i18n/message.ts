/** A text, or a plural: `{ one, other }` chosen by Intl.PluralRules from the `count` parameter. */
export type Message = string | { readonly one: string; readonly other: string };

/** Another language's text for every key of an English area (the type checker finds a missing one). */
export type Translation<T> = { readonly [K in keyof T]: Message };
