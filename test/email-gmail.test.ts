// The Gmail adapter against a loopback stand-in for the Gmail API: history sync with paging, resync after
// an expired history id, raw messages byte for byte, sending into a thread, rate limits and errors.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createGmailClient,
  GmailApiError,
  type GmailClientOptions,
  GmailHistoryExpiredError,
  type GmailRawMessage,
  syncGmailMailbox,
} from '../src/channels/email/gmail/index.ts';
import {
  type FakeGmail,
  GMAIL_ADDRESS,
  GMAIL_TOKEN,
  googleError,
  startFakeGmail,
} from './helpers/fake-gmail.ts';

const mail = (n: number, subject = `Order question ${n}`) =>
  [
    'From: Ada Customer <ada@example.com>',
    `To: ${GMAIL_ADDRESS}`,
    `Subject: ${subject}`,
    `Message-ID: <msg-${n}@example.com>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Hello, where is order #100${n}?`,
    '',
  ].join('\r\n');

let fake: FakeGmail;
let sleeps: number[];

async function setUp(options: { historyPageSize?: number } = {}) {
  fake = await startFakeGmail(options);
  sleeps = [];
}
afterEach(() => fake.close());

const gmail = (options: Partial<GmailClientOptions> = {}) =>
  createGmailClient({
    baseUrl: fake.url,
    getAccessToken: async () => GMAIL_TOKEN,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    baseDelayMs: 100,
    ...options,
  });

async function sync(lastHistoryId: string | null) {
  const delivered: GmailRawMessage[] = [];
  const result = await syncGmailMailbox({
    client: gmail(),
    lastHistoryId,
    onRawMessage: async (m) => {
      delivered.push(m);
    },
  });
  return { result, delivered, texts: delivered.map((m) => m.raw.toString('utf8')) };
}

describe('Gmail sync', () => {
  beforeEach(() => setUp({ historyPageSize: 2 }));

  it('delivers the messages added since the stored history id, following history pages', async () => {
    fake.deliver(mail(0));
    const stored = fake.historyId();
    const ids = [fake.deliver(mail(1)), fake.deliver(mail(2)), fake.deliver(mail(3))];

    const { result, delivered, texts } = await sync(stored);

    expect(result).toEqual({ historyId: fake.historyId(), resynced: false, count: 3 });
    expect(delivered.map((m) => m.id)).toEqual(ids);
    expect(texts).toEqual([mail(1), mail(2), mail(3)]);
    const historyCalls = fake.requests.filter((r) => r.path.endsWith('/history'));
    expect(historyCalls.map((r) => [r.query.startHistoryId, r.query.pageToken])).toEqual([
      [stored, undefined],
      [stored, '2'],
    ]);
    expect(historyCalls[0].query.historyTypes).toBe('messageAdded');
    expect(fake.requests.every((r) => r.headers.authorization === `Bearer ${GMAIL_TOKEN}`)).toBe(true);
  });

  it('delivers nothing and keeps up with the history id when no mail came', async () => {
    fake.deliver(mail(0));
    expect((await sync(fake.historyId())).result).toEqual({
      historyId: fake.historyId(),
      resynced: false,
      count: 0,
    });
  });

  it('resyncs the last week when the history id has expired (404), oldest first, from the profile history id', async () => {
    fake.deliver(mail(1));
    const stale = fake.historyId();
    fake.deliver(mail(2));
    fake.deliver(mail(8), ['DRAFT']);
    fake.deliver(mail(3));
    fake.expireHistory();
    const profileHistoryId = fake.historyId();

    const { result, texts } = await sync(stale);

    expect(result).toEqual({ historyId: profileHistoryId, resynced: true, count: 3 });
    expect(texts).toEqual([mail(1), mail(2), mail(3)]);
    const calls = fake.requests.map((r) => `${r.method} ${r.path.replace('/gmail/v1/users/me', '')}`);
    expect(calls.slice(0, 3)).toEqual(['GET /history', 'GET /profile', 'GET /messages']);
    expect(fake.requests[2].query.q).toContain('newer_than:7d');
  });

  it('resyncs a mailbox never synced', async () => {
    fake.deliver(mail(1));
    const { result, texts } = await sync(null);
    expect(result).toEqual({ historyId: fake.historyId(), resynced: true, count: 1 });
    expect(texts).toEqual([mail(1)]);
    expect(fake.requests.some((r) => r.path.endsWith('/history'))).toBe(false);
  });

  it('leaves out our own sent mail, drafts, spam, and messages deleted before they were fetched', async () => {
    const stored = fake.historyId();
    const gone = fake.deliver(mail(1));
    fake.deliver(mail(2), ['DRAFT']);
    fake.deliver(mail(5), ['SPAM', 'UNREAD']);
    await gmail().sendRaw(mail(3), gone);
    fake.deliver(mail(4));
    fake.remove(gone);

    const { result, texts } = await sync(stored);

    expect(texts).toEqual([mail(4)]);
    expect(result.count).toBe(1);
  });

  it('stops at the first failure of the consumer, so the history id is not advanced past it', async () => {
    const stored = fake.historyId();
    fake.deliver(mail(1));
    fake.deliver(mail(2));
    const seen: string[] = [];
    const run = syncGmailMailbox({
      client: gmail(),
      lastHistoryId: stored,
      onRawMessage: async (m) => {
        seen.push(m.id);
        throw new Error('database down');
      },
    });
    await expect(run).rejects.toThrow('database down');
    expect(seen).toHaveLength(1);
  });
});

