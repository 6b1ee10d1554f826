import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

export const SESSION_COOKIE = 'supportify_session';

/** The Host header `app.inject` sends, and the Origin a same-origin browser request would carry. */
export const INJECT_HOST = 'localhost:80';
export const SAME_ORIGIN = `http://${INJECT_HOST}`;

/** Asserts the API's error shape `{ error: { code, message } }` with the given status and code. */
export function expectError(res: LightMyRequestResponse, status: number, code: string): void {
  expect({ status: res.statusCode, body: res.json() }).toEqual({
    status,
    body: { error: { code, message: expect.stringMatching(/\S/) } },
  });
}

/** The session cookie a response sets, as a Cookie header value, or null. */
export function sessionCookieFrom(res: LightMyRequestResponse): string | null {
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  return cookie?.value ? `${cookie.name}=${cookie.value}` : null;
}

export type ListItem = {
  id: string;
  status: string;
  customer: { name: string | null; email: string | null };
  channel: string;
  startedAt: string;
  lastMessageAt: string;
  expiresAt: string;
  preview: string;
  hasDraft: boolean;
};
export type ListPage = { items: ListItem[]; nextCursor: string | null };

/** `GET /api/conversations` with the given query; fails the test unless it answers 200. */
export async function listConversations(
  app: FastifyInstance,
  cookie: string,
  query: Record<string, string> = {},
): Promise<ListPage> {
  const res = await app.inject({ method: 'GET', url: '/api/conversations', query, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The ids `GET /api/conversations` answers with for a query (first page only). */
export async function listIds(
  app: FastifyInstance,
  cookie: string,
  query: Record<string, string> = {},
): Promise<string[]> {
  return (await listConversations(app, cookie, query)).items.map((i) => i.id);
}

/** Every item of a listing, following nextCursor until it is null. */
export async function walkAllPages(
  app: FastifyInstance,
  cookie: string,
  query: Record<string, string>,
  betweenPages?: (pageIndex: number) => Promise<void>,
): Promise<{ items: ListItem[]; pages: number }> {
  const items: ListItem[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: ListPage = await listConversations(app, cookie, cursor ? { ...query, cursor } : query);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
    if (pages > 1000) throw new Error('pagination does not end');
    if (cursor && betweenPages) await betweenPages(pages);
  } while (cursor);
  return { items, pages };
}

/** `GET /api/conversations/:id` as JSON; fails the test unless it answers 200. */
export async function getDetail(app: FastifyInstance, cookie: string, id: string) {
  const res = await app.inject({ method: 'GET', url: `/api/conversations/${id}`, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** `PATCH /api/conversations/:id` with a JSON body. */
export function patchConversation(
  app: FastifyInstance,
  cookie: string,
  id: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method: 'PATCH',
    url: `/api/conversations/${id}`,
    headers: { cookie, ...headers },
    payload: body as object,
  });
}

/** Newest first by startedAt, ties by id descending: the listing's order. */
export function newestFirst<T extends { id: string; startedAt: Date }>(rows: T[]): T[] {
  return [...rows].sort(
    (a, b) => b.startedAt.getTime() - a.startedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );
}

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions themselves.
export type Json = Record<string, any>;

/** A request with a JSON body as the given session: its status, parsed body, and the response itself. */
export async function requestJson(
  app: FastifyInstance,
  cookie: string,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
) {
  const res = await app.inject({ method, url, payload: payload as Json, headers: { cookie } });
  return { status: res.statusCode, body: (res.body ? res.json() : null) as Json, res };
}
