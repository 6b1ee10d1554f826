import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEmail } from '../src/channels/email/parse/index.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/email/${name}`, import.meta.url));
const parseFixture = (name: string, options?: Parameters<typeof parseEmail>[1]) =>
  parseEmail(fixture(name), options);

describe('parseEmail: what the customer newly wrote', () => {
  it('Gmail multipart/alternative reply: quoted English reply stripped, ids and addresses parsed', async () => {
    const mail = await parseFixture('gmail-reply.eml');
    expect(mail.text).toBe(
      'Hi again,\n\nThanks for the quick answer. The tracking page still says "label created" though, ' +
        'can you check with the carrier?\n\nEmma',
    );
    expect(mail.fullText).toContain('> Your order #1001 shipped yesterday with PostNord.');
    expect(mail.messageId).toBe('CAOq8k2Xy+RBz7vL1mQ=x9@mail.gmail.com');
    expect(mail.inReplyTo).toBe('ticket-1001.reply-2@demo-store.example');
    expect(mail.references).toEqual([
      'ticket-1001.reply-1@demo-store.example',
      'CAOq8k2Xa1b2c3d4e5f6@mail.gmail.com',
      'ticket-1001.reply-2@demo-store.example',
    ]);
    expect(mail.subject).toBe('Re: Where is my order #1001?');
    expect(mail.from).toEqual({ name: 'Emma Hansen', address: 'emma.hansen@gmail.com' });
    expect(mail.to).toEqual(['support@demo-store.example']);
    expect(mail.cc).toEqual(['emma.work@example.com']);
    expect(mail.date?.toISOString()).toBe('2026-03-12T10:20:01.000Z');
    expect(mail.html).toContain('<blockquote>');
    expect(mail.auth).toEqual({ dkim: 'pass', spf: 'pass', dmarc: 'pass', verifiedSender: true });
    expect(mail.headers).toEqual({ 'delivered-to': 'support@demo-store.example' });
  });

  it('Outlook HTML-only reply: text derived from the HTML, the From/Sent/To/Subject block stripped', async () => {
    const mail = await parseFixture('outlook-html-reply.eml');
    expect(mail.text).toBe(
      'Hello,\nThe printer at our office is broken. Could you send the return label by post instead?\n\n' +
        'Kind regards,\nLars',
    );
    expect(mail.fullText).toContain('From: Demo Store Support <support@demo-store.example>\nSent: Thursday');
    expect(mail.fullText).toContain('Your return label is attached.');
    expect(mail.messageId).toBe('AM6PR05MB1234ABCD5678EF90@AM6PR05MB1234.eurprd05.prod.outlook.com');
    expect(mail.headers['thread-index']).toBe('AQHZx1a2b3c4d5e6f7g8h9i0jA==');
    expect(mail.html).not.toMatch(/<style|margin-top/);
  });

  it('Outlook plain reply with -----Original Message-----', async () => {
    const mail = await parseFixture('outlook-original-message.eml');
    expect(mail.text).toBe(
      'Hi,\n\nI still have not received the refund for order #1003. It has been two weeks now.\n\n' +
        'Regards\nPer Olsen\nOlsen Interiør AS',
    );
    expect(mail.messageId).toBe('000001dab1c2$3d4e5f60$7a8b9c0d$@olsen-interior.example');
  });

  it('Apple Mail reply: "On … wrote:" wrapped over two lines, "Sent from my iPhone", format=flowed', async () => {
    const mail = await parseFixture('apple-reply.eml');
    expect(mail.text).toBe(
      'The box arrived today but the mug inside was broken into pieces. Can I get a replacement, ' +
        'or should I send it back first?',
    );
    expect(mail.fullText).toContain('Sent from my iPhone');
  });

  it('Norwegian reply: ISO-8859-1 quoted-printable body and encoded-word headers, "Den … skrev …:"', async () => {
    const mail = await parseFixture('norwegian-reply.eml');
    expect(mail.subject).toBe('SV: Bytte av genser - størrelse på bestilling #1005');
    expect(mail.from).toEqual({ name: 'Bjørn Ødegård', address: 'bjorn.odegard@example.no' });
    expect(mail.text).toBe(
      'Hei!\n\nJeg vil gjerne bytte genseren til størrelse M. Blåbærsyltetøyet i samme pakke var dessverre ' +
        'knust. Ærlig talt litt skuffet, men Å bytte genseren er viktigst.\n\nHilsen\nBjørn Ødegård',
    );
    expect(mail.fullText).toContain('Den 12. mars 2026 kl. 10:15 skrev Kari Nordmann <kari@example.no>:');
  });

  it('Norwegian Outlook reply: base64 UTF-8, "Sendt fra min iPhone", ____ and Fra/Sendt/Til/Emne', async () => {
    const mail = await parseFixture('norwegian-outlook-reply.eml');
    expect(mail.subject).toBe('SV: Ordre #1006 er sendt');
    expect(mail.from?.name).toBe('Ingrid Sæther');
    expect(mail.text).toBe(
      'Hei,\n\nPakken kom fram i dag, men lokket på boksen var knust. Kan dere sende et nytt lokk?\n\n' +
        'Mvh\nIngrid Sæther',
    );
  });

  it('plain text message (not a reply): the "-- " signature is dropped, addresses lower-cased', async () => {
    const mail = await parseFixture('plain-text.eml');
    expect(mail.text).toBe(
      'Hello,\n\nDo you offer gift wrapping? I would like to send the candle set to my mother\n' +
        'in Tromsø before her birthday on 20 March.\n\nThanks,\nNils',
    );
    expect(mail.fullText.endsWith('-- \nNils Bakke\nFjordvegen 12, 9008 Tromsø')).toBe(true);
    expect(mail.from).toEqual({ name: null, address: 'nils@fjordmail.example' });
    expect(mail.to).toEqual(['support@demo-store.example', 'orders@demo-store.example']);
    expect(mail.html).toBeNull();
    expect(mail.hasRemoteImages).toBe(false);
    expect(mail.inReplyTo).toBeNull();
    expect(mail.references).toEqual([]);
    expect(mail.auth).toEqual({ dkim: 'none', spf: 'none', dmarc: 'none', verifiedSender: false });
  });
});

