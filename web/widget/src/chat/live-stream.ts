import type { Session } from '../types.ts';
import { ApiError, type WidgetApi } from './api-client.ts';
import { backoffDelay, createWaiter } from './backoff.ts';
import { lastSeqOf, upsertMessage } from './chat-state.ts';
import type { ChatStore } from './chat-store.ts';
import { openEventStream } from './open-event-stream.ts';
import type { SseEvent } from './sse-parser.ts';
import { toStatus, toWidgetMessage } from './validate-payloads.ts';

// The server sends a heartbeat every ~15 s; this long without one means the connection is dead.
const STREAM_SILENCE_MS = 45_000;

/**
 * The receiving side of a conversation: history, then the live stream resumed from the last seq,
 * reconnected with backoff whenever it drops.
 */
export class LiveStream {
  private readonly store: ChatStore;
  private readonly api: WidgetApi;
  /** Called when the conversation turned out to be gone, to send what is queued in a new one. */
  private readonly flush: () => void;
  private readonly streamWaiter = createWaiter();
  private streamAbort: AbortController | null = null;
  /** Replies whose deltas must be ignored: finished, or partly missed while disconnected. */
  private readonly ignoredReplies = new Set<string>();

  constructor(store: ChatStore, api: WidgetApi, flush: () => void) {
    this.store = store;
    this.api = api;
    this.flush = flush;
  }

  /** Cuts a reconnect delay short (the browser is back online). */
  wake(): void {
    this.streamWaiter.wake();
  }

  /** (Re)connects to the stored session's conversation. */
  connect(): void {
    this.streamAbort?.abort();
    const session = this.store.state.session;
    if (!session) return;
    const abort = new AbortController();
    this.streamAbort = abort;
    void this.keepStreaming(session, abort.signal);
  }

  /** Disconnects and drops the conversation: the next message starts a new one. */
  forgetSession(): void {
    this.streamAbort?.abort();
    this.streamAbort = null;
    this.store.set({ session: null, messages: [], streaming: null, status: 'unresolved', rating: null });
    this.store.refreshAwaiting();
  }

  /** History first, then the live stream from the last seq; again with backoff whenever it drops. */
  private async keepStreaming(session: Session, signal: AbortSignal): Promise<void> {
    let attempt = 0;
    while (!signal.aborted) {
      let alive = false;
      try {
        await this.loadHistory(session);
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof ApiError && (error.status === 401 || error.status === 404)) {
          this.forgetSession();
          if (this.store.state.outbox.length > 0) this.flush();
          return;
        }
        await this.streamWaiter.wait(backoffDelay(attempt++), signal);
        continue;
      }
      try {
        await this.readStream(session, signal, () => {
          alive = true;
          attempt = 0;
        });
      } catch {
        // Dropped, refused or timed out: reconnect below.
      }
      if (signal.aborted) return;
      this.dropStreamingReply();
      await this.streamWaiter.wait(alive ? 1000 : backoffDelay(attempt++), signal);
    }
  }

  private async readStream(session: Session, signal: AbortSignal, onAlive: () => void): Promise<void> {
    const connection = new AbortController();
    const stop = () => connection.abort();
    signal.addEventListener('abort', stop);
    let silence = setTimeout(stop, STREAM_SILENCE_MS);
    try {
      await openEventStream({
        url: this.api.url(`/conversations/${session.conversationId}/stream`),
        token: session.token,
        lastEventId: lastSeqOf(this.store.state.messages),
        signal: connection.signal,
        onAlive: () => {
          onAlive();
          clearTimeout(silence);
          silence = setTimeout(stop, STREAM_SILENCE_MS);
        },
        onEvent: (event) => this.handleEvent(event),
      });
    } finally {
      clearTimeout(silence);
      signal.removeEventListener('abort', stop);
    }
  }

  private async loadHistory(session: Session): Promise<void> {
    const history = await this.api.getHistory(session);
    const store = this.store;
    if (store.state.session?.conversationId !== session.conversationId) return;
    let messages = store.state.messages;
    for (const raw of history.messages ?? []) {
      const message = toWidgetMessage(raw);
      if (message) messages = upsertMessage(messages, message);
    }
    const last = messages.at(-1);
    if (last?.role === 'customer' && store.lastCustomerAt === 0)
      store.lastCustomerAt = Date.parse(last.createdAt);
    store.set({
      messages,
      status: toStatus(history.status) ?? store.state.status,
      rating: history.rating ?? null,
    });
    store.refreshAwaiting();
  }

  private handleEvent(event: SseEvent): void {
    let data: unknown;
    try {
      data = JSON.parse(event.data);
    } catch {
      return;
    }
    if (event.event === 'message') this.receiveMessage(data);
    else if (event.event === 'delta') this.receiveDelta(data as { replyTo?: unknown; text?: unknown });
    else if (event.event === 'status') {
      const status = toStatus((data as { status?: unknown }).status);
      if (status) this.store.set({ status });
      this.store.refreshAwaiting();
    }
  }

  private receiveMessage(raw: unknown): void {
    const message = toWidgetMessage(raw);
    if (!message) return;
    const store = this.store;
    const { state } = store;
    const isNew = !state.messages.some((m) => m.id === message.id);
    const isAnswer = message.role !== 'customer';
    if (isAnswer && state.streaming) this.ignoredReplies.add(state.streaming.replyTo);
    if (!isAnswer && isNew) store.lastCustomerAt = Date.now();
    store.set({
      messages: upsertMessage(state.messages, message),
      ...(isAnswer ? { streaming: null, unread: state.unread + (isNew && !state.open ? 1 : 0) } : {}),
    });
    store.refreshAwaiting();
  }

  private receiveDelta(data: { replyTo?: unknown; text?: unknown }): void {
    const { replyTo, text } = data;
    if (typeof replyTo !== 'string' || typeof text !== 'string' || this.ignoredReplies.has(replyTo)) return;
    const current = this.store.state.streaming;
    this.store.set({
      streaming: { replyTo, text: current?.replyTo === replyTo ? current.text + text : text },
    });
  }

  // A reply cut off by a dropped connection would resume mid-sentence: wait for its stored copy.
  private dropStreamingReply(): void {
    if (!this.store.state.streaming) return;
    this.ignoredReplies.add(this.store.state.streaming.replyTo);
    this.store.set({ streaming: null });
  }
}
