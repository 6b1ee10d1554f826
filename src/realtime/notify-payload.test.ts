import { describe, expect, it } from 'vitest';
import type { ShopEvent } from './bus.ts';
import { encodeEvent, MAX_PAYLOAD_BYTES, packPayloads, parsePayload } from './notify-payload.ts';

const ORIGIN = '0d8a0c4e-5a43-4a8e-9f3e-2b7c1f0e9a11';
const SHOP = '11111111-1111-4111-8111-111111111111';
const CONV = '22222222-2222-4222-8222-222222222222';
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

const message = (text: string, extra: Record<string, unknown> = {}): ShopEvent => ({
  type: 'message',
  shopId: SHOP,
  conversationId: CONV,
  message: {
    id: '33333333-3333-4333-8333-333333333333',
    seq: 42,
    role: 'staff',
    parts: [{ type: 'text', text }],
    createdAt: new Date('2025-03-04T05:06:07.089Z'),
    ...extra,
  },
});

/** Encodes, packs and parses again: what another process receives. */
function roundTrip(events: ShopEvent[], limit = MAX_PAYLOAD_BYTES) {
  const payloads = packPayloads(
    ORIGIN,
    events.flatMap((e) => encodeEvent(e, ORIGIN, limit)),
    limit,
  );
  for (const p of payloads) expect(bytes(p)).toBeLessThanOrEqual(limit);
  return {
    payloads,
    events: payloads.flatMap((p) => {
      const parsed = parsePayload(p);
      expect(parsed?.origin).toBe(ORIGIN);
      expect(parsed?.invalid).toBe(0);
      return parsed?.events ?? [];
    }),
  };
}

describe('realtime notification payloads', () => {
  it('carries every kind of event, a message date as a Date, several events in one payload', () => {
    const events: ShopEvent[] = [
      message('Hello'),
      { type: 'delta', shopId: SHOP, conversationId: CONV, replyTo: 'm1', text: 'Hi ' },
      { type: 'status', shopId: SHOP, conversationId: CONV, status: 'resolved' },
      { type: 'ticket', shopId: SHOP, action: 'created', number: 7 },
    ];
    const { payloads, events: received } = roundTrip(events);
    expect(payloads).toHaveLength(1);
    expect(received).toEqual(events);
    const first = received[0];
    expect(first.type === 'message' && first.message.createdAt).toBeInstanceOf(Date);
  });

  it('sends only the message fields (not the row it was read from)', () => {
    const { events } = roundTrip([
      message('x', { conversationStartedAt: new Date(), clientMessageId: 'c1' }),
    ]);
    expect(events[0].type === 'message' && Object.keys(events[0].message).sort()).toEqual([
      'createdAt',
      'id',
      'parts',
      'role',
      'seq',
    ]);
  });

  it('turns a message over the limit into a reference, multibyte text counted in bytes', () => {
    // 3,000 characters, 9,000 bytes in UTF-8.
    const { events } = roundTrip([message('€'.repeat(3000))]);
    expect(events).toEqual([
      {
        type: 'message-ref',
        shopId: SHOP,
        conversationId: CONV,
        messageId: '33333333-3333-4333-8333-333333333333',
        seq: 42,
      },
    ]);
  });

  it('splits a delta over the limit into pieces that join to the same text, never inside a character', () => {
    const text = `${'a\n"'.repeat(2000)}😀${'ø'.repeat(3000)}`;
    const delta: ShopEvent = { type: 'delta', shopId: SHOP, conversationId: CONV, replyTo: 'm1', text };
    const { payloads, events } = roundTrip([delta]);
    expect(payloads.length).toBeGreaterThan(1);
    expect(events.every((e) => e.type === 'delta' && e.replyTo === 'm1')).toBe(true);
    expect(events.map((e) => (e.type === 'delta' ? e.text : '')).join('')).toBe(text);
  });

  it('packs many events in order into as few payloads as fit', () => {
    const events: ShopEvent[] = Array.from({ length: 300 }, (_, i) => ({
      type: 'ticket',
      shopId: SHOP,
      action: 'updated',
      number: i,
    }));
    const { payloads, events: received } = roundTrip(events, 2000);
    expect(payloads.length).toBeGreaterThan(5);
    expect(received).toEqual(events);
  });

  it('ignores what is not an event list, and leaves out malformed events only', () => {
    expect(parsePayload('not json')).toBeNull();
    expect(parsePayload('{"o":1,"e":[]}')).toBeNull();
    const parsed = parsePayload(
      JSON.stringify({
        o: ORIGIN,
        e: [
          { type: 'ticket', shopId: SHOP, action: 'created', number: 1 },
          { type: 'status', shopId: SHOP, conversationId: CONV, status: 'gone' },
          { type: 'message', shopId: SHOP, conversationId: CONV, message: { id: 'x' } },
        ],
      }),
    );
    expect(parsed?.events).toEqual([{ type: 'ticket', shopId: SHOP, action: 'created', number: 1 }]);
    expect(parsed?.invalid).toBe(2);
  });
});