describe('parseEmail: charsets', () => {
  it('Windows-1252 body and encoded-word subject: smart quotes, en dash and € survive', async () => {
    const mail = await parseFixture('windows-1252.eml');
    expect(mail.subject).toBe('Price difference – €10');
    expect(mail.text).toBe(
      'Hello,\n\nThe “Nordic Wool” sweater was listed at €79 but I was charged €89 – could you refund the ' +
        'difference? It’s order #1008.\n\nBest,\nAnna',
    );
  });

  it('8-bit body without a charset (and a raw 8-bit subject) falls back to Windows-1252', async () => {
    const mail = await parseFixture('missing-charset.eml');
    expect(mail.subject).toBe('Bestilling 1009 - blåbærsyltetøy');
    expect(mail.text).toBe(
      'Hei, jeg har ikke fått blåbærsyltetøyet jeg betalte 129 kr (ca. €11) for.\nKan dere sjekke? ÆØÅ',
    );
    expect(mail.fullText).not.toContain('\uFFFD');
  });

  it('8-bit body without a charset that is valid UTF-8 stays UTF-8', async () => {
    const raw = Buffer.from(
      'From: ole@example.no\nSubject: Blåbær\nContent-Type: text/plain\nContent-Transfer-Encoding: 8bit\n\n' +
        'Blåbærsyltetøy “fersk” til €5\n',
      'utf8',
    );
    const mail = await parseEmail(raw);
    expect(mail.subject).toBe('Blåbær');
    expect(mail.text).toBe('Blåbærsyltetøy “fersk” til €5');
  });

  it('HTML part without a MIME charset uses its <meta charset>', async () => {
    const raw = Buffer.concat([
      Buffer.from('From: ole@example.no\nContent-Type: text/html\nContent-Transfer-Encoding: 8bit\n\n'),
      Buffer.from(
        '<html><head><meta charset="iso-8859-1"></head><body><p>Hils\u00e5 fra Tr\u00f8ndelag</p>',
        'latin1',
      ),
    ]);
    const mail = await parseEmail(raw);
    expect(mail.fullText).toBe('Hilså fra Trøndelag');
  });

  it('string input is read as UTF-8', async () => {
    const mail = await parseEmail('From: Åse <ase@example.no>\nSubject: Spørsmål\n\nHei på deg\n');
    expect(mail.from).toEqual({ name: 'Åse', address: 'ase@example.no' });
    expect(mail.subject).toBe('Spørsmål');
    expect(mail.text).toBe('Hei på deg');
  });
});

