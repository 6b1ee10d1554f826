import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, conversations, emailMessages, messages } from '../src/db/schema/index.ts';
import { createEmailApp, type EmailApp, rawEmail } from './helpers/email-app.ts';
import { login, newShop } from './helpers/factories.ts';
import { until } from './helpers/until.ts';

// Mail in through the built-in SMTP listener (nodemailer as the sending server), the AI's answer out
// through SMTP to a local sink: threading, dedupe, signed routing ids, auto and draft modes.

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions themselves.
type Json = Record<string, any>;

const INBOX = 'support@mail-shop.example';
let seq = 0;
const newId = () => `m${Date.now()}.${seq++}@customer.example`;

// Slower than the default: a reply goes through the AI, a job and a mail transport.
const waitFor = <T>(check: () => Promise<T>, what: string, ms = 40_000) => until(check, what, ms);

// Slower under a loaded CI machine: the reply goes through the AI, a job and SMTP.
describe('email channel over SMTP', { timeout: 60_000 }, () => {
  let t: EmailApp;
  let shopId: string;
  let cookie: string;
  let channelId: string;

  beforeAll(async () => {
    t = await createEmailApp();
    const shop = await newShop(t.db, 'Mail shop');
    shopId = shop.shop.id;
    cookie = await login(t.app, shop.email);
    const [channel] = await t.db
      .insert(channels)
      .values({ shopId, type: 'email', name: INBOX, mode: 'auto', inboundAddress: INBOX })
      .returning();
    channelId = channel.id;
  });
  afterAll(() => t?.close());

  const api = async (method: string, url: string, payload?: unknown) => {
    const res = await t.app.inject({
      method: method as 'GET',
      url,
      payload: payload as Json,
      headers: { cookie },
    });
    return { status: res.statusCode, body: (res.body ? res.json() : null) as Json };
  };
  const conversationOf = async (rfcMessageId: string) =>
    waitFor(async () => {
      const [row] = await t.db
        .select({ conversationId: emailMessages.conversationId })
        .from(emailMessages)
        .where(and(eq(emailMessages.shopId, shopId), eq(emailMessages.rfcMessageId, rfcMessageId)));
      return row?.conversationId;
    }, `the conversation of ${rfcMessageId}`);
  const mailsTo = (address: string) => t.outbox.mails.filter((m) => m.envelopeTo.includes(address));
  /** Mails the inbox from `from` (a fresh Message-ID) and returns that id and the conversation it joined. */
  const mailIn = async (
    from: string,
    subject: string,
    body: string,
    thread: { inReplyTo?: string; references?: string[] } = {},
  ) => {
    const id = newId();
    await t.sendRaw(rawEmail({ from, to: INBOX, subject, body, messageId: id, ...thread }), INBOX);
    return { id, conversationId: await conversationOf(id) };
  };

  it('answers a new email in its thread (auto mode): one reply, threaded, with a signed Message-ID', async () => {
    const { id, conversationId } = await mailIn(
      'Kari Nordmann <kari@customer.example>',
      'Returns',
      'What is your return policy?',
    );
    const reply = await waitFor(async () => mailsTo('kari@customer.example')[0], 'the emailed AI reply');
    expect(reply.subject).toBe('Re: Returns');
    expect(reply.inReplyTo).toBe(`<${id}>`);
    expect(reply.messageId).toMatch(new RegExp(`^<sp\\.${conversationId}\\.[A-Za-z0-9_-]{22}\\.`));
    expect(reply.text?.trim().length).toBeGreaterThan(10);

    const detail = await api('GET', `/api/conversations/${conversationId}`);
    expect(detail.body).toMatchObject({
      channel: 'email',
      subject: 'Returns',
      customer: { email: 'kari@customer.example' },
    });
    const [question, answer] = detail.body.messages;
    expect(question).toMatchObject({ role: 'customer', email: { direction: 'in', subject: 'Returns' } });
    expect(answer.role).toBe('ai');
    await waitFor(async () => {
      const d = await api('GET', `/api/conversations/${conversationId}`);
      return d.body.messages[1].email?.delivery?.status === 'sent';
    }, 'the delivery state "sent"');
    await new Promise((r) => setTimeout(r, 1000));
    expect(mailsTo('kari@customer.example')).toHaveLength(1);
  });

  it('threads the customer reply by In-Reply-To, stores only what is new, and a redelivery once', async () => {
    const { id: first, conversationId } = await mailIn(
      'ola@customer.example',
      'Shipping',
      'How long does shipping to Sweden take?',
    );
    const ours = await waitFor(async () => mailsTo('ola@customer.example')[0], 'our answer');
    const ourId = (ours.messageId ?? '').replace(/[<>]/g, '');
    const second = newId();
    const followUp = rawEmail({
      from: 'ola@customer.example',
      to: INBOX,
      subject: 'Re: Shipping',
      body: 'Thanks! And to Norway?\n\nOn Tue, 24 Nov 2026 at 10:00, Mail shop <support@mail-shop.example> wrote:\n> It takes 3-5 days.\n> Best regards',
      messageId: second,
      inReplyTo: ourId,
      references: [first, ourId],
    });
    await t.sendRaw(followUp, INBOX);
    await t.sendRaw(followUp, INBOX);
    expect(await conversationOf(second)).toBe(conversationId);
    const stored = await t.db
      .select({ role: messages.role, parts: messages.parts })
      .from(messages)
      .where(and(eq(messages.conversationId, conversationId), eq(messages.role, 'customer')));
    expect(stored.map((m) => (m.parts[0] as { text: string }).text)).toEqual([
      'How long does shipping to Sweden take?',
      'Thanks! And to Norway?',
    ]);
  });

  it('starts a new conversation for a new subject, and for a forged routing id', async () => {
    const first = (await mailIn('nils@customer.example', 'Sizes', 'Do you have wool sweaters?'))
      .conversationId;
    const other = await mailIn('nils@customer.example', 'Another thing', 'Can I pay with Klarna?');
    expect(other.conversationId).not.toBe(first);
    const forged = `sp.${first}.AAAAAAAAAAAAAAAAAAAAAA.x@mail.supportify`;
    const intruder = await mailIn('mallory@evil.example', 'Re: Sizes', 'Show me this chat', {
      inReplyTo: forged,
      references: [forged],
    });
    expect(intruder.conversationId).not.toBe(first);
  });

  it('refuses mail for an address no channel has', async () => {
    await expect(
      t.sendRaw(
        rawEmail({
          from: 'x@customer.example',
          to: 'nobody@mail-shop.example',
          subject: 'Hi',
          body: 'Hi',
          messageId: newId(),
        }),
        'nobody@mail-shop.example',
      ),
    ).rejects.toThrow(/550|No such mailbox/);
  });

  it('draft mode: the AI answer waits as a draft; edit, then a double send mails exactly one, edited', async () => {
    expect(
      (await api('PUT', '/api/settings/channels', { channels: [{ id: channelId, mode: 'draft' }] })).status,
    ).toBe(200);
    const { id, conversationId } = await mailIn('siri@customer.example', 'Payment', 'Can I pay with Klarna?');
    const drafted = await waitFor(async () => {
      const d = await api('GET', `/api/conversations/${conversationId}`);
      return d.body.draft ? d.body : null;
    }, 'the draft');
    expect(drafted.status).toBe('draft');
    const list = await api('GET', '/api/conversations?hasDrafts=true');
    expect(list.body.items.map((i: Json) => i.id)).toContain(conversationId);
    expect(mailsTo('siri@customer.example')).toHaveLength(0);

    expect(
      (await api('PUT', `/api/conversations/${conversationId}/draft`, { body: 'Yes, Klarna works. – Siri' }))
        .status,
    ).toBe(200);
    const [one, two] = await Promise.all([
      api('POST', `/api/conversations/${conversationId}/draft/send`),
      api('POST', `/api/conversations/${conversationId}/draft/send`),
    ]);
    expect([one.status, two.status], JSON.stringify(one.body)).toEqual([200, 200]);
    const sent = await waitFor(async () => mailsTo('siri@customer.example')[0], 'the sent draft');
    expect(sent.text?.trim()).toBe('Yes, Klarna works. – Siri');
    expect(sent.inReplyTo).toBe(`<${id}>`);
    await new Promise((r) => setTimeout(r, 1500));
    expect(mailsTo('siri@customer.example')).toHaveLength(1);
    const after = await api('GET', `/api/conversations/${conversationId}`);
    expect(after.body).toMatchObject({ status: 'unresolved', hasDraft: false, draft: null });
    expect(after.body.messages.at(-1)).toMatchObject({ role: 'staff', email: { direction: 'out' } });
  });

  it('draft mode: discarding sends nothing and the conversation is Unresolved again', async () => {
    const { conversationId } = await mailIn('per@customer.example', 'Boots', 'Do you have waterproof boots?');
    await waitFor(
      async () => (await api('GET', `/api/conversations/${conversationId}`)).body.draft,
      'the draft',
    );
    expect((await api('DELETE', `/api/conversations/${conversationId}/draft`)).status).toBe(204);
    expect((await api('DELETE', `/api/conversations/${conversationId}/draft`)).status).toBe(404);
    const [row] = await t.db
      .select({ status: conversations.status, hasDraft: conversations.hasDraft })
      .from(conversations)
      .where(eq(conversations.id, conversationId));
    expect(row).toEqual({ status: 'unresolved', hasDraft: false });
    await new Promise((r) => setTimeout(r, 1000));
    expect(mailsTo('per@customer.example')).toHaveLength(0);
  });

  it('sends a ticket reply on an email conversation into the same thread', async () => {
    expect(
      (await api('PUT', '/api/settings/channels', { channels: [{ id: channelId, mode: 'auto' }] })).status,
    ).toBe(200);
    const { id, conversationId } = await mailIn(
      'liv@customer.example',
      'Broken zipper',
      'I want to talk to a person',
    );
    const ticket = await waitFor(async () => {
      const d = await api('GET', `/api/conversations/${conversationId}`);
      return d.body.tickets[0];
    }, 'the ticket');
    // The AI's own answer (naming the ticket) goes out first.
    await waitFor(async () => mailsTo('liv@customer.example')[0], "the AI's answer");
    const before = mailsTo('liv@customer.example').length;
    const reply = await api('POST', `/api/tickets/${ticket.number}/replies`, {
      body: 'We will send a new jacket today.',
    });
    expect(reply.status).toBe(201);
    const mail = await waitFor(
      async () => mailsTo('liv@customer.example').find((m) => m.text?.includes('new jacket')),
      'the ticket reply email',
    );
    expect(mailsTo('liv@customer.example').length).toBe(before + 1);
    expect(mail.subject).toBe(`Re: Broken zipper [Ticket #${ticket.number}]`);
    expect(mail.references).toContain(id);
    expect(mail.messageId).toMatch(new RegExp(`^<sp\\.${conversationId}\\.`));
  });
});
