import {
  categorize,
  classifyIntent,
  extractBareNumber,
  extractEmail,
  extractOrderNumber,
  policyQuery,
  prioritize,
  productQuery,
} from './intents.ts';
import { conversationLanguage } from './language.ts';
import * as replies from './replies.ts';

/** The conversation as the offline model reads it from the prompt. */
export type Turn =
  | { role: 'user'; text: string }
  | {
      role: 'assistant';
      text: string;
      toolCalls: Array<{ toolName: string; input: Record<string, unknown> }>;
    }
  | { role: 'tool'; results: Array<{ toolName: string; output: Record<string, unknown> }> };

export type Decision =
  | { kind: 'text'; text: string }
  | { kind: 'tool-call'; toolName: string; input: Record<string, unknown> };

// Our own questions for order details (replies.askForOrderDetails), not a policy text that mentions them.
// After "not found" the customer may correct either.
const ASKED_FOR_NUMBER =
  /what is (?:your|the) order number|hva er ordrenummeret|check both and try again|sjekk begge og prøv igjen/i;
const ASKED_FOR_EMAIL =
  /which email address|what is your order number .* email address|hvilken e-postadresse|og e-postadressen|check both and try again|sjekk begge og prøv igjen/i;

// Our offers to bring in a person (replies.cannotHelp, the policy "not found" answer).
const OFFERED_PERSON =
  /pass it on to a person|ask a person from our team|sende det videre til en av oss|spørre en av oss/i;

/**
 * The order number and email the customer has given so far, the latest of each. A number on its own
 * ("1004") counts as the order number when it answers our question for one.
 */
export function orderDetails(turns: Turn[]): { orderNumber: string | null; email: string | null } {
  let orderNumber: string | null = null;
  let email: string | null = null;
  let asked = '';
  for (const turn of turns) {
    if (turn.role === 'assistant' && turn.text) asked = turn.text;
    if (turn.role !== 'user') continue;
    const number =
      extractOrderNumber(turn.text) ?? (ASKED_FOR_NUMBER.test(asked) ? extractBareNumber(turn.text) : null);
    orderNumber = number ?? orderNumber;
    email = extractEmail(turn.text) ?? email;
    asked = '';
  }
  return { orderNumber, email };
}

/** What the offline model does next: answer a tool result, call a tool, or say something. */
export function decide(
  turns: Turn[],
  availableTools: Set<string>,
  fallbackMode: boolean,
  verifiedSender = false,
): Decision {
  const userTexts = turns.filter((t) => t.role === 'user').map((t) => t.text);
  const lastUser = userTexts.at(-1) ?? '';
  // The latest message decides the language, unless it is only an order number or an email.
  const lang = conversationLanguage(userTexts);
  const last = turns.at(-1);

  if (last?.role === 'tool') {
    const call = [...turns].reverse().find((t) => t.role === 'assistant' && t.toolCalls.length > 0);
    const result = last.results[0];
    const input = call?.role === 'assistant' ? (call.toolCalls[0]?.input ?? {}) : {};
    return {
      kind: 'text',
      text: replies.afterTool(result?.toolName ?? '', result?.output ?? {}, input, lang),
    };
  }

  const ticket = (reason: string): Decision =>
    availableTools.has('createTicket')
      ? {
          kind: 'tool-call',
          toolName: 'createTicket',
          input: {
            reason,
            category: categorize(userTexts.slice(-2).join(' ')),
            priority: prioritize(userTexts.slice(-3).join(' ')),
            summary: lastUser.replace(/\s+/g, ' ').slice(0, 300) || 'Customer needs help',
          },
        }
      : { kind: 'text', text: replies.cannotHelp(lang) };
  const callTool = (toolName: string, input: Record<string, unknown>): Decision =>
    availableTools.has(toolName) ? { kind: 'tool-call', toolName, input } : ticket('ai_unable_to_solve');

  if (fallbackMode) return ticket('fallback_mode');

  let intent = classifyIntent(lastUser);
  // Answering our question for an order number or email continues the order lookup.
  const previous = turns.at(-2);
  const askedNow = previous?.role === 'assistant' ? previous.text : '';
  const continuesOrder =
    (ASKED_FOR_NUMBER.test(askedNow) && (extractOrderNumber(lastUser) || extractBareNumber(lastUser))) ||
    (ASKED_FOR_EMAIL.test(askedNow) && extractEmail(lastUser));
  if (continuesOrder && intent !== 'human') intent = 'order';

  switch (intent) {
    case 'human':
      return ticket('customer_requested_human');
    case 'resolved':
      return callTool('markResolved', {});
    case 'thanks':
      return { kind: 'text', text: replies.thanks(lang) };
    case 'greeting':
      return { kind: 'text', text: replies.greeting(lang) };
    case 'yes':
    case 'ack':
      // "Yes" or "ok" to our offer of a person asks for one; otherwise we ask what it is about.
      if (OFFERED_PERSON.test(askedNow)) return ticket('customer_requested_human');
      return { kind: 'text', text: intent === 'yes' ? replies.whatElse(lang) : replies.anythingElse(lang) };
    case 'order': {
      // The customer may give the number and the email over several messages.
      const { orderNumber, email } = orderDetails(turns);
      // A verified email sender needs no email: the tool uses the authenticated From address.
      const needsEmail = !email && !verifiedSender;
      if (!orderNumber || needsEmail) {
        return {
          kind: 'text',
          text: replies.askForOrderDetails(lang, { orderNumber: !orderNumber, email: needsEmail }),
        };
      }
      return callTool('lookupOrder', email ? { orderNumber, email } : { orderNumber });
    }
    case 'policy':
      return callTool('searchPolicies', { query: policyQuery(lastUser) });
    case 'product':
      return callTool('searchProducts', { query: productQuery(lastUser) });
    default:
      return ticket('ai_unable_to_solve');
  }
}
