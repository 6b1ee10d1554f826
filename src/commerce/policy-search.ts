import { searchWords, stem } from './search-words.ts';
import type { PolicySummary } from './types.ts';

const words = (list: string) => list.split(' ');

/**
 * Word beginnings (English and Norwegian) that point at a policy kind, so "frakt" finds the shipping policy
 * even when its text is English. Short or ambiguous words are listed in KIND_EXACT_WORDS instead
 * ("card" would otherwise match "cardigan").
 */
const KIND_PREFIXES: Record<string, string[]> = {
  returns: words(
    'return retur refund refusjon exchang bytt angrerett reklamasjon reklamer warrant garanti damag defect defekt broken ødelagt',
  ),
  shipping: words(
    'ship deliver frakt lever track sporing spore porto toll customs duty duties express courier parcel pakke posten postnord sending forsend',
  ),
  payment: words(
    'pay klarna vipps betal faktura invoice instal avbetal delbetal discount rabatt gavekort charge visa mastercard amex currenc valuta kredittkort',
  ),
  privacy: words('privacy personvern gdpr personopplysning cookie'),
  'terms-of-service': words('terms vilkår betingelse'),
  'terms-of-sale': words('terms vilkår salgsbetingelse kjøpsbetingelse kjøpsvilkår'),
  contact: words('contact kontakt phone telefon address adresse'),
  legal: words('legal impressum juridisk'),
  subscription: words('subscri abonnement'),
};
const KIND_EXACT_WORDS: Record<string, string[]> = {
  payment: words('card cards kort kortet paid'),
  shipping: words('ups dhl'),
};

const KIND_WEIGHT = 10;
const TITLE_WEIGHT = 3;
const BODY_WEIGHT = 1;
// Below this share of the best score a policy only mentions the words in passing ("ships" in the payment policy).
const MIN_SHARE_OF_BEST = 1 / 3;

/** The policy kinds a query word points at. */
function kindsFor(word: string): string[] {
  const kinds = Object.entries(KIND_PREFIXES)
    .filter(([, prefixes]) => prefixes.some((p) => word.startsWith(p)))
    .map(([kind]) => kind);
  for (const [kind, words] of Object.entries(KIND_EXACT_WORDS)) if (words.includes(word)) kinds.push(kind);
  return kinds;
}

const wordsOf = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u);

// A query word matches a text word it begins ("refund" ~ "refunds"); stemming catches "returns" ~ "return".
const mentions = (textWords: string[], word: string) => {
  const base = stem(word);
  return textWords.some((t) => t.startsWith(base));
};

/**
 * Policies best matching a query: a word naming the policy's kind (with synonyms) counts most, then words in
 * the title, then words in the body; passing mentions are left out. No searchable words: every policy.
 */
export function rankPolicies(policies: PolicySummary[], query: string, limit: number): PolicySummary[] {
  const words = searchWords(query);
  if (words.length === 0) return policies.slice(0, limit);
  const wantedKinds = new Set(words.flatMap(kindsFor));
  const scored = policies.map((policy, index) => {
    const titleWords = wordsOf(`${policy.kind} ${policy.title}`);
    const bodyWords = wordsOf(policy.body);
    let score = wantedKinds.has(policy.kind) ? KIND_WEIGHT : 0;
    for (const word of words) {
      if (mentions(titleWords, word)) score += TITLE_WEIGHT;
      else if (mentions(bodyWords, word)) score += BODY_WEIGHT;
    }
    return { policy, index, score };
  });
  const best = Math.max(0, ...scored.map((s) => s.score));
  return scored
    .filter((s) => s.score > 0 && s.score >= best * MIN_SHARE_OF_BEST)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map((s) => s.policy);
}
