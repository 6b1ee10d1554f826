// What the customer newly wrote in a reply: everything from the first reply header on is the quoted
// conversation, "> " lines are quoted, and a "-- " signature or a "Sent from my iPhone" tail is not news.

// A line that starts with a date: "12. mars 2026", "12 Mar 2026", "12.03.2026", "2026-03-12",
// "3/12/26", optionally after a weekday ("tor. 12. mars", "Thu, 12 Mar").
const DATE = String.raw`(?:\d{1,2}\.?\s*\p{L}{3,}\.?,?\s+\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})`;
const DATE_START = String.raw`(?:\p{L}{2,9}\.?,?\s+)?${DATE}`;
const REPLY_HEADERS = [
  /^On\s(?=.*\d).+\swrote:$/iu,
  new RegExp(String.raw`^${DATE_START}.*\swrote:$`, 'iu'),
  /^Den\s.+\sskrev\s.+:$/iu,
  new RegExp(String.raw`^${DATE_START}.*\sskrev\s.+:$`, 'iu'),
];
// Reply headers that a client wrapped: the first line starts like one, the next lines finish it.
const WRAPPED_START = new RegExp(String.raw`^(On|Den)\s|^${DATE_START}`, 'iu');
const SEPARATORS = [
  /^-{2,}\s*(Original Message|Opprinnelig melding|Originalmelding|Original melding)\s*-{2,}$/i,
  /^_{20,}$/,
];
const HEADER_BLOCK_START = /^\*?(From|Fra):\*?\s/i;
const HEADER_BLOCK_FIELD = /^\*?(Sent|Date|To|Cc|Subject|Sendt|Dato|Til|Kopi|Emne):\*?\s/i;
const SIGNATURE = /^--$/;
const MOBILE_SIGNATURE =
  /^(Sent from my .{1,40}|Sendt fra min .{1,40}|Sent from (Mail|Outlook|Yahoo Mail)\b.*|Sendt fra (E-post|Outlook)\b.*|(Get|Hent) Outlook for .{1,20})$/i;

function isReplyHeader(lines: string[], i: number): boolean {
  if (REPLY_HEADERS.some((re) => re.test(lines[i]))) return true;
  // The first line of a wrapped header holds the date and does not end a sentence.
  if (!WRAPPED_START.test(lines[i]) || !/\d/.test(lines[i]) || /[.!?]$/.test(lines[i])) return false;
  let joined = lines[i];
  for (let j = i + 1; j < Math.min(i + 3, lines.length) && lines[j]; j++) {
    joined += ` ${lines[j]}`;
    if (REPLY_HEADERS.some((re) => re.test(joined))) return true;
  }
  return false;
}

/** Outlook's "From: … Sent: … To: … Subject: …" (or Norwegian "Fra: … Sendt: … Til: … Emne: …") block. */
function isHeaderBlock(lines: string[], i: number): boolean {
  if (!HEADER_BLOCK_START.test(lines[i])) return false;
  const following = lines.slice(i + 1, i + 7).filter((line) => HEADER_BLOCK_FIELD.test(line));
  return following.length >= 2;
}

function quoteStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    if (SEPARATORS.some((re) => re.test(lines[i])) || isReplyHeader(lines, i) || isHeaderBlock(lines, i)) {
      return i;
    }
  }
  return lines.length;
}

export function stripQuotedReply(text: string): string {
  const original = text.replace(/\r\n?/g, '\n').trim();
  const all = original.split('\n').map((line) => line.trimEnd());
  let lines = all.slice(0, quoteStart(all.map((line) => line.trim())));
  lines = lines.filter((line) => !line.trimStart().startsWith('>'));
  const signature = lines.findIndex((line) => SIGNATURE.test(line));
  if (signature >= 0) lines = lines.slice(0, signature);
  while (
    lines.length &&
    (!lines[lines.length - 1].trim() || MOBILE_SIGNATURE.test(lines[lines.length - 1].trim()))
  ) {
    lines.pop();
  }
  const stripped = lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return stripped || original;
}
