// The Microsoft Graph mail client against a loopback stand-in for Graph: MIME and message reads, replies,
// sendMail, throttling and errors.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createGraphClient,
  GraphApiError,
  type GraphClientOptions,
} from '../src/channels/email/outlook/index.ts';
import {
  type FakeGraph,
  type FakeGraphMessage,
  GRAPH_MAILBOX,
  GRAPH_TOKEN,
  graphError,
  startFakeGraph,
} from './helpers/fake-graph.ts';

// Graph ids are base64-like: "=", "+", "/" and "-" must survive the path.
const MESSAGE_ID = 'AAMkAGI2TG93AAA/Ab+c-d_e=';

const MIME = Buffer.concat([
  Buffer.from(
    [
      'From: Ada Customer <ada@example.com>',
      `To: ${GRAPH_MAILBOX}`,
      'Subject: Where is my order?',
      'Message-ID: <AM0PR01MB1234@eurprd01.prod.outlook.com>',
      'Content-Type: text/plain; charset=windows-1252',
      '',
      '',
    ].join('\r\n'),
  ),
  Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x0d, 0x0a]),
]);

const message = (overrides: Partial<FakeGraphMessage> = {}): FakeGraphMessage => ({
  id: MESSAGE_ID,
  mime: MIME,
  conversationId: 'AAQkAGI2TG93AAAQAKkV',
  internetMessageId: '<AM0PR01MB1234@eurprd01.prod.outlook.com>',
  subject: 'Where is my order?',
  from: { name: 'Ada Customer', address: 'ada@example.com' },
  ...overrides,
});

let fake: FakeGraph;
let sleeps: number[];
beforeEach(async () => {
  fake = await startFakeGraph();
  fake.put(message());
  sleeps = [];
});
afterEach(() => fake.close());

const graph = (options: Partial<GraphClientOptions> = {}) =>
  createGraphClient({
    baseUrl: fake.baseUrl,
    getAccessToken: async () => GRAPH_TOKEN,
    mailbox: GRAPH_MAILBOX,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    baseDelayMs: 100,
    ...options,
  });

describe('Graph client: reading mail', () => {
  it('fetches a message as MIME, byte for byte', async () => {
    const mime = await graph().getMessageMime(MESSAGE_ID);
    expect(mime.equals(MIME)).toBe(true);
    expect(fake.requests[0]).toMatchObject({
      method: 'GET',
      segments: ['v1.0', 'users', GRAPH_MAILBOX, 'messages', MESSAGE_ID, '$value'],
    });
    expect(fake.requests[0].headers.authorization).toBe(`Bearer ${GRAPH_TOKEN}`);
  });

  it('reads the threading fields of a message with $select', async () => {
    expect(await graph().getMessage(MESSAGE_ID)).toEqual({
      id: MESSAGE_ID,
      conversationId: 'AAQkAGI2TG93AAAQAKkV',
      internetMessageId: '<AM0PR01MB1234@eurprd01.prod.outlook.com>',
      subject: 'Where is my order?',
      from: { address: 'ada@example.com', name: 'Ada Customer' },
    });
    expect(fake.requests[0].query.$select).toBe('id,conversationId,internetMessageId,subject,from');
  });

  it('answers null for fields Graph leaves out', async () => {
    fake.failNext({ status: 200, body: { id: 'x1', subject: null } });
    expect(await graph().getMessage('x1')).toEqual({
      id: 'x1',
      conversationId: null,
      internetMessageId: null,
      subject: null,
      from: null,
    });
  });

  it('throws a GraphApiError with Graph’s code for a missing message, without retrying', async () => {
    const error = await graph()
      .getMessageMime('nope')
      .catch((e) => e);
    expect(error).toBeInstanceOf(GraphApiError);
    expect(error).toMatchObject({ status: 404, code: 'ErrorItemNotFound' });
    expect(fake.requests).toHaveLength(1);
  });

  it('never puts the token in an error', async () => {
    const error = await graph({ getAccessToken: async () => 'eyJ.wrong-secret-token' })
      .getMessage(MESSAGE_ID)
      .catch((e) => e);
    expect(error).toMatchObject({ status: 401, code: 'InvalidAuthenticationToken' });
    expect(`${error.message} ${error.stack}`).not.toContain('wrong-secret');
  });
});

