import { EventEmitter } from 'node:events';
import type { ConversationStatus, MessagePart, MessageRole } from '../db/schema/index.ts';

export type StoredMessage = {
  id: string;
  seq: number;
  role: MessageRole;
  parts: MessagePart[];
  createdAt: Date;
};

/** Everything that happens to a conversation that open screens (widget, admin) want to see at once. */
export type ConversationEvent =
  | { type: 'message'; shopId: string; conversationId: string; message: StoredMessage }
  | { type: 'delta'; shopId: string; conversationId: string; replyTo: string; text: string }
  | { type: 'status'; shopId: string; conversationId: string; status: ConversationStatus };

/** A ticket was created, changed or deleted: admin screens refetch it. */
export type TicketEvent = {
  type: 'ticket';
  shopId: string;
  action: 'created' | 'updated' | 'deleted';
  number: number;
};

export type ShopEvent = ConversationEvent | TicketEvent;

export type RealtimeBus = {
  /** Call only after the change is committed. */
  publish(event: ShopEvent): void;
  subscribe(conversationId: string, listener: (event: ConversationEvent) => void): () => void;
  /** Everything in one shop (the admin's event stream). */
  subscribeShop(shopId: string, listener: (event: ShopEvent) => void): () => void;
  /**
   * Events may have been missed (the cross-process bus lost its LISTEN connection and has it back):
   * streams re-read what they show from the database. Never called by the in-process bus.
   */
  onResync(listener: () => void): () => void;
};

/** The fan-out inside one process; `emit` delivers to this process's subscribers only. */
export type LocalFanout = Omit<RealtimeBus, 'publish'> & {
  emit(event: ShopEvent): void;
  resync(): void;
};

export function createLocalFanout(): LocalFanout {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const on = <T>(name: string, listener: (value: T) => void) => {
    emitter.on(name, listener);
    return () => {
      emitter.off(name, listener);
    };
  };
  return {
    emit(event) {
      if (event.type !== 'ticket') emitter.emit(`c:${event.conversationId}`, event);
      emitter.emit(`s:${event.shopId}`, event);
    },
    resync() {
      emitter.emit('resync');
    },
    subscribe: (conversationId, listener) => on(`c:${conversationId}`, listener),
    subscribeShop: (shopId, listener) => on(`s:${shopId}`, listener),
    onResync: (listener) => on('resync', listener),
  };
}

/**
 * In-process fan-out of conversation and ticket events: PGlite (one process). On PostgreSQL,
 * `createPgRealtimeBus` (pg-bus.ts) also carries them to every other process.
 */
export function createRealtimeBus(): RealtimeBus {
  const local = createLocalFanout();
  return {
    publish: (event) => local.emit(event),
    subscribe: local.subscribe,
    subscribeShop: local.subscribeShop,
    onResync: local.onResync,
  };
}
