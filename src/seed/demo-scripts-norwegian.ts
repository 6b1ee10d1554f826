/** Conversation scripts for customers who write in Norwegian; the assistant answers in Norwegian. */
import { productByHandle, productUrl } from './demo-catalog.ts';
import type { DemoOrder } from './demo-orders.ts';
import {
  carrierName,
  createTicket,
  first,
  itemList,
  lookupOrder,
  type Script,
  type ScriptContext,
  searchPolicies,
  searchProducts,
  TICKET,
  type Turn,
  usd,
} from './demo-tools.ts';

const navn = (ctx: ScriptContext) => (ctx.customer ? `, ${first(ctx)}` : '');

function statusSvar(order: DemoOrder): string {
  const items = itemList(order);
  if (order.fulfillmentStatus === 'fulfilled') {
    return `Bestilling ${order.name} (${items}) er sendt med ${carrierName(order)}. Sporingsnummeret er ${order.trackingNumber}, og du kan følge pakken her: ${order.trackingUrl}. Levering tar vanligvis 1–3 virkedager i Norge og 2–4 virkedager i resten av Norden.`;
  }
  if (order.fulfillmentStatus === 'partial') {
    return `Bestilling ${order.name} er delvis sendt: den første pakken er på vei med ${carrierName(order)} (sporing: ${order.trackingUrl}). Resten sendes i en egen pakke så snart varen er tilbake på lager, uten ekstra fraktkostnad.`;
  }
  if (order.financialStatus === 'pending') {
    return `Jeg ser bestilling ${order.name} (${items}, ${usd(order.totalCents)}). Betalingen står fortsatt som «venter», som er helt normalt med Klarna en liten stund etter kjøpet. Så snart den er bekreftet, blir ordren pakket og du får e-post med sporingslenke.`;
  }
  return `Bestilling ${order.name} (${items}) er bekreftet og betalt, og blir nå pakket på lageret vårt i Oslo. Bestillinger lagt inn før kl. 13 sendes samme virkedag, og du får en e-post med sporingslenke når pakken er sendt.`;
}

export function ordreStatus(ctx: ScriptContext): Script | null {
  const order = ctx.orders.find((o) => o.financialStatus !== 'refunded');
  if (!order || !ctx.email) return null;
  return {
    topic: 'order-status',
    subject: `Hvor er bestillingen min? (${order.name})`,
    turns: [
      {
        role: 'customer',
        text: ctx.rng.pick([
          `Hei! Hvor er bestillingen min? Ordrenummer ${order.name}, e-post ${ctx.email}`,
          `Hei, jeg har ikke fått pakken min ennå. Ordre ${order.name}, ${ctx.email}. Når kommer den?`,
          `Lurer på når ${order.name} blir sendt? Mvh ${ctx.customer?.name ?? ctx.email}`,
        ]),
      },
      {
        role: 'ai',
        pre: 'Et øyeblikk, jeg sjekker bestillingen din.',
        tools: [lookupOrder(ctx, order.name, ctx.email)],
        text: statusSvar(order),
      },
    ],
  };
}

export function retur(ctx: ScriptContext): Script | null {
  const order = ctx.orders.find((o) => o.fulfillmentStatus === 'fulfilled' && o.financialStatus === 'paid');
  if (!order || !ctx.email) return null;
  const item = order.lineItems[0].title;
  const ticket = { category: 'Return request', priority: 'low', reason: 'ai_unable_to_solve' } as const;
  return {
    topic: 'return',
    subject: `Retur av ${item}`,
    ticket,
    turns: [
      {
        role: 'customer',
        text: `Hei, jeg vil gjerne returnere ${item} fra ordre ${order.name}. Den er dessverre for stor. E-posten min er ${ctx.email}.`,
      },
      {
        role: 'ai',
        pre: 'Selvfølgelig! Jeg sjekker bestillingen og returvilkårene våre.',
        tools: [
          lookupOrder(ctx, order.name, ctx.email),
          searchPolicies('retur', [
            ['returns', 0],
            ['returns', 2],
          ]),
          createTicket(ticket, `Retur av ${item} fra ordre ${order.name} (for stor). Trenger returetikett.`),
        ],
        text: `Ubrukte varer med lappen på kan returneres innen 30 dager etter levering, og retur er gratis i Norge. Jeg har opprettet sak #${TICKET}, og du får en forhåndsbetalt returetikett til ${ctx.email} innen én virkedag. Pengene tilbakebetales innen 5 virkedager etter at pakken er mottatt på lageret vårt.`,
      },
      { role: 'customer', text: 'Kan jeg heller bytte til en mindre størrelse?' },
      {
        role: 'ai',
        text: 'Ja, det går fint! Bytte er gratis én gang per ordre. Jeg har lagt til en merknad i saken om at du ønsker en mindre størrelse, så reserverer teamet den for deg så snart returen er registrert.',
      },
    ],
    staff: {
      reply: `Hei${navn(ctx)}! Returetiketten er sendt på e-post, og vi har reservert en mindre størrelse til deg.`,
      resolution: 'Vi har mottatt returen, og den nye størrelsen er sendt i dag. Ha en fin dag!',
    },
  };
}

export function vipps(ctx: ScriptContext): Script {
  return {
    topic: 'payment',
    subject: 'Betaling med Vipps',
    turns: [
      {
        role: 'customer',
        text: ctx.rng.pick(['Kan jeg betale med Vipps?', 'Hei! Tar dere Vipps? Og må jeg betale i dollar?']),
      },
      {
        role: 'ai',
        tools: [
          searchPolicies('vipps', [
            ['payment', 0],
            ['payment', 2],
          ]),
        ],
        text: 'Ja, Vipps fungerer fint for kunder i Norge! Beløpet reserveres når du bestiller og trekkes først når ordren sendes. Prisene vises i dollar, men du betaler i kroner – omregningen skjer automatisk i kassen.',
      },
    ],
  };
}