describe('Graph client: sending', () => {
  it('replies with a comment: POST …/messages/{id}/reply, JSON, 202', async () => {
    await graph().replyToMessage(MESSAGE_ID, { comment: 'Your order ships tomorrow.' });
    const request = fake.requests[0];
    expect(request.method).toBe('POST');
    expect(request.segments.slice(3)).toEqual(['messages', MESSAGE_ID, 'reply']);
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual({ comment: 'Your order ships tomorrow.' });
    expect(fake.replies).toEqual([{ id: MESSAGE_ID, body: { comment: 'Your order ships tomorrow.' } }]);
  });

  it('replies with an HTML body', async () => {
    const reply = {
      message: { body: { contentType: 'HTML' as const, content: '<p>Ships <b>tomorrow</b>.</p>' } },
    };
    await graph().replyToMessage(MESSAGE_ID, reply);
    expect(JSON.parse(fake.requests[0].body)).toEqual(reply);
  });

  it('refuses a reply with both a comment and a body (Graph would answer 400), sending nothing', async () => {
    const both = { comment: 'hi', message: { body: { contentType: 'Text' as const, content: 'hi' } } };
    await expect(graph().replyToMessage(MESSAGE_ID, both)).rejects.toThrow(TypeError);
    expect(fake.requests).toHaveLength(0);
  });

  it('sends a new message with sendMail, saved to Sent Items', async () => {
    const outgoing = {
      subject: 'Your order #1004',
      body: { contentType: 'Text' as const, content: 'It ships tomorrow.' },
      toRecipients: [{ emailAddress: { address: 'ada@example.com', name: 'Ada Customer' } }],
      internetMessageHeaders: [{ name: 'X-Supportify-Ticket', value: '17' }],
    };
    await graph().sendMail(outgoing);
    expect(fake.requests[0].segments.slice(3)).toEqual(['sendMail']);
    expect(fake.sentMail).toEqual([{ message: outgoing, saveToSentItems: true }]);
  });
});

describe('Graph client: throttling', () => {
  it('waits as long as Retry-After says after 429, then succeeds', async () => {
    fake.failNext({
      ...graphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.'),
      headers: { 'retry-after': '2' },
    });
    await graph().replyToMessage(MESSAGE_ID, { comment: 'ok' });
    expect(sleeps).toEqual([2000]);
    expect(fake.requests).toHaveLength(2);
    expect(fake.replies).toHaveLength(1);
  });

  it('retries 503 with Retry-After and 504 with backoff', async () => {
    fake.failNext({ status: 503, headers: { 'retry-after': '1' } }, { status: 504 });
    expect((await graph().getMessageMime(MESSAGE_ID)).equals(MIME)).toBe(true);
    expect(sleeps).toEqual([1000, 200]);
  });

  it('gives up after the last retry, and at once when Retry-After is longer than the longest wait', async () => {
    const throttled = graphError(429, 'ApplicationThrottled', 'Too many requests');
    fake.failNext(throttled, throttled);
    await expect(graph({ maxRetries: 1 }).getMessage(MESSAGE_ID)).rejects.toMatchObject({
      status: 429,
      code: 'ApplicationThrottled',
    });
    expect(fake.requests).toHaveLength(2);

    fake.failNext({ ...throttled, headers: { 'retry-after': '120' } });
    sleeps.length = 0;
    await expect(graph({ maxDelayMs: 60_000 }).getMessage(MESSAGE_ID)).rejects.toMatchObject({
      status: 429,
      retryAfterMs: 120_000,
    });
    expect(sleeps).toEqual([]);
  });
});
