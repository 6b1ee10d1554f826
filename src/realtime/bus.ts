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
};

/** In-process fan-out of conversation and ticket events (one process; see ARCHITECTURE.md for scale-out). */
export function createRealtimeBus(): RealtimeBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish(event) {
      if (event.type !== 'ticket') emitter.emit(`c:${event.conversationId}`, event);
      emitter.emit(`s:${event.shopId}`, event);
    },
    subscribe(conversationId, listener) {
      emitter.on(`c:${conversationId}`, listener);
      return () => emitter.off(`c:${conversationId}`, listener);
    },
    subscribeShop(shopId, listener) {
      emitter.on(`s:${shopId}`, listener);
      return () => emitter.off(`s:${shopId}`, listener);
    },
  };
}
