import type { CustomerIntro, OutboxItem, RatingValue, Session, WidgetMessage } from '../types.ts';
import { ApiError, isTransient, type WidgetApi } from './api-client.ts';
import { backoffDelay, createWaiter } from './backoff.ts';
import {
  type ChatState,
  DEFAULT_CONFIG,
  lastSeqOf,
  newClientMessageId,
  upsertMessage,
} from './chat-state.ts';
import { openEventStream } from './open-event-stream.ts';
import type { SseEvent } from './sse-parser.ts';
import { toStatus, toWidgetConfig, toWidgetMessage } from './validate-payloads.ts';
import type { WidgetStorage } from './widget-storage.ts';

/** The longest message the composer accepts. */
export const MAX_MESSAGE_LENGTH = 2000;
// Past this the typing indicator gives up: the answer may come from a person, much later.
const REPLY_WAIT_MS = 60_000;
// The server sends a heartbeat every ~15 s; this long without one means the connection is dead.
const STREAM_SILENCE_MS = 45_000;
const SLOW_DOWN = 'You are sending messages quickly. We will send yours in a moment.';

/**
 * The chat's behaviour without any UI: the send queue (retried with the same clientMessageId until
 * acknowledged), history and the live stream (resumed from the last seq), rating, and persistence.
 */
export class ChatController {
  state: ChatState;
  private readonly api: WidgetApi;
  private readonly storage: WidgetStorage;
  private readonly listeners = new Set<() => void>();
  private readonly streamWaiter = createWaiter();
  private streamAbort: AbortController | null = null;
  private flushing = false;
  private sendAttempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private awaitTimer: ReturnType<typeof setTimeout> | undefined;
  private lastCustomerAt = 0;
  /** Replies whose deltas must be ignored: finished, or partly missed while disconnected. */
  private readonly ignoredReplies = new Set<string>();
  private configLoaded = false;

  constructor(api: WidgetApi, storage: WidgetStorage) {
    this.api = api;
    this.storage = storage;
    this.state = {
      config: DEFAULT_CONFIG,
      session: storage.get('session'),
      messages: [],
      streaming: null,
      awaitingReply: false,
      status: 'unresolved',
      rating: null,
      ratingState: 'idle',
      // Anything in flight when the page went away is retried as not sent.
      outbox: storage.get('outbox').map((item) => ({ ...item, state: 'retrying' as const })),
      draft: storage.get('draft'),
      intro: storage.get('intro'),
      open: storage.get('open'),
      unread: 0,
      online: navigator.onLine !== false,
      notice: null,
    };
  }

  /** Calls `listener` after every state change; answers the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Loads the shop's settings, restores a stored conversation and sends anything left unsent. */
  start(): void {
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('storage', this.onStorage);
    void this.loadConfig();
    if (this.state.session) this.connect();
    if (this.state.outbox.length > 0) void this.flush();
  }

  /** Opens or closes the panel. */
  setOpen(open: boolean): void {
    this.set({ open, unread: open ? 0 : this.state.unread });
    if (open && !this.configLoaded) void this.loadConfig();
  }

  /** Keeps what the customer is typing (stored, so a reload keeps it too). */
  setDraft(draft: string): void {
    this.set({ draft });
  }

  /** Keeps the optional name and email given before the first message. */
  setIntro(intro: CustomerIntro): void {
    this.set({ intro });
  }

  /** Queues a message and sends it; answers false when there is nothing (or too much) to send. */
  send(text: string): boolean {
    const trimmed = text.trim();
    if (!trimmed || trimmed.length > MAX_MESSAGE_LENGTH) return false;
    const item: OutboxItem = {
      clientMessageId: newClientMessageId(),
      text: trimmed,
      afterSeq: lastSeqOf(this.state.messages),
      state: 'sending',
    };
    this.set({ outbox: [...this.state.outbox, item], draft: '' });
    void this.flush();
    return true;
  }

  /** Takes a message the server refused back into the composer so its text is not lost. */
  editFailed(clientMessageId: string): void {
    const item = this.state.outbox.find((i) => i.clientMessageId === clientMessageId);
    if (!item) return;
    this.set({
      outbox: this.state.outbox.filter((i) => i !== item),
      draft: this.state.draft ? `${this.state.draft}\n${item.text}` : item.text,
    });
  }

