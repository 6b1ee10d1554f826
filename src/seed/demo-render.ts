/** Turns a script into stored messages: message parts, email formatting and realistic gaps between messages. */
import type { ChannelType, MessagePart, MessageRole } from '../db/schema/index.ts';
import { NORWEGIAN_CLOSINGS } from './demo-scripts-norwegian.ts';
import { markResolved, TICKET, type ToolUse, type Turn } from './demo-tools.ts';
import { HOUR, MINUTE, type Rng, SECOND } from './random.ts';

/** A message at `at` ms (an offset until the conversation is placed in time). */
export type TimedMessage = { role: MessageRole; parts: MessagePart[]; at: number };

export type RenderOptions = {
  rng: Rng;
  channel: ChannelType;
  /** The channel waits for staff to approve AI replies (Gmail in draft mode). */
  draftMode: boolean;
  norwegian: boolean;
  customerName: string | null;
};

const EMAIL_CHANNELS: ChannelType[] = ['gmail', 'outlook', 'email'];
export const isEmailChannel = (channel: ChannelType) => EMAIL_CHANNELS.includes(channel);

const between = (rng: Rng, min: number, max: number) => Math.round(min + rng.next() * (max - min));

/** How long after a `from` message the next `to` message arrives. */
export function gap(o: RenderOptions, from: MessageRole, to: MessageRole, withTools = false): number {
  const { rng } = o;
  if (to === 'system') return between(rng, 1 * SECOND, 3 * SECOND);
  if (isEmailChannel(o.channel)) {
    if (to === 'ai')
      return o.draftMode ? between(rng, 20 * MINUTE, 4 * HOUR) : between(rng, 40 * SECOND, 150 * SECOND);
    if (to === 'staff') return between(rng, 1 * HOUR, 18 * HOUR);
    return from === 'staff' ? between(rng, 1 * HOUR, 8 * HOUR) : between(rng, 25 * MINUTE, 7 * HOUR);
  }
  if (to === 'ai')
    return between(rng, 2 * SECOND, 8 * SECOND) + (withTools ? between(rng, 2 * SECOND, 6 * SECOND) : 0);
  if (to === 'staff') return between(rng, 20 * MINUTE, 5 * HOUR);
  return from === 'staff' ? between(rng, 3 * MINUTE, 90 * MINUTE) : between(rng, 15 * SECOND, 150 * SECOND);
}

const firstName = (o: RenderOptions) => o.customerName?.split(' ')[0] ?? null;

function formatCustomer(o: RenderOptions, text: string, firstMessage: boolean): string {
  if (!isEmailChannel(o.channel)) return text;
  const name = firstName(o);
  if (!firstMessage) return name ? `${text}\n\n${name}` : text;
  // The email gets its own greeting, so a chat-style "Hi!" at the start goes.
  const body = text.replace(/^(hi|hello|hey|hei)\b[!,.]?\s*/i, '');
  text = body.charAt(0).toUpperCase() + body.slice(1);
  const greeting = o.norwegian ? 'Hei,' : o.rng.pick(['Hi,', 'Hello,', 'Hi there,']);
  const signOff = o.norwegian ? 'Mvh' : o.rng.pick(['Best regards,', 'Thanks,', 'Kind regards,', 'Cheers,']);
  return `${greeting}\n\n${text}\n\n${signOff}${o.customerName ? `\n${o.customerName}` : ''}`;
}

/** The AI's reply, as an email when the conversation is one. Also the body of a draft. */
export function formatAi(o: RenderOptions, text: string): string {
  if (!isEmailChannel(o.channel)) return text;
  const name = firstName(o);
  if (o.norwegian)
    return `Hei${name ? ` ${name}` : ''},\n\n${text}\n\nVennlig hilsen\nNordic Threads kundeservice`;
  return `Hi${name ? ` ${name}` : ''},\n\n${text}\n\nBest regards,\nNordic Threads Customer Care`;
}

function formatStaff(o: RenderOptions, text: string): string {
  if (!isEmailChannel(o.channel)) return text;
  return `${text}\n\n${o.norwegian ? 'Vennlig hilsen' : 'Best,'}\nKari Nilsen\nNordic Threads Customer Care`;
}

const textPart = (text: string): MessagePart => ({ type: 'text', text });

