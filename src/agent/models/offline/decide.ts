import {
  categorize,
  classifyIntent,
  extractEmail,
  extractOrderNumber,
  prioritize,
  productQuery,
} from './intents.ts';
import { detectLanguage } from './language.ts';
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

const ASKED_FOR_ORDER = /order number|email address|ordrenummer|e-postadresse/i;

/** What the offline model does next: answer a tool result, call a tool, or say something. */
export function decide(turns: Turn[], availableTools: Set<string>, fallbackMode: boolean): Decision {
  const userTexts = turns.filter((t) => t.role === 'user').map((t) => t.text);
  const lastUser = userTexts.at(-1) ?? '';
  // The latest message decides the language, unless it is only an order number or an email.
  const wordy = [...userTexts].reverse().find((t) => (t.match(/\p{L}{2,}/gu)?.length ?? 0) >= 2) ?? lastUser;
  const lang = detectLanguage(wordy.replace(/\S+@\S+/g, ''));
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
  const previous = [...turns].reverse().find((t) => t.role === 'assistant' && t.text);
  const continuesOrder =
    previous?.role === 'assistant' &&
    ASKED_FOR_ORDER.test(previous.text) &&
    (extractOrderNumber(lastUser) || extractEmail(lastUser));
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
    case 'order': {
      // The customer may give the number and the email over several messages.
      const orderNumber = extractOrderNumber(userTexts.join('\n'));
      const email = extractEmail(userTexts.join('\n'));
      if (!orderNumber || !email) {
        return {
          kind: 'text',
          text: replies.askForOrderDetails(lang, { orderNumber: !orderNumber, email: !email }),
        };
      }
      return callTool('lookupOrder', { orderNumber, email });
    }
    case 'policy':
      return callTool('searchPolicies', { query: lastUser.slice(0, 200) });
    case 'product':
      return callTool('searchProducts', { query: productQuery(lastUser) });
    default:
      return ticket('ai_unable_to_solve');
  }
}
