/** The demo store's customers: who orders and who writes to support. Emails use reserved example domains. */

export type Country = 'NO' | 'SE' | 'DK' | 'FI' | 'US' | 'GB' | 'DE';

export type DemoCustomer = {
  name: string;
  email: string;
  country: Country;
  /** Norwegian customers sometimes write in Norwegian. */
  speaksNorwegian: boolean;
};

const c = (name: string, email: string, country: Country): DemoCustomer => ({
  name,
  email,
  country,
  speaksNorwegian: country === 'NO',
});

export const DEMO_CUSTOMERS: DemoCustomer[] = [
  c('Ingrid Johansen', 'ingrid.johansen@example.com', 'NO'),
  c('Lars Hansen', 'lars.hansen@example.com', 'NO'),
  c('Silje Andersen', 'silje.andersen@example.net', 'NO'),
  c('Magnus Pedersen', 'magnus.pedersen@example.com', 'NO'),
  c('Nora Kristiansen', 'nora.k@example.org', 'NO'),
  c('Jonas Larsen', 'jonas.larsen@example.com', 'NO'),
  c('Ida Berg', 'ida.berg@example.net', 'NO'),
  c('Henrik Haugen', 'henrik.haugen@example.com', 'NO'),
  c('Marte Solberg', 'marte.solberg@example.com', 'NO'),
  c('Even Dahl', 'even.dahl@example.org', 'NO'),
  c('Thea Bakken', 'thea.bakken@example.com', 'NO'),
  c('Sindre Moen', 'sindre.moen@example.net', 'NO'),
  c('Kristine Lie', 'kristine.lie@example.com', 'NO'),
  c('Eirik Strand', 'eirik.strand@example.com', 'NO'),
  c('Hanne Eriksen', 'hanne.eriksen@example.org', 'NO'),
  c('Ole Martin Vik', 'olemartin.vik@example.com', 'NO'),
  c('Tuva Holm', 'tuva.holm@example.net', 'NO'),
  c('Bjørn Tveit', 'bjorn.tveit@example.com', 'NO'),
  c('Åse Lunde', 'ase.lunde@example.com', 'NO'),
  c('Håkon Sæther', 'hakon.saether@example.net', 'NO'),
  c('Solveig Hagen', 'solveig.hagen@example.com', 'NO'),
  c('Øystein Brekke', 'oystein.brekke@example.org', 'NO'),
  c('Elin Lindqvist', 'elin.lindqvist@example.com', 'SE'),
  c('Oskar Nilsson', 'oskar.nilsson@example.net', 'SE'),
  c('Maja Svensson', 'maja.svensson@example.com', 'SE'),
  c('Axel Bergström', 'axel.bergstrom@example.com', 'SE'),
  c('Linnea Holmberg', 'linnea.holmberg@example.org', 'SE'),
  c('Frida Ekström', 'frida.ekstrom@example.com', 'SE'),
  c('Mette Sørensen', 'mette.sorensen@example.com', 'DK'),
  c('Anders Kjær', 'anders.kjaer@example.net', 'DK'),
  c('Aino Virtanen', 'aino.virtanen@example.com', 'FI'),
  c('Emily Carter', 'emily.carter@example.com', 'US'),
  c('Jake Thompson', 'jake.thompson@example.net', 'US'),
  c('Sarah Mitchell', 'sarah.mitchell@example.com', 'US'),
  c('Michael Brooks', 'mbrooks@example.org', 'US'),
  c('Olivia Bennett', 'olivia.bennett@example.com', 'US'),
  c('Daniel Reyes', 'daniel.reyes@example.com', 'US'),
  c('Hannah Schultz', 'hannah.schultz@example.net', 'US'),
  c('Chris Walker', 'chris.walker@example.com', 'US'),
  c("Megan O'Connor", 'megan.oconnor@example.com', 'US'),
  c('Tyler Morgan', 'tyler.morgan@example.org', 'US'),
  c('Rachel Kim', 'rachel.kim@example.com', 'US'),
  c('Ben Foster', 'ben.foster@example.net', 'US'),
  c('Jessica Nguyen', 'jessica.nguyen@example.com', 'US'),
  c('David Park', 'david.park@example.com', 'US'),
  c('Amanda Scott', 'amanda.scott@example.org', 'US'),
  c('Kevin Murphy', 'kevin.murphy@example.com', 'US'),
  c('Natalie Price', 'natalie.price@example.net', 'US'),
  c('Sam Turner', 'sam.turner@example.com', 'US'),
  c('Chloe Martin', 'chloe.martin@example.co.uk', 'GB'),
  c('Ryan Cooper', 'ryan.cooper@example.co.uk', 'GB'),
  c('Laura Fischer', 'laura.fischer@example.de', 'DE'),
  c('Tom Becker', 'tom.becker@example.de', 'DE'),
];

/** People who write from an email address alone (no name given). */
export const EMAIL_ONLY_ADDRESSES: Array<{ email: string; country: Country }> = [
  { email: 'trailrunner84@example.net', country: 'US' },
  { email: 'fjellgeit@example.com', country: 'NO' },
  { email: 'orders@cabin-rentals.example', country: 'NO' },
  { email: 'j.w.hiker@example.org', country: 'GB' },
  { email: 'snowbird.mn@example.com', country: 'US' },
  { email: 'kontakt@turlaget.example', country: 'NO' },
  { email: 'purchasing@alpineclub.example', country: 'SE' },
];

export const firstName = (name: string) => name.split(' ')[0];

export function customerByEmail(email: string): DemoCustomer {
  const customer = DEMO_CUSTOMERS.find((x) => x.email === email);
  if (!customer) throw new Error(`no demo customer ${email}`);
  return customer;
}
