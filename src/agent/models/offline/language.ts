export type Lang = 'en' | 'no';

// Words that only (or almost only) occur in one of the two languages. Words both share ("for", "i", "to",
// "is", "at") say nothing and are left out.
const NORWEGIAN = new Set(
  `hei heisann hallo jeg du dere deg meg vi oss hvor hva hvordan hvorfor hvilken hvilke hvem når kan kunne har
   hadde ikke min mitt mine din ditt dine og eller er var det den en et ei på til med om av fra vil ville skal
   skulle gjerne snakke prate takk tusen tar tid lenge lang noen noe nå ja nei også bare mye dette denne blir
   etter ble får få sende sender sendt kommer kommet mottatt fått koster lager størrelse`.split(/\s+/),
);
const ENGLISH = new Set(
  `the a an is are was were my your you me we our to of and or in on with do does did can could would will have
   has had how what where when which why who this that it its please hi hello hey thanks thank want need there
   be been about if not no yes any some just get got still from send sent ship shipped order size stock much`.split(
    /\s+/,
  ),
);
// Norwegian word beginnings (inflected nouns and verbs) that are no English word's.
const NORWEGIAN_STEMS =
  /^(bestilling|ordre|pakke|retur|frakt|levering|betal|genser|jakke|bytt|hjelp|spørsmål)/;

/** How many words of the text point at Norwegian and at English. Email addresses never count. */
export function languageScores(text: string): { no: number; en: number } {
  const words =
    text
      .replace(/\S+@\S+/g, ' ')
      .toLowerCase()
      .match(/\p{L}+/gu) ?? [];
  let no = 0;
  let en = 0;
  for (const w of words) {
    if (NORWEGIAN.has(w) || NORWEGIAN_STEMS.test(w)) no++;
    if (ENGLISH.has(w)) en++;
  }
  return { no, en };
}

/** Norwegian when the text has æøå or more Norwegian than English words; English otherwise. */
export function detectLanguage(text: string): Lang {
  if (/[æøå]/i.test(text.replace(/\S+@\S+/g, ' '))) return 'no';
  const { no, en } = languageScores(text);
  return no > en ? 'no' : 'en';
}

/**
 * The conversation's language: that of the customer's latest message that says anything either way, so a
 * reply of just "#1004" or an email address keeps the language the customer wrote in before.
 */
export function conversationLanguage(customerTexts: string[]): Lang {
  for (const text of [...customerTexts].reverse()) {
    const { no, en } = languageScores(text);
    if (no > 0 || en > 0 || /[æøå]/i.test(text.replace(/\S+@\S+/g, ' '))) return detectLanguage(text);
  }
  return 'en';
}