describe('parseEmail: attachments', () => {
  it('keeps a small PDF, keeps only metadata of one over maxAttachmentBytes', async () => {
    const mail = await parseFixture('attachments.eml', { maxAttachmentBytes: 2048 });
    expect(mail.text).toBe('Please see the attached receipt and a photo of the box.');
    const [pdf, photo] = mail.attachments;
    expect(pdf).toMatchObject({
      filename: 'kvittering-blåbær.pdf',
      contentType: 'application/pdf',
      size: 218,
      inline: false,
      contentId: null,
    });
    expect(pdf.content?.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(pdf.content?.length).toBe(218);
    expect(photo).toEqual({
      filename: 'damaged-box.jpg',
      contentType: 'image/jpeg',
      size: 3000,
      content: null,
      inline: false,
      contentId: null,
    });
  });

  it('keeps both under the default 5 MB limit', async () => {
    const mail = await parseFixture('attachments.eml');
    expect(mail.attachments.map((a) => a.content?.length)).toEqual([218, 3000]);
  });

  it('marks an inline cid: image as inline with its Content-ID', async () => {
    const mail = await parseFixture('hostile-html.eml');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({
      filename: 'logo.png',
      contentType: 'image/png',
      size: 70,
      inline: true,
      contentId: 'logo@demo-store.example',
    });
  });
});

describe('parseEmail: headers', () => {
  const message = (headers: string) => parseEmail(`${headers}\nFrom: a@example.com\n\nHello\n`);

  it('Message-ID without brackets, In-Reply-To with a comment, References with duplicates', async () => {
    const mail = await message(
      'Message-ID: bare-id@example.com\n' +
        "In-Reply-To: <parent@example.com> (Emma's message of Thu, 12 Mar 2026)\n" +
        'References: <root@example.com> <parent@example.com>\n <root@example.com>',
    );
    expect(mail.messageId).toBe('bare-id@example.com');
    expect(mail.inReplyTo).toBe('parent@example.com');
    expect(mail.references).toEqual(['root@example.com', 'parent@example.com']);
  });

  it('missing ids, subject and date', async () => {
    const mail = await message('X-Mailer: test');
    expect(mail).toMatchObject({ messageId: null, inReplyTo: null, references: [], subject: '', date: null });
  });

  it('keeps x-supportify-* and auto-reply markers (first value), nothing else', async () => {
    const mail = await message(
      'X-Supportify-Ticket: 1013\nX-Supportify-Ticket: 9999\nAuto-Submitted: auto-replied\n' +
        'Precedence: bulk\nX-Mailer: test',
    );
    expect(mail.headers).toEqual({
      'x-supportify-ticket': '1013',
      'auto-submitted': 'auto-replied',
      precedence: 'bulk',
    });
  });

  it('address groups are flattened, an unparseable date is null', async () => {
    const mail = await parseEmail(
      'From: "Kari" <KARI@Example.no>\nTo: Team: A@x.example, b@x.example;, c@x.example\n' +
        'Cc: A@x.example\nDate: not a date\n\nHi\n',
    );
    expect(mail.to).toEqual(['a@x.example', 'b@x.example', 'c@x.example']);
    expect(mail.cc).toEqual(['a@x.example']);
    expect(mail.from).toEqual({ name: 'Kari', address: 'kari@example.no' });
    expect(mail.date).toBeNull();
  });
});
