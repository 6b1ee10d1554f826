import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { conversationKeys } from './conversations.ts';
import { setLiveStatus } from './live-status.ts';
import { isEmbedded } from './shopify-session.ts';
import { ticketKeys } from './tickets.ts';

type TicketEvent = { action: 'created' | 'updated' | 'deleted'; number: number };
type ConversationEvent = { conversationId: string; type: string };

function parse<T>(event: MessageEvent): T | null {
  try {
    return JSON.parse(String(event.data)) as T;
  } catch {
    return null;
  }
}

function onTicket(queryClient: QueryClient, event: TicketEvent) {
  void queryClient.invalidateQueries({ queryKey: ticketKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: ticketKeys.counts() });
  if (event.action === 'deleted') {
    queryClient.removeQueries({ queryKey: ticketKeys.detail(event.number) });
  } else {
    void queryClient.invalidateQueries({ queryKey: ticketKeys.detail(event.number) });
  }
  // Conversations show their tickets.
  void queryClient.invalidateQueries({ queryKey: conversationKeys.all, type: 'active' });
}

function onConversation(queryClient: QueryClient, event: ConversationEvent) {
  void queryClient.invalidateQueries({ queryKey: conversationKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: conversationKeys.detail(event.conversationId) });
  // A ticket's thread holds its conversation's messages.
  void queryClient.invalidateQueries({ queryKey: [...ticketKeys.all, 'detail'], type: 'active' });
}

const MAX_BACKOFF_MS = 30_000;

/**
 * Listens to `GET /api/events` while signed in and refreshes what changed: new and changed tickets and
 * conversations appear without a reload. EventSource retries a dropped stream by itself; a refused one
 * (an HTTP error closes it for good) is reopened here with a growing delay. After a reconnect everything
 * shown is refetched, since events sent meanwhile were missed.
 */
export function useLiveEvents(enabled: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    // EventSource cannot send the session token: embedded in Shopify, pages refresh on focus instead.
    if (!enabled || typeof EventSource === 'undefined' || isEmbedded()) return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let opened = false;

    function connect() {
      source = new EventSource('/api/events');
      source.addEventListener('open', () => {
        setLiveStatus('live');
        if (opened) void queryClient.invalidateQueries({ type: 'active' });
        opened = true;
        failures = 0;
      });
      source.addEventListener('ticket', (event) => {
        const data = parse<TicketEvent>(event);
        if (data) onTicket(queryClient, data);
      });
      source.addEventListener('conversation', (event) => {
        const data = parse<ConversationEvent>(event);
        if (data?.conversationId) onConversation(queryClient, data);
      });
      // The server's bus between processes reconnected and may have missed events: refetch all shown.
      source.addEventListener('resync', () => {
        void queryClient.invalidateQueries({ type: 'active' });
      });
      source.addEventListener('error', () => {
        // Only once it had been open: a first connection that fails is the page loading, not a drop.
        if (opened) setLiveStatus('reconnecting');
        if (source?.readyState !== EventSource.CLOSED) return;
        failures++;
        timer = setTimeout(connect, Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** failures));
      });
    }

    connect();
    return () => {
      clearTimeout(timer);
      source?.close();
      setLiveStatus('off');
    };
  }, [enabled, queryClient]);
}
