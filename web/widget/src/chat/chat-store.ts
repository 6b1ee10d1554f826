import { type ChatState, DEFAULT_CONFIG } from './chat-state.ts';
import type { WidgetStorage } from './widget-storage.ts';

// Past this the typing indicator gives up: the answer may come from a person, much later.
const REPLY_WAIT_MS = 60_000;

/**
 * The chat's state: every change is persisted (the parts worth keeping across reloads) and announced
 * to subscribers. Also keeps the typing indicator honest (`awaitingReply`).
 */
export class ChatStore {
  state: ChatState;
  /** When the customer last sent a message (ms since the epoch); 0 when not known. */
  lastCustomerAt = 0;
  private readonly storage: WidgetStorage;
  private readonly listeners = new Set<() => void>();
  private awaitTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(storage: WidgetStorage) {
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

  set(patch: Partial<ChatState>): void {
    this.state = { ...this.state, ...patch };
    if ('session' in patch) this.storage.set('session', this.state.session);
    if ('outbox' in patch) this.storage.set('outbox', this.state.outbox);
    if ('draft' in patch) this.storage.set('draft', this.state.draft);
    if ('intro' in patch) this.storage.set('intro', this.state.intro);
    if ('open' in patch) this.storage.set('open', this.state.open);
    for (const listener of this.listeners) listener();
  }

  refreshAwaiting(): void {
    clearTimeout(this.awaitTimer);
    const last = this.state.messages.at(-1);
    const left = REPLY_WAIT_MS - (Date.now() - this.lastCustomerAt);
    const awaiting = last?.role === 'customer' && this.state.status !== 'resolved' && left > 0;
    if (awaiting !== this.state.awaitingReply) this.set({ awaitingReply: awaiting });
    if (awaiting) this.awaitTimer = setTimeout(() => this.refreshAwaiting(), left + 50);
  }
}
