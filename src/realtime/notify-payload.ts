import { z } from 'zod';
import { CONVERSATION_STATUSES, MESSAGE_ROLES, type MessagePart } from '../db/schema/index.ts';
import type { ShopEvent, StoredMessage } from './bus.ts';

/**
 * PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; this leaves room for nothing else to matter.
 */
export const MAX_PAYLOAD_BYTES = 7900;

/** A stored message too large for a notification: the receiver loads it from the database. */
export type MessageRef = {
  type: 'message-ref';
  shopId: string;
  conversationId: string;
  messageId: string;
  seq: number;
};

/** What travels: shop events (a message's date as ISO text), or a reference to a large message. */
export type WireEvent = ShopEvent | MessageRef;

/** One notification: the sending process (receivers skip their own) and its events in order. */
type Envelope = { o: string; e: unknown[] };

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const envelopeBytes = (origin: string) => bytes(JSON.stringify({ o: origin, e: [] }));

/** Only the message's own fields travel (a published row may carry more, such as the partition key). */
const messageFields = (m: StoredMessage): StoredMessage => ({
  id: m.id,
  seq: m.seq,
  role: m.role,
  parts: m.parts,
  createdAt: m.createdAt,
});

/** Splits text into pieces whose JSON string form stays within `budget` bytes (never inside a code point). */
function splitText(text: string, budget: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let size = 0;
  for (const ch of text) {
    const chSize = bytes(JSON.stringify(ch)) - 2;
    if (size + chSize > budget && piece) {
      pieces.push(piece);
      piece = '';
      size = 0;
    }
    piece += ch;
    size += chSize;
  }
  if (piece || pieces.length === 0) pieces.push(piece);
  return pieces;
}

/**
 * The event as JSON texts that each fit one notification beside `origin`: a message too large becomes
 * a reference, a delta too large becomes several deltas (the receiver appends them in order).
 */
export function encodeEvent(event: ShopEvent, origin: string, limit = MAX_PAYLOAD_BYTES): string[] {
  const budget = limit - envelopeBytes(origin);
  const wire: WireEvent =
    event.type === 'message' ? { ...event, message: messageFields(event.message) } : event;
  const json = JSON.stringify(wire);
  if (bytes(json) <= budget) return [json];
  if (event.type === 'message') {
    const ref: MessageRef = {
      type: 'message-ref',
      shopId: event.shopId,
      conversationId: event.conversationId,
      messageId: event.message.id,
      seq: event.message.seq,
    };
    return [JSON.stringify(ref)];
  }
  if (event.type === 'delta') {
    const overhead = bytes(JSON.stringify({ ...event, text: '' }));
    return splitText(event.text, budget - overhead).map((text) => JSON.stringify({ ...event, text }));
  }
  // Status and ticket events are ids and a word; nothing else can be this large.
  throw new Error(`A ${event.type} event does not fit a notification`);
}

/** Groups encoded events, in order, into as few payloads as fit the limit. */
export function packPayloads(origin: string, encoded: string[], limit = MAX_PAYLOAD_BYTES): string[] {
  const prefix = `{"o":${JSON.stringify(origin)},"e":[`;
  const suffix = ']}';
  const payloads: string[] = [];
  let current: string[] = [];
  let size = bytes(prefix) + bytes(suffix);
  for (const json of encoded) {
    const add = bytes(json) + (current.length > 0 ? 1 : 0);
    if (current.length > 0 && size + add > limit) {
      payloads.push(prefix + current.join(',') + suffix);
      current = [];
      size = bytes(prefix) + bytes(suffix);
    }
    current.push(json);
    size += bytes(json) + (current.length > 1 ? 1 : 0);
  }
  if (current.length > 0) payloads.push(prefix + current.join(',') + suffix);
  return payloads;
}

const zId = z.string().min(1).max(200);
const zMessage = z.object({
  id: zId,
  seq: z.number().int(),
  role: z.enum(MESSAGE_ROLES),
  parts: z.array(z.looseObject({ type: z.string() })),
  createdAt: z.iso.datetime({ offset: true }),
});
const zWireEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message'), shopId: zId, conversationId: zId, message: zMessage }),
  z.object({ type: z.literal('delta'), shopId: zId, conversationId: zId, replyTo: zId, text: z.string() }),
  z.object({
    type: z.literal('status'),
    shopId: zId,
    conversationId: zId,
    status: z.enum(CONVERSATION_STATUSES),
  }),
  z.object({
    type: z.literal('ticket'),
    shopId: zId,
    action: z.enum(['created', 'updated', 'deleted']),
    number: z.number().int(),
  }),
  z.object({
    type: z.literal('message-ref'),
    shopId: zId,
    conversationId: zId,
    messageId: zId,
    seq: z.number().int(),
  }),
]);

/**
 * A notification's origin and events, dates revived; null when it is not one of ours. Events that do
 * not validate are left out (counted in `invalid`), the rest still delivered.
 */
export function parsePayload(text: string): { origin: string; events: WireEvent[]; invalid: number } | null {
  let envelope: Envelope;
  try {
    envelope = JSON.parse(text) as Envelope;
  } catch {
    return null;
  }
  if (!envelope || typeof envelope.o !== 'string' || !Array.isArray(envelope.e)) return null;
  const events: WireEvent[] = [];
  let invalid = 0;
  for (const raw of envelope.e) {
    const parsed = zWireEvent.safeParse(raw);
    if (!parsed.success) {
      invalid++;
      continue;
    }
    const event = parsed.data;
    if (event.type === 'message')
      events.push({
        ...event,
        message: {
          ...event.message,
          parts: event.message.parts as MessagePart[],
          createdAt: new Date(event.message.createdAt),
        },
      });
    else events.push(event);
  }
  return { origin: envelope.o, events, invalid };
}
