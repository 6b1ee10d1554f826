import type { CustomerIntro, OutboxItem, RatingValue } from '../types.ts';
import { ApiError, type WidgetApi } from './api-client.ts';
import { type ChatState, lastSeqOf, newClientMessageId } from './chat-state.ts';
import { ChatStore } from './chat-store.ts';
import { LiveStream } from './live-stream.ts';
import { OutboxSender } from './outbox-sender.ts';
import { toWidgetConfig } from './validate-payloads.ts';
import type { WidgetStorage } from './widget-storage.ts';

/** The longest message the composer accepts. */
export const MAX_MESSAGE_LENGTH = 2000;

/**
 * The chat's behaviour without any UI: the send queue (retried with the same clientMessageId until
 * acknowledged, see OutboxSender), history and the live stream (resumed from the last seq, see
 * LiveStream), rating, and persistence (ChatStore).
 */
export class ChatController {
  private readonly api: WidgetApi;
  private readonly storage: WidgetStorage;
  private readonly store: ChatStore;
  private readonly stream: LiveStream;
  private readonly outbox: OutboxSender;
  private configLoaded = false;

  constructor(api: WidgetApi, storage: WidgetStorage) {
    this.api = api;
    this.storage = storage;
    this.store = new ChatStore(storage);
    this.stream = new LiveStream(this.store, api, () => void this.outbox.flush());
    this.outbox = new OutboxSender(this.store, api, this.stream);
  }

  get state(): ChatState {
    return this.store.state;
  }

  /** Calls `listener` after every state change; answers the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    return this.store.subscribe(listener);
  }

  /** Loads the shop's settings, restores a stored conversation and sends anything left unsent. */
  start(): void {
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('storage', this.onStorage);
    void this.loadConfig();
    if (this.state.session) this.stream.connect();
    if (this.state.outbox.length > 0) void this.outbox.flush();
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
    void this.outbox.flush();
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
    this.store.set(patch);
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
    this.stream.wake();
    void this.outbox.flush();
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
      this.stream.connect();
    } else this.stream.forgetSession();
  };
}