describe('Gmail client', () => {
  beforeEach(() => setUp());

  it('lists each added message once, in order, even when history repeats it across pages', async () => {
    const added = (...ids: string[]) =>
      ids.map((id) => ({ message: { id, threadId: id, labelIds: ['INBOX'] } }));
    fake.failNext(
      {
        status: 200,
        body: {
          history: [{ id: '11', messagesAdded: added('m1', 'm2') }],
          nextPageToken: 'p2',
          historyId: '15',
        },
      },
      { status: 200, body: { history: [{ id: '14', messagesAdded: added('m2', 'm3') }], historyId: '16' } },
    );
    expect(await gmail().listNewMessageIds('10')).toEqual({
      messageIds: ['m1', 'm2', 'm3'],
      historyId: '16',
    });
    expect(fake.requests[1].query).toMatchObject({ startHistoryId: '10', pageToken: 'p2' });
  });

  it('throws GmailHistoryExpiredError (a GmailApiError, 404) for a history id Gmail no longer keeps', async () => {
    const stale = fake.historyId();
    fake.deliver(mail(1));
    fake.expireHistory();
    const error = await gmail()
      .listNewMessageIds(stale)
      .catch((e) => e);
    expect(error).toBeInstanceOf(GmailHistoryExpiredError);
    expect(error).toBeInstanceOf(GmailApiError);
    expect(error).toMatchObject({ name: 'GmailHistoryExpiredError', status: 404, code: 'notFound' });
  });

  it('reads the profile', async () => {
    fake.deliver(mail(1));
    expect(await gmail().getProfile()).toEqual({ emailAddress: GMAIL_ADDRESS, historyId: fake.historyId() });
  });

  it('fetches a raw message and decodes it to the exact bytes', async () => {
    // Latin-1 bytes, CRLF and bytes whose base64 needs "+" and "/" (base64url: "-" and "_").
    const bytes = Buffer.concat([
      Buffer.from('Subject: =?ISO-8859-1?Q?caf=E9?=\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n'),
      Buffer.from([0x63, 0x61, 0x66, 0xe9, 0xfb, 0xff, 0xbe, 0x3e, 0x3f, 0x0d, 0x0a]),
    ]);
    const id = fake.deliver(bytes, ['INBOX'], 'thread-7');

    const message = await gmail().getRawMessage(id);

    expect(message.raw.equals(bytes)).toBe(true);
    expect(message).toMatchObject({
      id,
      threadId: 'thread-7',
      labelIds: ['INBOX'],
      historyId: fake.historyId(),
    });
    expect(fake.requests[0].query.format).toBe('raw');
  });

  it('sends raw MIME into a thread: base64url of the exact message with the threadId', async () => {
    const reply = Buffer.from(`${mail(9, 'Re: Order question 1')}Ümlaut ✓ >>>???\r\n`);

    const sent = await gmail().sendRaw(reply, 'thread-42');

    const request = fake.requests.find((r) => r.method === 'POST');
    expect(request?.path).toBe('/gmail/v1/users/me/messages/send');
    expect(request?.headers['content-type']).toBe('application/json');
    const body = JSON.parse(request?.body ?? '{}');
    expect(body).toEqual({ raw: reply.toString('base64url'), threadId: 'thread-42' });
    expect(body.raw).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(body.raw, 'base64url').equals(reply)).toBe(true);
    expect(sent).toEqual({ id: fake.sent()[0].id, threadId: 'thread-42' });
  });

  it('sends a string as its UTF-8 text, without a threadId when none is given', async () => {
    const sent = await gmail().sendRaw(mail(5));
    const body = JSON.parse(fake.requests[0].body);
    expect(body).toEqual({ raw: Buffer.from(mail(5)).toString('base64url') });
    expect(sent.threadId).toBe(sent.id);
  });

  it('lists recent message ids, newest first, across pages up to the maximum', async () => {
    const ids = [1, 2, 3, 4, 5].map((n) => fake.deliver(mail(n)));
    expect(await gmail().listRecentMessageIds('newer_than:7d', 3)).toEqual([ids[4], ids[3], ids[2]]);
    expect(await gmail().listRecentMessageIds()).toEqual([...ids].reverse());
    expect(fake.requests[0].query).toMatchObject({ q: 'newer_than:7d', maxResults: '3' });
  });

  it('waits as long as Retry-After says after 429, then succeeds', async () => {
    fake.failNext({
      ...googleError(429, 'RESOURCE_EXHAUSTED', 'rateLimitExceeded', 'Too many requests'),
      headers: { 'retry-after': '3' },
    });
    expect((await gmail().getProfile()).emailAddress).toBe(GMAIL_ADDRESS);
    expect(sleeps).toEqual([3000]);
    expect(fake.requests).toHaveLength(2);
  });

  it('backs off exponentially on 5xx and on 403 rate-limit reasons', async () => {
    fake.failNext(
      { status: 503, body: 'unavailable' },
      googleError(403, 'PERMISSION_DENIED', 'userRateLimitExceeded', 'User rate limit exceeded'),
      googleError(500, 'INTERNAL', 'backendError', 'Backend Error'),
    );
    expect((await gmail().getProfile()).emailAddress).toBe(GMAIL_ADDRESS);
    expect(sleeps).toEqual([100, 200, 400]);
  });

  it('gives up after the last retry with a GmailApiError carrying the status', async () => {
    const limited = { ...googleError(429, 'RESOURCE_EXHAUSTED', 'rateLimitExceeded', 'Slow down') };
    fake.failNext(limited, limited, limited);
    const error = await gmail({ maxRetries: 2 })
      .getProfile()
      .catch((e) => e);
    expect(error).toBeInstanceOf(GmailApiError);
    expect(error).toMatchObject({ status: 429, code: 'rateLimitExceeded' });
    expect(fake.requests).toHaveLength(3);
  });

  it('does not wait when Retry-After asks for longer than the longest wait; the error says how long', async () => {
    fake.failNext({ status: 429, headers: { 'retry-after': '3600' } });
    const error = await gmail()
      .getProfile()
      .catch((e) => e);
    expect(error).toMatchObject({ name: 'GmailApiError', status: 429, retryAfterMs: 3_600_000 });
    expect(sleeps).toEqual([]);
  });

  it('does not retry other errors, and never puts the token in the error', async () => {
    const error = await gmail({ getAccessToken: async () => 'ya29.wrong-token' })
      .getProfile()
      .catch((e) => e);
    expect(error).toBeInstanceOf(GmailApiError);
    expect(error.status).toBe(401);
    expect(`${error.message} ${error.stack}`).not.toContain('ya29');
    expect(fake.requests).toHaveLength(1);
  });

  it('asks for a fresh token on every attempt', async () => {
    fake.failNext({ status: 503 });
    let asked = 0;
    await gmail({
      getAccessToken: async () => {
        asked++;
        return GMAIL_TOKEN;
      },
    }).getProfile();
    expect(asked).toBe(2);
  });

  it('reports a network failure as a GmailApiError with status 0 after retrying', async () => {
    await fake.close();
    const error = await gmail({ maxRetries: 1 })
      .getProfile()
      .catch((e) => e);
    expect(error).toMatchObject({ name: 'GmailApiError', status: 0 });
    expect(sleeps).toEqual([100]);
    fake = await startFakeGmail();
  });

  it('treats a response of the wrong shape as an error', async () => {
    fake.failNext({ status: 200, body: { emailAddress: GMAIL_ADDRESS } });
    await expect(gmail().getProfile()).rejects.toMatchObject({
      name: 'GmailApiError',
      code: 'badResponse',
    });
  });
});
