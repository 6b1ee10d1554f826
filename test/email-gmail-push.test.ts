// Decoding the Pub/Sub push envelope Gmail notifications arrive in.
import { describe, expect, it } from 'vitest';
import { decodeGmailPush } from '../src/channels/email/gmail/index.ts';

const envelope = (payload: unknown, encoding: BufferEncoding = 'base64') => ({
  message: {
    data: Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload)).toString(encoding),
    messageId: '2070443601311540',
    message_id: '2070443601311540',
    publishTime: '2026-01-01T10:00:00.000Z',
  },
  subscription: 'projects/supportify/subscriptions/gmail-push',
});

describe('Gmail push notifications', () => {
  it('decodes the mailbox and history id, whether historyId is a number or a string', () => {
    expect(
      decodeGmailPush(envelope({ emailAddress: 'support@shop.example', historyId: 9876543210 })),
    ).toEqual({
      emailAddress: 'support@shop.example',
      historyId: '9876543210',
    });
    expect(
      decodeGmailPush(envelope({ emailAddress: 'support@shop.example', historyId: '1234567890' })),
    ).toEqual({
      emailAddress: 'support@shop.example',
      historyId: '1234567890',
    });
  });

  it('accepts the URL-safe base64 alphabet too', () => {
    // "~~~" forces "+" or "/" into standard base64, "-" or "_" into base64url.
    const payload = { emailAddress: 'a~~~@shop.example', historyId: '77' };
    expect(decodeGmailPush(envelope(payload, 'base64url'))).toEqual(payload);
  });

  it.each([
    ['no body', undefined],
    ['a string', 'hello'],
    ['no message', { subscription: 'projects/x/subscriptions/y' }],
    ['data not a string', { message: { data: 42 } }],
    ['empty data', { message: { data: '' } }],
    ['data not JSON', envelope('not json')],
    ['no history id', envelope({ emailAddress: 'support@shop.example' })],
    [
      'a history id that is not a number',
      envelope({ emailAddress: 'support@shop.example', historyId: 'abc' }),
    ],
    ['a negative history id', envelope({ emailAddress: 'support@shop.example', historyId: -1 })],
    ['an unsafe integer history id', envelope({ emailAddress: 'support@shop.example', historyId: 2 ** 60 })],
    ['no email address', envelope({ historyId: '1' })],
  ])('returns null for %s', (_name, body) => {
    expect(decodeGmailPush(body)).toBeNull();
  });
});
