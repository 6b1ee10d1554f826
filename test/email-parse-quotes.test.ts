import { describe, expect, it } from 'vitest';
import { stripQuotedReply } from '../src/channels/email/parse/index.ts';

const NEW = 'Thanks, that works.\n\nKari';

describe('stripQuotedReply', () => {
  it.each([
    [
      'Gmail',
      `${NEW}\n\nOn Thu, Mar 12, 2026 at 10:15 AM Support <s@x.example> wrote:\n\n> old text\n> more`,
    ],
    [
      'Gmail, header wrapped',
      `${NEW}\n\nOn Thu, Mar 12, 2026 at 10:15 AM Demo Store Support <\nsupport@x.example> wrote:\n> old`,
    ],
    [
      'Apple, header wrapped',
      `${NEW}\n\nOn 12 Mar 2026, at 10:15, Demo Store Support <support@x.example>\nwrote:\n\n> old`,
    ],
    ['Thunderbird', `${NEW}\n\nOn 12.03.2026 10:15, Demo Store wrote:\n> old`],
    ['date first', `${NEW}\n\n2026-03-12 10:15 GMT+01:00 Demo Store <s@x.example> wrote:\n> old`],
    [
      'Outlook original message',
      `${NEW}\n\n-----Original Message-----\nFrom: S <s@x.example>\nSent: Thursday\nold`,
    ],
    [
      'Outlook header block',
      `${NEW}\n\nFrom: S <s@x.example>\nSent: Thursday, March 12, 2026 4:40 PM\nTo: Kari\nSubject: RE: x\n\nold`,
    ],
    [
      'Outlook bold header block',
      `${NEW}\n\n*From:* S <s@x.example>\n*Sent:* Thursday\n*To:* Kari\n*Subject:* x\nold`,
    ],
    ['Outlook separator', `${NEW}\n\n________________________________\nFrom: S\nold`],
    [
      'Norwegian Outlook',
      `${NEW}\n\nFra: S <s@x.example>\nSendt: torsdag 12. mars 2026 14:02\nTil: Kari\nEmne: x\nold`,
    ],
    ['Norwegian Outlook original', `${NEW}\n\n-----Opprinnelig melding-----\nFra: S\nold`],
    [
      'Norwegian "Den … skrev"',
      `${NEW}\n\nDen 12. mars 2026 kl. 10:15 skrev Kari Nordmann <kari@example.no>:\n> old`,
    ],
    ['Norwegian Thunderbird', `${NEW}\n\nDen 12.03.2026 10:15, skrev Demo Store:\n> old`],
    ['Norwegian Gmail', `${NEW}\n\ntor. 12. mars 2026 kl. 10:15 skrev Demo Store <s@x.example>:\n\n> old`],
    ['Norwegian Apple', `${NEW}\n\n12. mars 2026 kl. 10:15 skrev Demo Store <s@x.example>:\n\n> old`],
    [
      'Norwegian, wrapped',
      `${NEW}\n\nDen 12. mars 2026 kl. 10:15 skrev Kari Nordmann\n<kari@example.no>:\n> old`,
    ],
    ['quoted lines only', `${NEW}\n\n> old\n> more`],
    ['signature', `${NEW}\n-- \nKari Nordmann\nTlf 900 00 000`],
    ['signature without trailing space', `${NEW}\n--\nKari Nordmann`],
    ['Sent from my iPhone', `${NEW}\n\nSent from my iPhone`],
    ['Sendt fra min iPhone', `${NEW}\n\nSendt fra min iPhone\n\n> old`],
    ['Get Outlook for iOS', `${NEW}\n\nGet Outlook for iOS\n________________________________\nFrom: S`],
    ['CRLF', `${NEW}\r\n\r\nOn Thu, Mar 12, 2026 at 10:15 AM S <s@x.example> wrote:\r\n> old\r\n`],
  ])('%s', (_name, text) => {
    expect(stripQuotedReply(text)).toBe(NEW);
  });

  it('keeps text written between quoted lines (inline replies)', () => {
    expect(stripQuotedReply('> Which size?\nM, please.\n> Which colour?\nBlue.')).toBe('M, please.\nBlue.');
  });

  it('keeps what looks like a header but is the customer writing', () => {
    const text =
      'From: my point of view the parcel was late.\nOn Monday I ordered more.\nMy neighbour wrote: "great shop".\n' +
      '3 items arrived, 2 were broken. I wrote:\nJeg skrev: takk!';
    expect(stripQuotedReply(text)).toBe(text);
  });

  it('keeps a forwarded message (the customer wants us to see it)', () => {
    const text =
      'See below.\n\n---------- Forwarded message ---------\nFrom: Carrier <c@x.example>\nParcel lost.';
    expect(stripQuotedReply(text)).toBe(text);
  });

  it('returns the original, trimmed, when stripping would leave nothing', () => {
    expect(stripQuotedReply('  \n> only a quote\n> here\n')).toBe('> only a quote\n> here');
    expect(stripQuotedReply('On Thu, Mar 12, 2026 at 10:15 AM S wrote:\n> old')).toBe(
      'On Thu, Mar 12, 2026 at 10:15 AM S wrote:\n> old',
    );
    expect(stripQuotedReply('')).toBe('');
  });
});