export function storrelse(ctx: ScriptContext): Script {
  const sweater = productByHandle('hardanger-wool-sweater');
  const turns: Turn[] = [
    {
      role: 'customer',
      text: `Hvilken størrelse bør jeg ta i Hardanger-genseren? Jeg er ${ctx.rng.pick(['168', '175', '181'])} cm og bruker vanligvis M.`,
    },
    {
      role: 'ai',
      tools: [searchProducts('hardanger genser', [sweater])],
      text: `Hardanger Wool Sweater har en romslig passform, og de fleste tar sin vanlige størrelse – altså M for deg. Vil du ha den tettsittende, kan du gå ned til S. Her er den: ${productUrl(sweater)} (${usd(sweater.priceCents)}). Bytte av størrelse er gratis én gang per ordre.`,
    },
    { role: 'customer', text: 'Klør den? Jeg er litt sensitiv for ull.' },
    {
      role: 'ai',
      text: 'Den er strikket i tradisjonell norsk ull, som er varm og slitesterk, men kan kjennes litt ru mot veldig sensitiv hud. Mange bruker en tynn ulltrøye i merino under, for eksempel Fjord Merino Base Layer Crew, som er veldig myk.',
    },
  ];
  return { topic: 'sizing', subject: 'Størrelse på genser', turns };
}

export function frakt(ctx: ScriptContext): Script {
  const sted = ctx.rng.pick(['Tromsø', 'Bergen', 'Bodø', 'Kristiansand', 'Ålesund']);
  return {
    topic: 'shipping',
    subject: `Frakt til ${sted}`,
    turns: [
      { role: 'customer', text: `Hvor lang tid tar frakten til ${sted}? Trenger jakken før påske.` },
      {
        role: 'ai',
        tools: [
          searchPolicies('frakt norge leveringstid', [
            ['shipping', 0],
            ['shipping', 2],
          ]),
        ],
        text: `Vi sender fra lageret vårt i Oslo, og levering til ${sted} tar vanligvis 1–3 virkedager med Posten/Bring. Bestillinger før kl. 13 sendes samme dag. Ekspressfrakt (1–2 dager) koster $24.95, og standardfrakt er gratis over $75.`,
      },
    ],
  };
}

export function menneske(ctx: ScriptContext): Script | null {
  if (!ctx.email) return null;
  const ticket = { category: 'Other', priority: 'medium', reason: 'customer_requested_human' } as const;
  return {
    topic: 'human',
    subject: 'Vil snakke med en person',
    ticket,
    turns: [
      { role: 'customer', text: 'Kan jeg få snakke med et menneske?' },
      { role: 'ai', text: 'Selvfølgelig! Hva gjelder det, så kundeservice kan hjelpe deg raskt?' },
      {
        role: 'customer',
        text: 'Jeg vil bestille 12 gensere til et firmaarrangement og lurer på om vi kan få faktura og rabatt.',
      },
      {
        role: 'ai',
        tools: [
          createTicket(
            ticket,
            'Bedriftsbestilling: 12 gensere til firmaarrangement, ønsker faktura og rabatt.',
          ),
        ],
        text: `Takk${navn(ctx)}! Jeg har opprettet sak #${TICKET}, og en av oss tar kontakt på ${ctx.email} innen én virkedag (man–fre, 08–16).`,
      },
    ],
    staff: {
      reply: `Hei${navn(ctx)}! Kari her fra Nordic Threads. Så hyggelig! Vi kan gi 15 % rabatt på 10 eller flere gensere og sende faktura med 14 dagers betalingsfrist.`,
      resolution: 'Bestillingen er registrert og fakturaen er sendt. Tusen takk for handelen!',
    },
  };
}

export function refusjon(ctx: ScriptContext): Script | null {
  const order = ctx.orders.find((o) => o.financialStatus === 'refunded');
  if (!order || !ctx.email) return null;
  return {
    topic: 'refund-status',
    subject: `Refusjon for ${order.name}`,
    turns: [
      {
        role: 'customer',
        text: `Hei. Jeg sendte tilbake ${order.lineItems[0].title} (ordre ${order.name}) for to uker siden, men har ikke fått pengene tilbake. ${ctx.email}`,
      },
      {
        role: 'ai',
        pre: 'Jeg sjekker ordren og refusjonen for deg.',
        tools: [lookupOrder(ctx, order.name, ctx.email), searchPolicies('refusjon', [['returns', 2]])],
        text: `Refusjonen for ordre ${order.name} er gjennomført: hele beløpet på ${usd(order.totalCents)} er sendt tilbake til den opprinnelige betalingsmåten. Vipps- og Klarna-refusjoner dukker som regel opp innen 2–3 dager, mens kortrefusjoner kan ta opptil 10 dager avhengig av banken.`,
      },
      { role: 'customer', text: 'Ah, jeg betalte med kort. Da venter jeg litt til. Takk!' },
    ],
  };
}

/** The closing exchange in Norwegian: thanks, and the assistant marks the conversation resolved. */
export const NORWEGIAN_CLOSINGS: Array<[string, string]> = [
  ['Tusen takk for hjelpen!', 'Bare hyggelig! Ha en fin dag, og god tur i fjellet 🏔️'],
  ['Supert, takk!', 'Så bra! Bare ta kontakt hvis det er noe mer.'],
  ['Takk, det var det jeg lurte på.', 'Bare hyggelig! Ha en fin dag.'],
];
