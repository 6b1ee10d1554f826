import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { SHOPPER_QUESTIONS } from '../lib/shopper-questions.ts';
import { type Client, createClient, type EventStream, loopbackAddress, openStream, request } from './http.ts';
import type { Recorder } from './recorder.ts';

// Every fifth shopper asks for a person in their second message: the AI opens a ticket (admin events).
const HANDOFF = 'Can I talk to a human please?';

export type CustomerPlan = {
  /** performance.now() at which the streams may close. */
  holdUntil: number;
  /** No message is sent after this (its reply still has until the timeout). */
  sendUntil: number;
  /** Pause between the AI's answer and the shopper's next message. */
  gapMs: [number, number];
  replyTimeoutMs: number;
  random: () => number;
};

export type Customer = {
  index: number;
  client: Client;
  conversationId: string;
  token: string;
  stream: EventStream;
  /** AI messages seen on the stream (seq, arrival time). */
  aiMessages: Array<{ seq: number; at: number }>;
  /** First delta per customer message id. */
  firstDelta: Map<string, number>;
  wake: (() => void) | null;
  sent: number;
  answered: number;
};

export const customerName = (i: number) => `Shopper ${i}`;
export const customerEmail = (i: number) => `shopper${i}@load.example`;

/** A shopper opens the widget: starts a conversation, then holds its event stream. Null on failure. */
export async function openCustomer(
  base: string,
  widgetKey: string,
  index: number,
  rec: Recorder,
): Promise<Customer | null> {
  const client = createClient(base, loopbackAddress(1, index));
  let started: { conversationId: string; token: string };
  try {
    const res = await request(client, 'POST', '/widget/v1/conversations', {
      json: { widgetKey, customer: { name: customerName(index), email: customerEmail(index) } },
    });
    if (res.status !== 201) {
      rec.error('widget: start conversation', `HTTP ${res.status}`, res.body);
      return null;
    }
    rec.time('widget: start conversation', res.ms);
    started = JSON.parse(res.body);
  } catch (err) {
    rec.error('widget: start conversation', 'network', (err as Error).message);
    return null;
  }
  const customer: Omit<Customer, 'stream'> & { stream?: EventStream } = {
    index,
    client,
    ...started,
    aiMessages: [],
    firstDelta: new Map(),
    wake: null,
    sent: 0,
    answered: 0,
  };
  try {
    customer.stream = await openStream(
      client,
      `/widget/v1/conversations/${started.conversationId}/stream`,
      { authorization: `Bearer ${started.token}` },
      (event, data) => {
        if (event === 'message') {
          const message = JSON.parse(data) as { role: string; seq: number };
          if (message.role !== 'ai') return;
          customer.aiMessages.push({ seq: message.seq, at: performance.now() });
          customer.wake?.();
        } else if (event === 'delta') {
          const { replyTo } = JSON.parse(data) as { replyTo: string };
          if (!customer.firstDelta.has(replyTo)) customer.firstDelta.set(replyTo, performance.now());
        }
      },
      (reason) => {
        rec.error('widget: event stream', 'dropped before the end', reason);
        customer.wake?.();
      },
    );
    rec.time('widget: open event stream', customer.stream.openMs);
  } catch (err) {
    rec.error('widget: open event stream', 'failed', (err as Error).message);
    return null;
  }
  return customer as Customer;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
/** Waits `ms`, or answers false at once if that would pass `until`. */
const pause = async (ms: number, until: number) => {
  if (performance.now() + ms >= until) return false;
  await sleep(ms);
  return true;
};

/** The AI message after `seq`, or null once `until` passes or the stream drops. */
async function replyAfter(c: Customer, seq: number, until: number) {
  for (;;) {
    const found = c.aiMessages.find((m) => m.seq > seq);
    if (found) return found;
    if (c.stream.dropped || performance.now() >= until) return null;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, until - performance.now());
      c.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    c.wake = null;
  }
}

/**
 * The shopper's side of the hold: a message, the complete AI reply on the stream, a pause, the next
 * message… until `sendUntil`. Times the message POST, the first token and the complete reply.
 */
export async function converse(c: Customer, plan: CustomerPlan, rec: Recorder): Promise<void> {
  const gap = () => plan.gapMs[0] + plan.random() * (plan.gapMs[1] - plan.gapMs[0]);
  // Shoppers arrive spread over the first gap, not all at once.
  if (!(await pause(plan.random() * plan.gapMs[1], plan.sendUntil))) return;
  for (let k = 0; !c.stream.dropped; k++) {
    const text =
      k === 1 && c.index % 5 === 0 ? HANDOFF : SHOPPER_QUESTIONS[(c.index + k) % SHOPPER_QUESTIONS.length];
    const sentAt = performance.now();
    let posted: { id: string; seq: number };
    try {
      const res = await request(c.client, 'POST', `/widget/v1/conversations/${c.conversationId}/messages`, {
        headers: { authorization: `Bearer ${c.token}` },
        json: { text, clientMessageId: randomUUID() },
      });
      if (res.status !== 202) {
        rec.error('widget: post message', `HTTP ${res.status}`, res.body);
        if (await pause(gap(), plan.sendUntil)) continue;
        return;
      }
      rec.time('widget: post message', res.ms);
      posted = JSON.parse(res.body);
    } catch (err) {
      rec.error('widget: post message', 'network', (err as Error).message);
      if (await pause(gap(), plan.sendUntil)) continue;
      return;
    }
    c.sent++;
    const reply = await replyAfter(c, posted.seq, sentAt + plan.replyTimeoutMs);
    if (!reply) {
      if (!c.stream.dropped)
        rec.error('widget: complete reply', `none within ${plan.replyTimeoutMs / 1000} s`, c.conversationId);
    } else {
      c.answered++;
      rec.time('widget: complete reply', reply.at - sentAt);
      const first = c.firstDelta.get(posted.id);
      if (first !== undefined) rec.time('widget: first token', first - sentAt);
    }
    c.firstDelta.clear();
    if (!(await pause(gap(), plan.sendUntil))) return;
  }
}
