// The XSS browser test's inputs (e2e/xss.e2e.test.ts): how the corpus is cut for each input's limit, and
// the corpus fed in through the APIs, inbound email and the staff inputs before any page opens.
import nodemailer from 'nodemailer';
import PostalMime from 'postal-mime';
import { collapsed, fitting, packed, STORABLE, XSS_CORPUS } from '../../test/fixtures/xss-corpus.ts';
import { until } from './admin.ts';
import type { AdminSuite } from './admin-suite.ts';
import { apiGet, apiSend, getWidgetKey, startWidgetConversation } from './api.ts';
import { deliverEmail, readOutbox } from './email.ts';

// biome-ignore lint/suspicious/noExplicitAny: API bodies are checked by the assertions themselves.
export type Json = Record<string, any>;

/** The category staff add by hand in the ticket page. */
export const TYPED_CATEGORY = 'attr-only';
/** A second email channel of the demo shop, named by the corpus, in Draft mode. */
const INBOX = 'xss-inbox@nordic-threads.example';
export const VISITOR_EMAIL = 'visitor.xss@customer.example';
const HUMAN = 'I want to talk to a human please.';

// How the corpus is cut for each input's limit.
/** Customer names (widget: ≤ 200), one conversation (and ticket) each. */
export const NAMES = packed(200);
/** Their messages: the AI opens a ticket whose summary is the message (≤ 300 characters). */
const NAME_TEXTS = packed(300 - HUMAN.length - 1).map((t) => `${HUMAN} ${t}`);
/** A policy question the AI searches the store's policies for, words and payloads alike (a tool call). */
export const corpus = (id: string) => XSS_CORPUS.find((p) => p.id === id)!.text;
const POLICY_QUESTION = `What is your return policy? ${corpus('script')} ${corpus('img-onerror')}`;
/** What the visitor types in the widget, one message each (composer: ≤ 2,000), the long payload alone. */
export const WIDGET_TEXTS = [POLICY_QUESTION, ...packed(1500, '\n'), corpus('long')];
/** Inbound emails: each a subject, a From name, a text body and an HTML body. */
export const EMAIL_BODIES = packed(1800, '\n');
/** Every subject tries to add header fields (the answer's subject is made from it). */
export const SUBJECTS = packed(200).map((s) => `${corpus('header-injection')} ${s}`);
/** The whole corpus in one staff text (≤ 10,000). */
export const ALL = STORABLE.map((p) => p.text).join('\n\n');

/** The mails in the outbox whose text contains `marker`, parsed (the raw file may encode it). */
export async function outboxMails(dataDir: string, marker: string) {
  const mails = await Promise.all(
    readOutbox(dataDir).map(async (f) => ({ raw: f.text, ...(await PostalMime.parse(f.text)) })),
  );
  return mails.filter((m) => (m.text ?? '').includes(marker));
}

/**
 * RFC 2047 encoded words for any text, line breaks included (a header cannot carry them raw, an encoded
 * word can): what a hostile sender writes to smuggle a CR/LF into the subject we answer with.
 */
