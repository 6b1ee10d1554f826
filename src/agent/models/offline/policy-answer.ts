// Words in a question that say nothing about which sentence answers it.
const STOP_WORDS = new Set(
  `a an the and or of for to in on at by with from do does did you your i me my we is are was be can could would will
   have has how what when where which who why this that it its any some there please about much many long take
   takes get want need like know tell jeg du dere meg min mitt kan har hva hvor hvordan når og er det en et på til
   med om av fra vil skal noen noe lang tid tar lenge`.split(/\s+/),
);

// Norwegian words (by their beginnings) as the English of a store policy, plus question phrasings.
const TRANSLATIONS: Array<[RegExp, string[]]> = [
  [/^(returrett|angrerett)/, ['return', 'days']],
  [/^retur/, ['return']],
  [/^bytt/, ['exchange']],
  [/^refusjon/, ['refund']],
  [/^størrelse/, ['size']],
  [/^frakt/, ['shipping']],
  [/^(lever|sende|sender|sendes)/, ['delivery', 'ship']],
  [/^(toll|avgift)/, ['duties', 'customs']],
  [/^betal/, ['pay']],
  [/^(dele|delbetal|avbetal|nedbetal)/, ['split', 'instalment']],
  [/^(kort|kredittkort)/, ['card']],
  [/^sverige/, ['sweden']],
  [/^norge/, ['norway']],
  [/^danmark/, ['denmark']],
  [/^(tyskland|europa)/, ['europe']],
  [/^(storbritannia|england)/, ['uk']],
  [/^(usa|amerika)$/, ['unitedstates']],
  [/^garanti/, ['warranty', 'years']],
  [/^dager?$/, ['days']],
];
const DURATION =
  /\b(how long|how many days|how soon|when will|hvor lenge|hvor lang tid|hvor mange dager|når kommer)\b/i;
// "US" is a country only in capitals; "us" is a pronoun.
const UNITED_STATES = /\b(?:USA|U\.S\.A?\.?|US|United States|America)(?![\p{L}])/gu;

const stem = (w: string) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
const words = (text: string) =>
  text
    .replace(UNITED_STATES, ' unitedstates ')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];

/** The searchable words of a question, Norwegian ones with their English policy words. */
export function questionWords(question: string): string[] {
  const out = new Set<string>();
  for (const w of words(question)) {
    if (STOP_WORDS.has(w) || w.length < 2) continue;
    const translated = TRANSLATIONS.find(([pattern]) => pattern.test(w))?.[1];
    for (const t of translated ?? [w]) out.add(stem(t));
  }
  if (DURATION.test(question)) out.add('day');
  return [...out];
}

/** The excerpt's complete sentences (a cut-off last fragment is left out). */
export function sentences(excerpt: string): string[] {
  const all = excerpt
    .split(/\n+/)
    .flatMap((paragraph) => paragraph.split(/(?<=[.!?])\s+/))
    .map((s) => s.trim())
    .filter(Boolean);
  const last = all.at(-1);
  if (all.length > 1 && last && !/[.!?)]$/.test(last)) all.pop();
  return all;
}

/**
 * The sentences of a policy excerpt that answer the question best, in their own order: each question word
 * found in a sentence counts more the fewer sentences have it. No word found: the excerpt's first sentences.
 */
export function answerSentences(excerpt: string, question: string, max = 2): string[] {
  const list = sentences(excerpt);
  const wanted = questionWords(question);
  const sentenceWords = list.map((s) => words(s));
  const has = (i: number, w: string) => sentenceWords[i].some((x) => x.startsWith(w));
  const df = new Map(wanted.map((w) => [w, list.filter((_, i) => has(i, w)).length]));
  const scored = list.map((text, index) => ({
    text,
    index,
    score: wanted.reduce((sum, w) => sum + (has(index, w) ? 1 / (df.get(w) ?? 1) : 0), 0),
  }));
  // Words in most sentences ("pay" in a payment policy) do not single out an answer.
  const distinctive = wanted.some((w) => {
    const n = df.get(w) ?? 0;
    return n > 0 && n <= Math.max(2, Math.floor(list.length / 3));
  });
  if (!distinctive) return list.slice(0, max);
  const best = scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, max);
  return best.sort((a, b) => a.index - b.index).map((s) => s.text);
}
