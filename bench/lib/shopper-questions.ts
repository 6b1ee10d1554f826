/** What benchmark shoppers ask: the offline model answers each without a ticket (greetings, products, policies, orders). */
export const SHOPPER_QUESTIONS = [
  'Hi there',
  'Do you have wool sweaters?',
  'What is your return policy?',
  'How long does shipping to Sweden take?',
  'Can I pay with Klarna?',
  'Do you have waterproof boots?',
  'Where is my order #1004? my email is ingrid.johansen@example.com',
  'Is the Nordkapp Beanie in stock?',
  'Thanks!',
];
