import {
  ASK_BOTH_EN,
  ASK_BOTH_NO,
  ASK_EMAIL_EN,
  ASK_EMAIL_NO,
  ASK_NUMBER_EN,
  EMILY,
  firstPolicy,
  firstProduct,
  INGRID,
  LARS,
  lookup,
  policies,
  products,
} from './agent-dialogue-steps.ts';
import { type Dialogue, NOT_FOUND_OUTPUT } from './agent-expect.ts';

// Dialogues of agent-dialogues.test.ts, part one: greetings and thanks, order status, products.

export const SHOP_DIALOGUES: Dialogue[] = [
  // Greetings and thanks: answered without a tool.
  {
    name: 'EN greeting',
    turns: [{ say: 'Hi there!', tools: [], text: ['Hi! How can I help you today?'] }],
  },
  {
    name: 'EN greeting with a question to come, then thanks',
    turns: [
      { say: 'Hello, I have a question', tools: [], text: ['How can I help you today?'] },
      { say: 'Thank you so much!', tools: [], text: ["You're welcome!"] },
    ],
  },
  {
    name: 'NO greeting and thanks',
    turns: [
      { say: 'Hei!', tools: [], text: ['Hei! Hva kan jeg hjelpe deg med i dag?'] },
      { say: 'Tusen takk for hjelpen!', tools: [], text: ['Bare hyggelig!'] },
    ],
  },
  {
    name: 'EN "Hello? Anyone there?" is a greeting, not a problem',
    turns: [{ say: 'Hello? Anyone there?', tools: [], text: ['Hi! How can I help you today?'] }],
  },
  {
    name: 'EN policy answered, then a plain "ok"',
    turns: [
      {
        say: "What's your return policy?",
        tools: [policies("What's your return policy?")],
        text: ['within 30 days of delivery'],
        check: firstPolicy('returns'),
      },
      { say: 'ok', tools: [], text: ['Is there anything else I can help you with?'] },
    ],
  },
  // Order status.
  {
    name: 'EN order number and email in one message',
    turns: [
      {
        say: `Hi, where is my order #1004? My email is ${INGRID}`,
        tools: [lookup('#1004', INGRID)],
        found: { order: '#1004', lang: 'en' },
        text: ['Order #1004: paid, shipped. Total $204.00.'],
      },
    ],
  },
  {
    name: 'EN order details over three messages: the model asks for what is missing',
    turns: [
      { say: 'Where is my order?', tools: [], text: [ASK_BOTH_EN] },
      { say: '#1004', tools: [], text: [ASK_EMAIL_EN] },
      { say: INGRID, tools: [lookup('#1004', INGRID)], found: { order: '#1004', lang: 'en' } },
    ],
  },
  {
    name: 'EN order details over two messages (number first)',
    turns: [
      { say: 'Has order #1009 shipped yet?', tools: [], text: [ASK_EMAIL_EN] },
      { say: `It's ${EMILY}`, tools: [lookup('#1009', EMILY)], found: { order: '#1009', lang: 'en' } },
    ],
  },
  {
    name: 'EN email first, then the order number on its own',
    turns: [
      { say: 'I want to check on my order', tools: [], text: [ASK_BOTH_EN] },
      { say: `my email is ${INGRID}`, tools: [], text: [ASK_NUMBER_EN] },
      { say: '1004', tools: [lookup('#1004', INGRID)], found: { order: '#1004', lang: 'en' } },
    ],
  },
  {
    name: 'EN mixed-case email and a spaced order number still match',
    turns: [
      {
        say: 'Status of ORDER # 1004 please, Ingrid.Johansen@Example.com',
        tools: [lookup('#1004', 'Ingrid.Johansen@Example.com')],
        found: { order: '#1004', lang: 'en' },
      },
    ],
  },
  {
    name: 'NO order number and email in one message',
    turns: [
      {
        say: `Hei! Hvor er pakken min? Ordre #1004, e-post ${INGRID}`,
        tools: [lookup('#1004', INGRID)],
        found: { order: '#1004', lang: 'no' },
        text: ['Bestilling #1004: betalt, sendt.', 'Sporingsnummer: 70730133227085006'],
      },
    ],
  },
  {
    name: 'NO order details over three messages; an email-only reply keeps Norwegian',
    turns: [
      { say: 'Når kommer bestillingen min?', tools: [], text: [ASK_BOTH_NO] },
      { say: 'Det er #1050', tools: [], text: [ASK_EMAIL_NO] },
      {
        say: LARS,
        tools: [lookup('#1050', LARS)],
        found: { order: '#1050', lang: 'no' },
        text: ['Bestilling #1050: betalt, ikke sendt ennå.'],
      },
    ],
  },
  {
    name: 'EN wrong email: the not-found answer, then the right email finds it',
    turns: [
      {
        say: 'Where is my order #1004? email wrong.person@example.com',
        tools: [lookup('#1004', 'wrong.person@example.com', NOT_FOUND_OUTPUT)],
        notFound: { order: '#1004', lang: 'en' },
      },
      {
        say: `Sorry, it is ${INGRID}`,
        tools: [lookup('#1004', INGRID)],
        found: { order: '#1004', lang: 'en' },
      },
    ],
  },
  {
    name: 'EN unknown order number',
    turns: [
      {
        say: `Where is order #9999? My email is ${INGRID}`,
        tools: [lookup('#9999', INGRID, NOT_FOUND_OUTPUT)],
        notFound: { order: '#1004', lang: 'en' },
      },
    ],
  },
  {
    name: "EN another customer's order number with my email",
    turns: [
      {
        say: `Can you check order #1002 for me? My email is ${INGRID}`,
        tools: [lookup('#1002', INGRID, NOT_FOUND_OUTPUT)],
        notFound: { order: '#1002', lang: 'en' },
      },
    ],
  },
  {
    name: "EN my order number with another customer's email",
    turns: [
      {
        say: `Order #1004, email ${EMILY}`,
        tools: [lookup('#1004', EMILY, NOT_FOUND_OUTPUT)],
        notFound: { order: '#1004', lang: 'en' },
      },
    ],
  },
  {
    name: "NO another customer's order, then an unknown one: the same answer",
    turns: [
      {
        say: `Hvor er ordre #1009? E-posten min er ${INGRID}`,
        tools: [lookup('#1009', INGRID, NOT_FOUND_OUTPUT)],
        notFound: { order: '#1009', lang: 'no' },
      },
      {
        say: 'Beklager, jeg mente ordre #1099',
        tools: [lookup('#1099', INGRID, NOT_FOUND_OUTPUT)],
        notFound: { order: '#1004', lang: 'no' },
      },
    ],
  },
  // Products.
  {
    name: 'EN wool sweater',
    turns: [
      {
        say: 'Do you have a wool sweater?',
        tools: [products('wool sweater')],
        text: ['Here is what I found:', '• Hardanger Wool Sweater — $169.00 (in stock)'],
        check: firstProduct('Hardanger Wool Sweater', true),
      },
    ],
  },
  {
    name: 'EN boots (sold out)',
    turns: [
      {
        say: 'Do you sell boots?',
        tools: [products('boots')],
        text: ['• Finnmark Thermal Boots — $229.00 (sold out)'],
        check: firstProduct('Finnmark Thermal Boots', false),
      },
    ],
  },
  {
    name: 'EN out-of-stock item by name',
    turns: [
      {
        say: 'Is the Setesdal cardigan in stock?',
        tools: [products('setesdal cardigan')],
        text: ['• Setesdal Cardigan — $199.00 (sold out)'],
        check: firstProduct('Setesdal Cardigan', false),
      },
    ],
  },
  {
    name: 'EN nothing matching',
    turns: [
      {
        say: 'Do you have any surfboards?',
        tools: [{ tool: 'searchProducts', input: { query: 'surfboards' }, output: { products: [] } }],
        text: ["I couldn't find any products matching that."],
      },
    ],
  },
  {
    name: 'NO wool sweaters (Norwegian plural, searched in English)',
    turns: [
      {
        say: 'Har dere ullgensere?',
        tools: [products('wool sweater')],
        text: ['Dette fant jeg:', 'Hardanger Wool Sweater', '(på lager)'],
        check: firstProduct('Hardanger Wool Sweater', true),
      },
    ],
  },
  {
    name: 'NO winter boots (sold out) and mittens',
    turns: [
      {
        say: 'Selger dere vinterstøvler?',
        tools: [products('boots')],
        text: ['Finnmark Thermal Boots', '(utsolgt)'],
        check: firstProduct('Finnmark Thermal Boots', false),
      },
      {
        say: 'Har dere votter på lager?',
        tools: [products('mittens')],
        text: ['Svalbard Expedition Mittens', '(på lager)'],
      },
    ],
  },
  {
    name: 'NO price of a product named in Norwegian',
    turns: [
      {
        say: 'Hva koster Lofoten-parkasen?',
        tools: [products('lofoten-parkasen')],
        text: ['Lofoten Insulated Parka'],
        check: firstProduct('Lofoten Insulated Parka', true),
      },
    ],
  },
  {
    name: 'NO nothing matching',
    turns: [
      {
        say: 'Har dere surfebrett?',
        tools: [{ tool: 'searchProducts', input: { query: 'surfebrett' }, output: { products: [] } }],
        text: ['Jeg fant ingen produkter som passer.'],
      },
    ],
  },
];