  /** Sends the customer's rating of a resolved conversation. */
  async rate(rating: RatingValue, comment: string): Promise<void> {
    const session = this.state.session;
    if (!session || this.state.ratingState === 'sending') return;
    this.set({ ratingState: 'sending' });
    try {
      await this.api.rate(session, rating, comment);
      this.set({ rating: { rating, comment: comment.trim() || null }, ratingState: 'idle' });
    } catch (error) {
      const code = error instanceof ApiError ? error.code : '';
      if (code === 'already_rated') this.set({ rating: { rating, comment: null }, ratingState: 'idle' });
      else if (code === 'not_resolved') this.set({ status: 'unresolved', ratingState: 'idle' });
      else this.set({ ratingState: 'error' });
    }
  }

  private set(patch: Partial<ChatState>): void {
    this.state = { ...this.state, ...patch };
    if ('session' in patch) this.storage.set('session', this.state.session);
    if ('outbox' in patch) this.storage.set('outbox', this.state.outbox);
    if ('draft' in patch) this.storage.set('draft', this.state.draft);
    if ('intro' in patch) this.storage.set('intro', this.state.intro);
    if ('open' in patch) this.storage.set('open', this.state.open);
    for (const listener of this.listeners) listener();
  }

  private async loadConfig(): Promise<void> {
    try {
      const config = toWidgetConfig(await this.api.getConfig());
      this.configLoaded = true;
      this.set({ config });
    } catch {
      // The defaults stand in; opening the panel tries again.
    }
  }

  private readonly onOnline = () => {
    this.set({ online: true });
    this.streamWaiter.wake();
    void this.flush();
  };

  private readonly onOffline = () => this.set({ online: false });

  // Another tab of the same store started a conversation or queued a message: follow it.
  private readonly onStorage = (event: StorageEvent) => {
    const name = this.storage.nameOf(event.key);
    if (name === 'outbox') this.set({ outbox: this.storage.get('outbox') });
    if (name !== 'session') return;
    const session = this.storage.get('session');
    if (session?.conversationId === this.state.session?.conversationId) return;
    if (session) {
      this.set({ session, messages: [], status: 'unresolved', rating: null, streaming: null });
      this.connect();
    } else this.forgetSession();
  };

