import { createElement, Fragment, type ReactNode } from 'react';

/**
 * A translated text whose `{name}` placeholders are elements (a link, a bold word, a date), so each
 * language puts them where its word order wants them: `richText(t('key'), { date: <DateText … /> })`.
 * A placeholder without a node stays as it is.
 */
export function richText(text: string, nodes: Record<string, ReactNode>): ReactNode {
  const parts = text.split(/\{(\w+)\}/);
  return createElement(
    Fragment,
    null,
    ...parts.map((part, i) => (i % 2 === 0 ? part : Object.hasOwn(nodes, part) ? nodes[part] : `{${part}}`)),
  );
}