function encodedWords(text: string): string {
  const words: string[] = [];
  let chunk = '';
  for (const c of text) {
    if (Buffer.byteLength(chunk + c) > 40) {
      words.push(chunk);
      chunk = '';
    }
    chunk += c;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join(' ');
}

/** An email as a mail client writes it (nodemailer encodes the From name), with an encoded subject. */
async function rawEmail(m: { fromName: string; from: string; subject: string; text: string; html: string }) {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const info = await composer.sendMail({
    from: { name: m.fromName, address: m.from },
    to: INBOX,
    subject: 'SUBJECT',
    text: m.text,
    html: m.html,
    messageId: `<xss-${Math.random().toString(36).slice(2)}@customer.example>`,
  });
  // Encoded words in a row are one text to the reader; nodemailer would have replaced the line breaks.
  return (info.message as Buffer)
    .toString('utf8')
    .replace(/\nSubject: SUBJECT\r?\n/, (line) => line.replace('SUBJECT', encodedWords(m.subject)));
}

/** What feedCorpus made, for the pages to show. */
export type XssInputs = {
  widgetKey: string;
  /** Conversations started through the widget API, by customer name. */
  named: Array<{ name: string; conversationId: string }>;
  /** The conversations of the inbound emails (each with an AI draft). */
  emailConversations: string[];
  /** The shop's ticket categories after the corpus ones were added. */
  categories: string[];
  viewNames: string[];
  channelName: string;
};

/** Feeds the corpus in through the APIs, the SMTP listener and the staff inputs, before any page opens. */
export async function feedCorpus(url: string, staffCookie: string, suite: AdminSuite): Promise<XssInputs> {
  const named: XssInputs['named'] = [];
  const emailConversations: string[] = [];
  let categories: string[] = [];
  const send = async (method: 'POST' | 'PUT', path: string, body: unknown, ok = [200, 201]) => {
    const res = await apiSend(url, method, path, staffCookie, body);
    if (!ok.includes(res.status))
      throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Json;
  };
  const widgetKey = await getWidgetKey(url, staffCookie);

  // Staff inputs: ticket categories (≤ 40, unique in any case), saved view names (≤ 80), a channel name.
  const seen = new Set<string>();
  for (const p of fitting(40)) {
    const name = collapsed(p.text);
    // One is left for staff to type in the ticket page.
    if (p.id === TYPED_CATEGORY || seen.has(name.toLowerCase()) || seen.size >= 30) continue;
    seen.add(name.toLowerCase());
    categories = (await send('POST', '/api/tickets/categories', { name })).categories;
  }
  const views = new Set<string>();
  for (const p of fitting(80)) {
    const name = collapsed(p.text);
    // The demo shop has views of its own; a list holds at most 50.
    if (views.size >= 25 || [...views].some((v) => v.toLowerCase() === name.toLowerCase())) continue;
    views.add(name);
    await send('POST', '/api/views', { kind: 'tickets', name, filters: { q: name.slice(0, 200) } });
    await send('POST', '/api/views', { kind: 'conversations', name, filters: { q: name.slice(0, 200) } });
  }
  const viewNames = [...views];
  const channelName = packed(100)[0];
  const channels = await send('POST', '/api/settings/channels/email', {
    name: channelName,
    inboundAddress: INBOX,
  });
  const channel = channels.channels.find((c: Json) => c.inboundAddress === INBOX);
  await send('PUT', '/api/settings/channels', { channels: [{ id: channel.id, mode: 'draft' }] });

  // Customers: names and messages through the widget API; each asks for a person, so the AI opens a ticket.
  for (const [i, name] of NAMES.entries()) {
    const conversationId = await startWidgetConversation(
      url,
      widgetKey,
      { name, email: `corpus${i}@customer.example` },
      [NAME_TEXTS[i % NAME_TEXTS.length]],
    );
    named.push({ name: name.trim(), conversationId });
  }

  // Emails: subject, From name, text and HTML bodies, delivered to the SMTP listener.
  const port = suite.server?.smtpPort();
  if (!port) throw new Error(`no inbound SMTP port:\n${suite.server?.output()}`);
  for (const [i, body] of EMAIL_BODIES.entries()) {
    const from = `sender${i}@customer.example`;
    const raw = await rawEmail({
      fromName: NAMES[(i + 3) % NAMES.length],
      from,
      subject: SUBJECTS[i % SUBJECTS.length],
      text: body,
      html: body
        .split('\n')
        .map((line) => `<p>${line}</p>`)
        .join('\n'),
    });
    await deliverEmail(port, raw, INBOX, from);
  }
  // Ready when every named conversation has its ticket and every email its AI draft.
  await until(
    async () => {
      const tickets = (await apiGet(url, '/api/tickets?limit=100', staffCookie)) as Json;
      const drafts = (await apiGet(
        url,
        '/api/conversations?channel=email&hasDrafts=true',
        staffCookie,
      )) as Json;
      return { tickets: tickets.items as Json[], drafts: drafts.items as Json[] };
    },
    ({ tickets, drafts }) => {
      const ticketed = new Set(tickets.map((t) => t.conversationId));
      const mine = drafts.filter((d) => /^sender\d+@customer\.example$/.test(d.customer?.email ?? ''));
      if (mine.length < EMAIL_BODIES.length) return false;
      emailConversations.splice(0, Infinity, ...mine.map((d) => d.id as string));
      return named.every((n) => ticketed.has(n.conversationId));
    },
    'a ticket for every named conversation and a draft for every email',
    30_000,
  );
  return { widgetKey, named, emailConversations, categories, viewNames, channelName };
}