  // ---- Sending ----

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    clearTimeout(this.retryTimer);
    let sessionResets = 0;
    try {
      for (;;) {
        const item = this.state.outbox.find((i) => i.state !== 'failed');
        if (!item) return;
        let session: Session | null = null;
        try {
          session = await this.ensureSession();
          const stored = await this.api.postMessage(session, item.text, item.clientMessageId);
          this.acknowledge(item, stored);
        } catch (error) {
          const gone = error instanceof ApiError && (error.status === 401 || error.status === 404);
          // The stored conversation no longer exists (expired, deleted): carry on in a new one.
          if (session && gone && sessionResets++ === 0) {
            this.forgetSession();
            continue;
          }
          if (isTransient(error)) {
            this.scheduleRetry(error);
            return;
          }
          this.failItem(item, error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async ensureSession(): Promise<Session> {
    if (this.state.session) return this.state.session;
    const { intro } = this.state;
    let session: Session;
    try {
      session = await this.api.startConversation(intro);
    } catch (error) {
      // A detail the server will not take (an email it cannot read) must not keep the customer from chatting.
      const refused = error instanceof ApiError && error.status === 400;
      if (!refused || !(intro.name.trim() || intro.email.trim())) throw error;
      session = await this.api.startConversation({ name: '', email: '' });
    }
    this.set({ session, messages: [], status: 'unresolved', rating: null, streaming: null });
    this.connect();
    return session;
  }

  private acknowledge(item: OutboxItem, raw: WidgetMessage): void {
    this.sendAttempt = 0;
    const stored = toWidgetMessage(raw);
    const isNew = stored !== null && !this.state.messages.some((m) => m.id === stored.id);
    if (isNew) this.lastCustomerAt = Date.now();
    this.set({
      outbox: this.state.outbox.filter((i) => i.clientMessageId !== item.clientMessageId),
      messages: stored ? upsertMessage(this.state.messages, stored) : this.state.messages,
      // The server reopened a resolved conversation when it stored this message. Once the stream has
      // delivered the message, any later status (the agent resolving it again) is newer: keep that.
      status: isNew && this.state.status === 'resolved' ? 'unresolved' : this.state.status,
      notice: null,
    });
    this.refreshAwaiting();
  }

  private scheduleRetry(error: unknown): void {
    const limited = error instanceof ApiError && error.status === 429;
    const delay = limited ? (error.retryAfter ?? 10) * 1000 : backoffDelay(this.sendAttempt++);
    this.set({
      outbox: this.state.outbox.map((i) => (i.state === 'sending' ? { ...i, state: 'retrying' } : i)),
      notice: limited ? SLOW_DOWN : this.state.notice === SLOW_DOWN ? null : this.state.notice,
    });
    this.retryTimer = setTimeout(() => void this.flush(), delay);
  }

  private failItem(item: OutboxItem, error: unknown): void {
    const unknownShop = error instanceof ApiError && error.code === 'invalid_widget_key';
    this.set({
      outbox: this.state.outbox.map((i) => (i === item ? { ...i, state: 'failed' } : i)),
      notice: unknownShop ? 'This chat is not available right now.' : this.state.notice,
    });
  }

  private forgetSession(): void {
    this.streamAbort?.abort();
    this.streamAbort = null;
    this.set({ session: null, messages: [], streaming: null, status: 'unresolved', rating: null });
    this.refreshAwaiting();
  }

  // ---- Receiving ----

  private connect(): void {
    this.streamAbort?.abort();
    const session = this.state.session;
    if (!session) return;
    const abort = new AbortController();
    this.streamAbort = abort;
    void this.keepStreaming(session, abort.signal);
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
          if (this.state.outbox.length > 0) void this.flush();
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
        lastEventId: lastSeqOf(this.state.messages),
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
    if (this.state.session?.conversationId !== session.conversationId) return;
    let messages = this.state.messages;
    for (const raw of history.messages ?? []) {
      const message = toWidgetMessage(raw);
      if (message) messages = upsertMessage(messages, message);
    }
    const last = messages.at(-1);
    if (last?.role === 'customer' && this.lastCustomerAt === 0)
      this.lastCustomerAt = Date.parse(last.createdAt);
    this.set({
      messages,
      status: toStatus(history.status) ?? this.state.status,
      rating: history.rating ?? null,
    });
    this.refreshAwaiting();
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
      if (status) this.set({ status });
      this.refreshAwaiting();
    }
  }

  private receiveMessage(raw: unknown): void {
    const message = toWidgetMessage(raw);
    if (!message) return;
    const isNew = !this.state.messages.some((m) => m.id === message.id);
    const isAnswer = message.role !== 'customer';
    if (isAnswer && this.state.streaming) this.ignoredReplies.add(this.state.streaming.replyTo);
    if (!isAnswer && isNew) this.lastCustomerAt = Date.now();
    this.set({
      messages: upsertMessage(this.state.messages, message),
      ...(isAnswer
        ? { streaming: null, unread: this.state.unread + (isNew && !this.state.open ? 1 : 0) }
        : {}),
    });
    this.refreshAwaiting();
  }

  private receiveDelta(data: { replyTo?: unknown; text?: unknown }): void {
    const { replyTo, text } = data;
    if (typeof replyTo !== 'string' || typeof text !== 'string' || this.ignoredReplies.has(replyTo)) return;
    const current = this.state.streaming;
    this.set({ streaming: { replyTo, text: current?.replyTo === replyTo ? current.text + text : text } });
  }

  // A reply cut off by a dropped connection would resume mid-sentence: wait for its stored copy.
  private dropStreamingReply(): void {
    if (!this.state.streaming) return;
    this.ignoredReplies.add(this.state.streaming.replyTo);
    this.set({ streaming: null });
  }

  private refreshAwaiting(): void {
    clearTimeout(this.awaitTimer);
    const last = this.state.messages.at(-1);
    const left = REPLY_WAIT_MS - (Date.now() - this.lastCustomerAt);
    const awaiting = last?.role === 'customer' && this.state.status !== 'resolved' && left > 0;
    if (awaiting !== this.state.awaitingReply) this.set({ awaitingReply: awaiting });
    if (awaiting) this.awaitTimer = setTimeout(() => this.refreshAwaiting(), left + 50);
  }
}
