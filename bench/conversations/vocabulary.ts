// Words the bulk seeder composes messages from: support vocabulary, store terms, and names.
export const WORDS =
  `hello hi thanks thank you please help order orders my the a is was when where how what can could would
refund return returns exchange size sizes small medium large jacket jackets boots wool sweater socks hat gloves parka
shell rain fleece base layer merino zipper broken damaged wrong colour color blue black green red grey navy
shipping delivery delivered tracking number package parcel arrived late lost customs norway sweden denmark finland
germany usa canada express standard free over days weeks week today tomorrow yesterday monday friday weekend
payment paid card klarna vipps invoice charged twice discount code coupon sale price prices cheaper expensive
account login password email address change cancel cancelled update updated status confirm confirmation receipt
stock available restock when back soon notify waiting still not yet received sent dispatched warehouse oslo bergen
trondheim stockholm gothenburg copenhagen helsinki fit fits tight loose chart measurements waterproof warm cold
winter summer hiking skiing camping trail mountain fjord weather washing wash care instructions material cotton
recycled polyester down feather vegan quality stitching seam sleeve pocket hood collar label gift wrapping card
birthday christmas present store shop website app chat human person agent support team manager complaint happy
unhappy great excellent terrible slow fast quick answer question questions problem issue solved resolved works
working again same different another new old original item items product products photo picture attached
`
    .split(/\s+/)
    .filter(Boolean);

export const FIRST_NAMES =
  `Ingrid Ola Kari Nils Astrid Lars Sofie Emil Nora Jonas Maja Henrik Ella Magnus Sara Erik Ida Anders
Liv Sven Hanna Olav Thea Bjorn Frida Tobias Emma Johan Alva Mikkel Julia Oscar Selma Aksel Tuva Filip Vilde Sander
Amelia Noah Olivia Liam Ava Lucas Mia James Isla Leo Zoe Adam Lea Hugo Elin Jakob Saga Elias`
    .split(/\s+/)
    .filter(Boolean);

export const LAST_NAMES =
  `Johansen Hansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen Johnsen Pettersen
Eriksen Berg Haugen Hagen Johannessen Andreassen Jacobsen Dahl Jorgensen Halvorsen Henriksen Lund Sorensen Jakobsen
Moen Gundersen Iversen Strand Solberg Svendsen Eide Knutsen Martinsen Paulsen Bakken Kristoffersen Mathisen Lie
Smith Brown Miller Garcia Wilson Taylor Lindqvist Nyberg Virtanen Korhonen`
    .split(/\s+/)
    .filter(Boolean);

export const DOMAINS = [
  'example.com',
  'mail.example.net',
  'post.example.org',
  'inbox.example.no',
  'example.se',
];

/** A SQL array literal of words (all plain letters, so no quoting issues). */
export const sqlArray = (words: string[]) =>
  `array[${words.map((w) => `'${w.replace(/'/g, "''")}'`).join(',')}]`;
