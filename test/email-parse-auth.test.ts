import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type AuthResult, type EmailAuth, parseEmail } from '../src/channels/email/parse/index.ts';

// A customer message as the receiving server stored it: its Authentication-Results on top.
function received(authResults: string[], from: string) {
  const headers = authResults.map((value) => `Authentication-Results: ${value}\r\n`).join('');
  return Buffer.from(
    `${headers}Received: from out.kundemail.example by mx.demo-store.example; Thu, 12 Mar 2026 10:00:00 +0000\r\n` +
      `From: ${from}\r\nTo: support@demo-store.example\r\nSubject: Hello\r\n\r\nWhere is my order?\r\n`,
  );
}
const KARI = 'Kari Nordmann <kari@kundemail.example>';
const auth = async (authResults: string[], from = KARI, trustedAuthServIds?: string[]) =>
  (await parseEmail(received(authResults, from), { trustedAuthServIds })).auth;
const verdict = (
  dkim: AuthResult,
  spf: AuthResult,
  dmarc: AuthResult,
  verifiedSender: boolean,
): EmailAuth => ({
  dkim,
  spf,
  dmarc,
  verifiedSender,
});
const MX = 'mx.demo-store.example;';

describe('Authentication-Results', () => {
  it.each([
    [
      'dmarc=pass',
      [`${MX} dkim=none; spf=none; dmarc=pass header.from=kundemail.example`],
      KARI,
      verdict('none', 'none', 'pass', true),
    ],
    [
      'dkim=pass, same domain',
      [`${MX} dkim=pass header.d=kundemail.example`],
      KARI,
      verdict('pass', 'none', 'none', true),
    ],
    [
      'dkim=pass, domain in another case',
      [`${MX} dkim=pass header.d=KundeMail.example header.s=s1`],
      KARI,
      verdict('pass', 'none', 'none', true),
    ],
    [
      'dkim=pass, header.i',
      [`${MX} dkim=pass header.i=@kundemail.example`],
      KARI,
      verdict('pass', 'none', 'none', true),
    ],
    [
      'dkim=pass, header.i on a subdomain',
      [`${MX} dkim=pass header.i=noreply@mail.kundemail.example`],
      KARI,
      verdict('pass', 'none', 'none', true),
    ],
    [
      'dkim=pass, From on a subdomain',
      [`${MX} dkim=pass header.d=example.no`],
      'kari@post.example.no',
      verdict('pass', 'none', 'none', true),
    ],
    [
      'dkim=pass for an ESP',
      [`${MX} dkim=pass header.d=sendgrid.net; spf=none`],
      KARI,
      verdict('pass', 'none', 'none', false),
    ],
    [
      'dkim=pass for a lookalike suffix',
      [`${MX} dkim=pass header.d=kundemail.example.evil`],
      KARI,
      verdict('pass', 'none', 'none', false),
    ],
    [
      'dkim=pass for a lookalike prefix',
      [`${MX} dkim=pass header.d=evilkundemail.example`],
      KARI,
      verdict('pass', 'none', 'none', false),
    ],
    [
      'spf=pass, aligned mailfrom',
      [`${MX} spf=pass smtp.mailfrom=bounces@kundemail.example`],
      KARI,
      verdict('none', 'pass', 'none', true),
    ],
    [
      'spf=pass for an ESP',
      [`${MX} spf=pass smtp.mailfrom=bounces@esp.example`],
      KARI,
      verdict('none', 'pass', 'none', false),
    ],
    [
      'spf=fail',
      [`${MX} spf=fail smtp.mailfrom=kari@kundemail.example`],
      KARI,
      verdict('none', 'fail', 'none', false),
    ],
    [
      'dmarc=fail wins over an aligned dkim pass',
      [
        `${MX} dkim=pass header.d=kundemail.example; spf=softfail smtp.mailfrom=x@kundemail.example; dmarc=fail`,
      ],
      KARI,
      verdict('pass', 'fail', 'fail', false),
    ],
    [
      'errors count as fail, neutral as none',
      [`${MX} dkim=temperror; spf=permerror; dmarc=neutral`],
      KARI,
      verdict('fail', 'fail', 'none', false),
    ],
    [
      'dmarc=pass for another From domain',
      [`${MX} dmarc=pass header.from=other.example`],
      KARI,
      verdict('none', 'none', 'pass', false),
    ],
    [
      'a forged pass below the topmost header',
      [`${MX} none`, `${MX} dmarc=pass header.from=kundemail.example`],
      KARI,
      verdict('none', 'none', 'none', false),
    ],
    ['no header', [], KARI, verdict('none', 'none', 'none', false)],
    [
      'no From address',
      [`${MX} dmarc=pass`],
      'undisclosed-recipients:;',
      verdict('none', 'none', 'pass', false),
    ],
    [
      'comments, folding, spaces around "=", several dkim results',
      [
        'mx.google.com 1;\r\n  dkim=pass (2048-bit key; unprotected) header.d=esp.example header.s=s1 header.b=abc;\r\n' +
          '  dkim = pass (ok) header.i=@kundemail.example;\r\n' +
          '  spf=neutral (google.com: 192.0.2.1 is neither permitted nor denied) smtp.mailfrom=kari@kundemail.example',
      ],
      KARI,
      verdict('pass', 'none', 'none', true),
    ],
  ])('%s', async (_name, headers, from, expected) => {
    expect(await auth(headers, from)).toEqual(expected);
  });

  it('forged-auth.eml: a passing header below the receiving server’s failing one does not verify', async () => {
    const mail = await parseEmail(readFileSync(new URL('./fixtures/email/forged-auth.eml', import.meta.url)));
    expect(mail.from?.address).toBe('owner@demo-store.example');
    expect(mail.auth).toEqual(verdict('none', 'fail', 'fail', false));
  });

  it('trustedAuthServIds: the topmost header must come from a trusted server', async () => {
    const header = [`${MX} dmarc=pass header.from=kundemail.example`];
    expect(await auth(header, KARI, ['MX.demo-store.example'])).toEqual(
      verdict('none', 'none', 'pass', true),
    );
    expect(await auth(header, KARI, ['mx.google.com'])).toEqual(verdict('none', 'none', 'none', false));
  });
});
