// The CSV export: one row per message, quoting of commas, quotes and newlines, formula injection
// neutralised, tool calls as JSON; parsed back with a CSV parser.
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations } from '../src/db/schema/index.ts';
import { login, newConversation, newShop } from './helpers/factories.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

const T0 = Date.parse('2026-01-10T09:00:00.000Z');
const DAY_MS = 86_400_000;

const toolCall = {
  type: 'tool-call' as const,
  toolCallId: 'call_7',
  toolName: 'lookupOrder',
  input: { orderNumber: '#1001', email: '=evil@example.com' },
};
const toolResult = {
  type: 'tool-result' as const,
  toolCallId: 'call_7',
  toolName: 'lookupOrder',
  output: { found: true, note: 'line one\nline "two", three' },
};

// Every cell a spreadsheet would run as a formula, and text that needs quoting.
const TRICKY = [
  '=HYPERLINK("http://evil.example","click")',
  '+1+2',
  '-2+3',
  '@SUM(A1:A2)',
  '\tTabbed',
  '\rCarriage',
  'Comma, "quotes" and\nnewlines\r\nin one cell',
  'Plain text with æøå and 😀',
];

type Row = Record<string, string>;

describe('conversation export as CSV', () => {
  let t: TestApp;
  let cookie: string;
  let trickyId: string;
  let emptyId: string;
  let body: string;
  let rows: Row[];

  beforeAll(async () => {
    t = await createTestApp();
    const { shop, email } = await newShop(t.db);
    cookie = await login(t.app, email);
    const tricky = await newConversation(t.db, shop.id, {
      channel: 'gmail',
      status: 'resolved',
      startedAt: new Date(T0),
      customer: { name: '=cmd|"/c calc"!A0', email: 'tricky@example.com' },
      messages: [
        ...TRICKY.map((text) => ({ role: 'customer' as const, text })),
        {
          role: 'ai',
          parts: [
            toolCall,
            toolResult,
            { type: 'text', text: 'Found it.' },
            { type: 'text', text: 'Anything else?' },
          ],
        },
      ],
    });
    trickyId = tricky.id;
    await t.db.update(conversations).set({ subject: '-Re: refund' }).where(eq(conversations.id, trickyId));
    emptyId = (await newConversation(t.db, shop.id, { startedAt: new Date(T0 - 60_000), messages: [] })).id;
    const res = await t.app.inject({ url: '/api/conversations/export?format=csv', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="conversations-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    body = res.body;
    rows = parse(body, { bom: true, columns: true, relax_column_count: false });
  });
  afterAll(() => t?.close());

  it('starts with a byte order mark and the header row', () => {
    expect(body.charCodeAt(0)).toBe(0xfeff);
    expect(body.slice(1).split('\n')[0]).toBe(
      'conversation_id,started_at,expires_at,status,channel,subject,customer_name,customer_email,message_id,message_created_at,role,text,tool_calls',
    );
  });

  it('has one row per message, the conversation repeated, in order; an empty conversation gets one row', async () => {
    const detail = (
      await t.app.inject({ url: `/api/conversations/${trickyId}`, headers: { cookie } })
    ).json();
    const mine = rows.filter((r) => r.conversation_id === trickyId);
    expect(mine.map((r) => r.message_id)).toEqual(detail.messages.map((m: { id: string }) => m.id));
    expect(mine.map((r) => r.message_created_at)).toEqual(
      detail.messages.map((m: { createdAt: string }) => m.createdAt),
    );
    for (const r of mine) {
      expect(r).toMatchObject({
        started_at: new Date(T0).toISOString(),
        expires_at: new Date(T0 + 90 * DAY_MS).toISOString(),
        status: 'resolved',
        channel: 'gmail',
        customer_email: 'tricky@example.com',
      });
    }
    expect(mine.map((r) => r.role)).toEqual([...TRICKY.map(() => 'customer'), 'ai']);
    const empty = rows.filter((r) => r.conversation_id === emptyId);
    expect(empty).toEqual([
      expect.objectContaining({ message_id: '', role: '', text: '', tool_calls: '', customer_name: '' }),
    ]);
    // Newest conversation first, like the list.
    expect(rows.at(-1)!.conversation_id).toBe(emptyId);
    expect(rows.length).toBe(TRICKY.length + 2);
  });

  it('round-trips quotes, commas and newlines, and neutralises formulas with a leading apostrophe', () => {
    const texts = rows
      .filter((r) => r.conversation_id === trickyId && r.role === 'customer')
      .map((r) => r.text);
    expect(texts).toEqual([
      `'${TRICKY[0]}`,
      `'${TRICKY[1]}`,
      `'${TRICKY[2]}`,
      `'${TRICKY[3]}`,
      `'${TRICKY[4]}`,
      `'${TRICKY[5]}`,
      TRICKY[6],
      TRICKY[7],
    ]);
    const first = rows.find((r) => r.conversation_id === trickyId)!;
    expect(first.customer_name).toBe(`'=cmd|"/c calc"!A0`);
    expect(first.subject).toBe("'-Re: refund");
    // No cell anywhere starts with a formula character.
    for (const row of rows) {
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('joins text parts and gives tool calls with their input and results with their output as JSON', () => {
    const ai = rows.find((r) => r.conversation_id === trickyId && r.role === 'ai')!;
    expect(ai.text).toBe('Found it.\n\nAnything else?');
    expect(JSON.parse(ai.tool_calls)).toEqual([toolCall, toolResult]);
    const customer = rows.find((r) => r.conversation_id === trickyId && r.role === 'customer')!;
    expect(customer.tool_calls).toBe('');
  });

  it('exports one conversation as CSV too', async () => {
    const res = await t.app.inject({
      url: `/api/conversations/${trickyId}/export?format=csv`,
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="conversation-${trickyId}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
    );
    const single: Row[] = parse(res.body, { bom: true, columns: true });
    expect(single).toEqual(rows.filter((r) => r.conversation_id === trickyId));
  });
});
