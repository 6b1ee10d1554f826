/** Upper bound on words taken from one query, so a pasted essay cannot build a huge query. */
export const MAX_SEARCH_WORDS = 8;

// Words that say nothing about what is wanted (English and Norwegian), and the search operators
// AND/OR/NOT, which must never pass through to a search engine as syntax.
const STOP_WORDS = new Set(
  `a an the and or not of for to in on at by with from do does did you your yours have has had any some
  is are was were be been am i me my we our us it its this that these those what which who whom how can could
  would should will shall may might want wanted looking look need please hi hello hey thanks thank there here
  about like get got buy find show tell recommend something anything else also just very much many more
  than then so if but as all one ones item items product products stuff thing things sell selling
  og eller en et ei den det de dei jeg eg du dere deg meg vi oss har hadde hva hvilke hvilken noen noe
  til med på av om kan kunne vil ville skal skulle er var som etter ser leter trenger gjerne hei takk
  dere deres min mitt mine din ditt dine sin sitt sine har dere selger`.split(/\s+/),
);

/** Lowercased letters/digits words of a query, minus stop words and single characters, deduplicated. */
export function searchWords(query: string): string[] {
  const words = query
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w));
  return [...new Set(words)].slice(0, MAX_SEARCH_WORDS);
}

/** A crude English singular ("sweaters" → "sweater", "accessories" → "accessori"), good for prefix matching. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}
