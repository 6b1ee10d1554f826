export type Lang = 'en' | 'no';

const NORWEGIAN_WORDS =
  /\b(hei|heisann|hallo|jeg|du|dere|hvor|hva|hvordan|når|kan|har|ikke|min|mitt|mine|bestilling|ordre|pakke|takk|tusen|vil|gjerne|snakke|med|retur|frakt|levering|betaling|genser|størrelse|jakke|sko|og|er|det|en|et|på|til|meg|noen|ekte|menneske)\b/giu;

/** Norwegian when the text has æøå or mostly Norwegian function words; English otherwise. */
export function detectLanguage(text: string): Lang {
  if (/[æøå]/i.test(text)) return 'no';
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return 'en';
  const norwegian = text.match(NORWEGIAN_WORDS)?.length ?? 0;
  return norwegian / words.length >= 0.3 ? 'no' : 'en';
}