/** The tool-call parts and their matching tool-result parts. */
export function toolParts(rng: Rng, tools: ToolUse[]): { calls: MessagePart[]; results: MessagePart[] } {
  const calls: MessagePart[] = [];
  const results: MessagePart[] = [];
  for (const tool of tools) {
    const toolCallId = `call_${rng.token(24, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}`;
    calls.push({ type: 'tool-call', toolCallId, toolName: tool.name, input: tool.input });
    results.push({ type: 'tool-result', toolCallId, toolName: tool.name, output: tool.output });
  }
  return { calls, results };
}

/**
 * One turn as messages at time `at`. An AI turn with tools becomes [pre?, tool-call…, tool-result…, answer]; in chats
 * it is sometimes split in two messages (the call, then the result and the answer), as a streaming assistant stores them.
 * `followUp`: an earlier customer message exists (emails after the first are not greeted again).
 */
export function renderTurn(o: RenderOptions, turn: Turn, at: number, followUp: boolean): TimedMessage[] {
  if (turn.role === 'customer') {
    return [{ role: 'customer', parts: [textPart(formatCustomer(o, turn.text, !followUp))], at }];
  }
  if (turn.role === 'staff') return [{ role: 'staff', parts: [textPart(formatStaff(o, turn.text))], at }];
  if (turn.role === 'system') return [{ role: 'system', parts: [textPart(turn.text)], at }];
  const { calls, results } = toolParts(o.rng, turn.tools ?? []);
  const answer = textPart(formatAi(o, turn.text));
  const pre = !isEmailChannel(o.channel) && turn.pre ? [textPart(turn.pre)] : [];
  if (calls.length > 0 && pre.length > 0 && o.rng.chance(0.35)) {
    return [
      { role: 'ai', parts: [...pre, ...calls], at },
      { role: 'ai', parts: [...results, answer], at: at + between(o.rng, 1 * SECOND, 5 * SECOND) },
    ];
  }
  return [{ role: 'ai', parts: [...pre, ...calls, ...results, answer], at }];
}

/** Renders turns one after another from time `t0`, with realistic pauses between them. */
export function renderTurns(o: RenderOptions, turns: Turn[], t0 = 0): TimedMessage[] {
  const out: TimedMessage[] = [];
  let followUp = false;
  for (const turn of turns) {
    const prev = out[out.length - 1];
    const withTools = turn.role === 'ai' && (turn.tools?.length ?? 0) > 0;
    const at = prev ? prev.at + gap(o, prev.role, turn.role, withTools) : t0;
    out.push(...renderTurn(o, turn, at, followUp));
    if (turn.role === 'customer') followUp = true;
  }
  return out;
}

const THANKS = [
  'Perfect, thanks!',
  'Great, thank you so much!',
  "That's all I needed, thanks 🙂",
  'Thanks for the help!',
  'Awesome, thanks a lot.',
  'Ok great. Thank you!',
];

const WELCOME = [
  "You're welcome! Have a great day — and enjoy the outdoors.",
  "Happy to help! I'll close this chat, but you can write again anytime.",
  'Glad I could help! Have a lovely day.',
];

/** The customer's thanks and the assistant closing the conversation (it marks it resolved). */
export function closingTurns(o: RenderOptions): Turn[] {
  const [thanks, welcome] = o.norwegian
    ? o.rng.pick(NORWEGIAN_CLOSINGS)
    : [o.rng.pick(THANKS), o.rng.pick(WELCOME)];
  return [
    { role: 'customer', text: thanks },
    { role: 'ai', tools: [markResolved()], text: welcome },
  ];
}

/** The assistant's answer to a script's last customer message (usually thanks). */
export function closingReply(o: RenderOptions, resolve: boolean): Turn {
  if (!resolve) {
    return {
      role: 'ai',
      text: o.norwegian
        ? 'Bare hyggelig! Si ifra hvis det er noe mer jeg kan hjelpe med.'
        : "You're welcome! Let me know if there's anything else I can help with.",
    };
  }
  const welcome = o.norwegian ? o.rng.pick(NORWEGIAN_CLOSINGS)[1] : o.rng.pick(WELCOME);
  return { role: 'ai', tools: [markResolved()], text: welcome };
}

/** The assistant acknowledging details the customer added after a ticket was opened. */
export function ticketAck(o: RenderOptions): Turn {
  return {
    role: 'ai',
    text: o.norwegian
      ? `Takk! Jeg har lagt det til i sak #${TICKET}, så tar teamet vårt det derfra.`
      : `Thanks! I've added that to ticket #${TICKET} and our team will take it from here.`,
  };
}
