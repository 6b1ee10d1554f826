import { performance } from 'node:perf_hooks';
import { type Client, createClient, type EventStream, loopbackAddress, openStream, request } from './http.ts';
import type { Recorder } from './recorder.ts';

// What staff filter and search by while shoppers chat: words shoppers use, names, emails, an order.
const SEARCHES = [
  'return',
  'sweater',
  'klarna',
  'shipping',
  'boots',
  'Shopper 12',
  'shopper3',
  '1004',
  'wool',
];
const LIST_FILTERS = [
  'status=unresolved',
  'channel=widget',
  'status=resolved',
  'status=unresolved&channel=widget',
];
const TICKET_QUERIES = ['', 'status=new', 'sort=priority', 'status=open&sort=created', 'q=human'];

export type StaffPlan = {
  until: number;
  /** Pause between one answer and the staff member's next request. */
  thinkMs: [number, number];
  random: () => number;
};

export type StaffMember = {
  client: Client;
  cookie: string;
  events: EventStream;
  /** Conversations seen in lists, opened at random. */
  seen: string[];
  requests: number;
};

/** A staff member signs in (cookie session) and holds the admin's live-update stream. Null on failure. */
export async function signInStaff(
  base: string,
  index: number,
  login: { email: string; password: string },
  rec: Recorder,
): Promise<StaffMember | null> {
  const client = createClient(base, loopbackAddress(2, index));
  let cookie: string;
  try {
    const res = await request(client, 'POST', '/api/auth/login', { json: login });
    if (res.status !== 200) {
      rec.error('admin: sign in', `HTTP ${res.status}`, res.body);
      return null;
    }
    rec.time('admin: sign in', res.ms);
    cookie = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  } catch (err) {
    rec.error('admin: sign in', 'network', (err as Error).message);
    return null;
  }
  try {
    const events = await openStream(
      client,
      '/api/events',
      { cookie },
      () => {},
      (reason) => rec.error('admin: event stream', 'dropped before the end', reason),
    );
    rec.time('admin: open event stream', events.openMs);
    return { client, cookie, events, seen: [], requests: 0 };
  } catch (err) {
    rec.error('admin: open event stream', 'failed', (err as Error).message);
    return null;
  }
}

const pick = <T>(list: T[], random: () => number): T => list[Math.floor(random() * list.length)];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/**
 * Staff work the inbox until `until`: conversation lists (plain, filtered, next page), searches, ticket
 * lists and conversation details, one after another with a short pause. GETs only (no CSRF headers needed).
 */
export async function workInbox(s: StaffMember, plan: StaffPlan, rec: Recorder): Promise<void> {
  let cursor: string | null = null;
  while (performance.now() < plan.until) {
    const r = plan.random();
    let operation: string;
    let path: string;
    if (r < 0.2) {
      operation = 'admin: conversation list';
      path = '/api/conversations';
    } else if (r < 0.3 && cursor) {
      operation = 'admin: conversation list, next page';
      path = `/api/conversations?cursor=${encodeURIComponent(cursor)}`;
    } else if (r < 0.45) {
      operation = 'admin: conversation list, filtered';
      path = `/api/conversations?${pick(LIST_FILTERS, plan.random)}`;
    } else if (r < 0.65) {
      operation = 'admin: conversation search';
      const q = `q=${encodeURIComponent(pick(SEARCHES, plan.random))}`;
      path = `/api/conversations?${plan.random() < 0.3 ? `${q}&status=unresolved` : q}`;
    } else if (r < 0.8) {
      operation = 'admin: ticket list';
      const query = pick(TICKET_QUERIES, plan.random);
      path = `/api/tickets${query ? `?${query}` : ''}`;
    } else {
      operation = 'admin: conversation detail';
      if (s.seen.length === 0) continue;
      path = `/api/conversations/${pick(s.seen, plan.random)}`;
    }
    try {
      const res = await request(s.client, 'GET', path, { headers: { cookie: s.cookie } });
      s.requests++;
      if (res.status !== 200) rec.error(operation, `HTTP ${res.status}`, `${path}: ${res.body}`);
      else {
        rec.time(operation, res.ms);
        if (path.startsWith('/api/conversations') && !path.startsWith('/api/conversations/')) {
          const body = JSON.parse(res.body) as { items: Array<{ id: string }>; nextCursor: string | null };
          if (operation === 'admin: conversation list') cursor = body.nextCursor;
          for (const item of body.items.slice(0, 10)) s.seen.push(item.id);
          if (s.seen.length > 200) s.seen.splice(0, s.seen.length - 200);
        }
      }
    } catch (err) {
      rec.error(operation, 'network', (err as Error).message);
    }
    await sleep(plan.thinkMs[0] + plan.random() * (plan.thinkMs[1] - plan.thinkMs[0]));
  }
}
