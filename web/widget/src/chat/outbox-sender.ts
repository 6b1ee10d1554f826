import type { OutboxItem, Session, WidgetMessage } from '../types.ts';
import { ApiError, isTransient, type WidgetApi } from './api-client.ts';
import { backoffDelay } from './backoff.ts';
import { upsertMessage } from './chat-state.ts';
import type { ChatStore } from './chat-store.ts';
import type { LiveStream } from './live-stream.ts';
import { toWidgetMessage } from './validate-payloads.ts';

const SLOW_DOWN = 'You are sending messages quickly. We will send yours in a moment.';

/**
 * The sending side: works through the outbox in order, each message retried with the same
 * clientMessageId until acknowledged, starting a conversation first when there is none.
 */
export class OutboxSender {
  private readonly store: ChatStore;
  private readonly api: WidgetApi;
  private readonly stream: LiveStream;
  private flushing = false;
  private sendAttempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(store: ChatStore, api: WidgetApi, stream: LiveStream) {
    this.store = store;
    this.api = api;
    this.stream = stream;
  }

  /** Sends everything queued and not failed; already running, it returns at once. */
  async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    clearTimeout(this.retryTimer);
    let sessionResets = 0;
    try {
      for (;;) {
        const item = this.store.state.outbox.find((i) => i.state !== 'failed');
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
            this.stream.forgetSession();
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
    if (this.store.state.session) return this.store.state.session;
    const { intro } = this.store.state;
    let session: Session;
    try {
      session = await this.api.startConversation(intro);
    } catch (error) {
      // A detail the server will not take (an email it cannot read) must not keep the customer from chatting.
      const refused = error instanceof ApiError && error.status === 400;
      if (!refused || !(intro.name.trim() || intro.email.trim())) throw error;
      session = await this.api.startConversation({ name: '', email: '' });
    }
    this.store.set({ session, messages: [], status: 'unresolved', rating: null, streaming: null });
    this.stream.connect();
    return session;
  }

  private acknowledge(item: OutboxItem, raw: WidgetMessage): void {
    this.sendAttempt = 0;
    const store = this.store;
    const { state } = store;
    const stored = toWidgetMessage(raw);
    const isNew = stored !== null && !state.messages.some((m) => m.id === stored.id);
    if (isNew) store.lastCustomerAt = Date.now();
    store.set({
      outbox: state.outbox.filter((i) => i.clientMessageId !== item.clientMessageId),
      messages: stored ? upsertMessage(state.messages, stored) : state.messages,
      // The server reopened a resolved conversation when it stored this message. Once the stream has
      // delivered the message, any later status (the agent resolving it again) is newer: keep that.
      status: isNew && state.status === 'resolved' ? 'unresolved' : state.status,
      notice: null,
    });
    store.refreshAwaiting();
  }

  private scheduleRetry(error: unknown): void {
    const limited = error instanceof ApiError && error.status === 429;
    const delay = limited ? (error.retryAfter ?? 10) * 1000 : backoffDelay(this.sendAttempt++);
    const { state } = this.store;
    this.store.set({
      outbox: state.outbox.map((i) => (i.state === 'sending' ? { ...i, state: 'retrying' } : i)),
      notice: limited ? SLOW_DOWN : state.notice === SLOW_DOWN ? null : state.notice,
    });
    this.retryTimer = setTimeout(() => void this.flush(), delay);
  }

  private failItem(item: OutboxItem, error: unknown): void {
    const unknownShop = error instanceof ApiError && error.code === 'invalid_widget_key';
    const { state } = this.store;
    this.store.set({
      outbox: state.outbox.map((i) => (i === item ? { ...i, state: 'failed' } : i)),
      notice: unknownShop ? 'This chat is not available right now.' : state.notice,
    });
  }
}
