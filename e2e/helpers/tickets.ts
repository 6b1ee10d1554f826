// Helpers for the Tickets browser tests: reading the Tickets table, and opening tickets the way customers do.
import type { Page } from 'playwright-core';
import { until } from './admin.ts';
import { apiGet, startWidgetConversation } from './api.ts';

export type TicketRow = {
  number: number;
  status: string;
  priority: string;
  customer: string;
  accent: string;
};
export type TicketListState = {
  busy: boolean;
  empty: boolean;
  rows: TicketRow[];
  /** The status tabs' counts, by tab value (`all`, `new`, …). */
  counts: Record<string, number>;
  url: URL;
};

/** What the Tickets page shows right now. */
export async function readTickets(page: Page): Promise<TicketListState> {
  const state = await page.evaluate(() => {
    const rows = [...document.querySelectorAll('[data-testid="ticket-row"]')].map((tr) => ({
      number: Number(tr.getAttribute('data-ticket-number')),
      status: tr.getAttribute('data-status') ?? '',
      priority: tr.getAttribute('data-priority') ?? '',
      accent: tr.getAttribute('data-accent') ?? '',
      customer: (tr.querySelector('[data-testid="ticket-customer"]')?.textContent ?? '').trim(),
    }));
    const counts: Record<string, number> = {};
    for (const tab of document.querySelectorAll('[data-testid^="status-tab-"]')) {
      const value = (tab.getAttribute('data-testid') ?? '').replace('status-tab-', '');
      const count = tab.querySelector('[data-testid="status-count"]')?.textContent;
      if (count) counts[value] = Number(count);
    }
    return {
      busy: document.querySelector('[aria-busy="true"]') !== null,
      empty: document.querySelector('[data-testid="empty-state"]') !== null,
      rows,
      counts,
    };
  });
  return { ...state, url: new URL(page.url()) };
}

/** Waits for the Tickets table to settle (rows or the empty state, not busy) in a state that satisfies `ok`. */
export function waitForTickets(
  page: Page,
  ok: (list: TicketListState) => boolean,
  what: string,
): Promise<TicketListState> {
  return until(
    () => readTickets(page),
    (list) => !list.busy && (list.rows.length > 0 || list.empty) && ok(list),
    `the ticket list: ${what}`,
  );
}

type ApiTicketList = { items: Array<{ number: number; conversationId: string | null }> };

/** The ticket the AI opened for a conversation (polls the API until it exists). */
export async function ticketOf(baseUrl: string, cookie: string, conversationId: string): Promise<number> {
  const list = await until(
    () => apiGet(baseUrl, '/api/tickets?limit=100&sort=created', cookie) as Promise<ApiTicketList>,
    (l) => l.items.some((t) => t.conversationId === conversationId),
    `a ticket for conversation ${conversationId}`,
  );
  return list.items.find((t) => t.conversationId === conversationId)!.number;
}

/** A storefront visitor asks for a person; the AI opens a ticket. Answers the conversation and ticket. */
export async function customerAsksForHuman(
  baseUrl: string,
  cookie: string,
  widgetKey: string,
  customer: { name?: string; email?: string },
  text: string,
): Promise<{ conversationId: string; ticketNumber: number }> {
  const conversationId = await startWidgetConversation(baseUrl, widgetKey, customer, [text]);
  return { conversationId, ticketNumber: await ticketOf(baseUrl, cookie, conversationId) };
}
