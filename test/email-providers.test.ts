import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, conversations, emailMessages } from '../src/db/schema/index.ts';
import { createEmailApp, type EmailApp, rawEmail } from './helpers/email-app.ts';
import { newShop } from './helpers/factories.ts';
import { type FakeGmail, GMAIL_TOKEN, startFakeGmail } from './helpers/fake-gmail.ts';
import { type FakeGraph, GRAPH_MAILBOX, insertOutlookChannel, startFakeGraph } from './helpers/fake-graph.ts';
import { until } from './helpers/until.ts';

// The Gmail push and Outlook notification webhooks against local stand-ins of both APIs: the webhook
// queues, a job fetches the raw mail, and it is stored and threaded like mail to the SMTP listener.

const GMAIL_BOX = 'shop@gmail-shop.example';
const CLIENT_STATE = 'client-state-secret-0123456789';

// Slower than the default: a reply goes through the AI, a job and a mail transport.
const waitFor = <T>(check: () => Promise<T>, what: string, ms = 40_000) => until(check, what, ms);

describe('Gmail and Outlook channels', { timeout: 60_000 }, () => {
  let t: EmailApp;
  let gmail: FakeGmail;
  let graph: FakeGraph;
  let gmailChannel: string;
  let outlookChannel: string;

  beforeAll(async () => {
    t = await createEmailApp();
    gmail = await startFakeGmail();
    graph = await startFakeGraph();
    const { shop } = await newShop(t.db, 'Provider shop');
    const [g] = await t.db
      .insert(channels)
      .values({
        shopId: shop.id,
        type: 'gmail',
        name: GMAIL_BOX,
        config: {
          address: GMAIL_BOX,
          accessToken: GMAIL_TOKEN,
          apiBaseUrl: gmail.url,
          lastHistoryId: gmail.historyId(),
        },
      })
      .returning();
    gmailChannel = g.id;
    outlookChannel = await insertOutlookChannel(t.db, shop.id, graph.baseUrl, CLIENT_STATE);
  });
  afterAll(async () => {
    await t?.close();
    await gmail?.close();
    await graph?.close();
  });

  const push = (historyId: string) =>
    t.app.inject({
      method: 'POST',
      url: '/webhooks/gmail',
      payload: {
        message: {
          data: Buffer.from(JSON.stringify({ emailAddress: GMAIL_BOX, historyId })).toString('base64'),
          messageId: '1',
        },
        subscription: 'projects/p/subscriptions/s',
      },
    });
  const stored = (rfc: string) =>
    waitFor(async () => {
      const [row] = await t.db
        .select({
          conversationId: emailMessages.conversationId,
          threadKey: emailMessages.threadKey,
          channelId: emailMessages.channelId,
        })
        .from(emailMessages)
        .where(eq(emailMessages.rfcMessageId, rfc));
      return row;
    }, rfc);

  it('stores new Gmail mail after a push, in its thread, once even when pushed twice', async () => {
    const first = rawEmail({
      from: 'kari@customer.example',
      to: GMAIL_BOX,
      subject: 'Order',
      body: 'Where is my order?',
      messageId: 'g1@customer.example',
    });
    const threadId = gmail.deliver(first);
    expect((await push(gmail.historyId())).statusCode).toBe(204);
    const a = await stored('g1@customer.example');
    expect(a).toMatchObject({ threadKey: threadId, channelId: gmailChannel });
    // A reply in the same Gmail thread without threading headers still joins by threadId.
    gmail.deliver(
      rawEmail({
        from: 'kari@customer.example',
        to: GMAIL_BOX,
        subject: 'Order',
        body: 'Any news?',
        messageId: 'g2@customer.example',
      }),
      ['INBOX'],
      threadId,
    );
    await push(gmail.historyId());
    await push(gmail.historyId());
    const b = await stored('g2@customer.example');
    expect(b.conversationId).toBe(a.conversationId);
    const rows = await t.db
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.rfcMessageId, 'g2@customer.example'));
    expect(rows).toHaveLength(1);
    const [c] = await t.db
      .select({ channel: conversations.channel })
      .from(conversations)
      .where(eq(conversations.id, a.conversationId));
    expect(c.channel).toBe('gmail');
  });

  it('resyncs when the stored Gmail history id has expired', async () => {
    gmail.expireHistory();
    gmail.deliver(
      rawEmail({
        from: 'ola@customer.example',
        to: GMAIL_BOX,
        subject: 'Sizes',
        body: 'Do you have size M?',
        messageId: 'g3@customer.example',
      }),
    );
    await push(gmail.historyId());
    await stored('g3@customer.example');
  });

  it('acknowledges a malformed push without doing anything', async () => {
    expect(
      (await t.app.inject({ method: 'POST', url: '/webhooks/gmail', payload: { nonsense: true } }))
        .statusCode,
    ).toBe(204);
  });

  it('echoes the Graph validation token as text/plain', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/webhooks/outlook?channel=${outlookChannel}&validationToken=abc%20123`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toBe('abc 123');
  });

  it('fetches and stores an Outlook message named by a notification with the right clientState only', async () => {
    const mime = Buffer.from(
      rawEmail({
        from: 'nils@customer.example',
        to: GRAPH_MAILBOX,
        subject: 'Refund',
        body: 'I want a refund',
        messageId: 'o1@customer.example',
      }),
    );
    graph.put({
      id: 'AAMk1',
      mime,
      conversationId: 'conv-1',
      internetMessageId: '<o1@customer.example>',
      subject: 'Refund',
      from: { name: 'Nils', address: 'nils@customer.example' },
    });
    const evil = Buffer.from(
      rawEmail({
        from: 'eve@evil.example',
        to: GRAPH_MAILBOX,
        subject: 'x',
        body: 'x',
        messageId: 'o2@evil.example',
      }),
    );
    graph.put({
      id: 'AAMk2',
      mime: evil,
      conversationId: 'conv-2',
      internetMessageId: '<o2@evil.example>',
      subject: 'x',
      from: { name: 'Eve', address: 'eve@evil.example' },
    });
    const notify = (id: string, clientState: string) =>
      t.app.inject({
        method: 'POST',
        url: `/webhooks/outlook?channel=${outlookChannel}`,
        payload: {
          value: [
            { clientState, changeType: 'created', resource: `Users/x/Messages/${id}`, resourceData: { id } },
          ],
        },
      });
    expect((await notify('AAMk1', CLIENT_STATE)).statusCode).toBe(202);
    expect((await notify('AAMk2', 'wrong-state-wrong-state-wrong')).statusCode).toBe(202);
    const row = await stored('o1@customer.example');
    expect(row).toMatchObject({ threadKey: 'conv-1', channelId: outlookChannel });
    // The AI's answer is a Graph reply to the customer's message.
    const reply = await waitFor(async () => graph.replies[0], 'the Graph reply');
    expect(reply.id).toBe('AAMk1');
    await new Promise((r) => setTimeout(r, 1500));
    expect(
      await t.db.select().from(emailMessages).where(eq(emailMessages.rfcMessageId, 'o2@evil.example')),
    ).toEqual([]);
  });
});
