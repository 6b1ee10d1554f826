import { expect } from 'vitest';
import { DEMO_FACTS } from '../../src/seed/seed-demo-shop.ts';
import type { ToolStep } from './agent-expect.ts';
import type { Turn } from './agent-harness.ts';

// The customers, the model's fixed questions and the tool-step builders the dialogues in
// agent-dialogues-shop.ts and agent-dialogues-help.ts are written with.

export const INGRID = DEMO_FACTS.customerWithOrder.email; // owns #1004
export const EMILY = 'emily.carter@example.com'; // owns #1002, #1009, #1042
export const LARS = 'lars.hansen@example.com'; // owns #1010, #1015, #1050

export const ASK_BOTH_EN =
  'What is your order number (like #1004) and the email address you used for the order?';
export const ASK_EMAIL_EN = 'Which email address did you use for the order?';
export const ASK_NUMBER_EN = 'What is the order number (like #1004)?';
export const ASK_BOTH_NO =
  'Hva er ordrenummeret (for eksempel #1004) og e-postadressen du brukte på bestillingen?';
export const ASK_EMAIL_NO = 'Hvilken e-postadresse brukte du på bestillingen?';

export const lookup = (orderNumber: string, email: string, output?: unknown): ToolStep => ({
  tool: 'lookupOrder',
  input: { orderNumber, email },
  ...(output ? { output } : {}),
});
export const products = (query: string): ToolStep => ({ tool: 'searchProducts', input: { query } });
export const policies = (query: string): ToolStep => ({ tool: 'searchPolicies', input: { query } });
export const ticket = (reason: string): ToolStep => ({
  tool: 'createTicket',
  input: {
    reason,
    category: expect.any(String),
    priority: expect.stringMatching(/^(low|medium|high|urgent)$/),
    summary: expect.any(String),
  },
});
export const resolve: ToolStep = { tool: 'markResolved', input: {}, output: { resolved: true } };

/** The first policy the search found is of this kind. */
export const firstPolicy = (kind: string) => (turn: Turn) => {
  const found = turn.results[0].output.policies as Array<{ kind: string }>;
  expect(found[0]?.kind).toBe(kind);
};
/** The product search found these titles first, in stock or not. */
export const firstProduct = (title: string, inStock: boolean) => (turn: Turn) => {
  const found = turn.results[0].output.products as Array<{ title: string; inStock: boolean }>;
  expect(found[0]).toMatchObject({ title, inStock });
};
