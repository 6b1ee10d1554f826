import type { Card, ConversationStatus, Role, WidgetConfig, WidgetMessage } from '../types.ts';
import { DEFAULT_CONFIG } from './chat-state.ts';

const ROLES: Role[] = ['customer', 'ai', 'staff'];
const STATUSES: ConversationStatus[] = ['unresolved', 'resolved', 'draft'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A message from the server in the shape the widget renders, or null for anything it cannot show. */
export function toWidgetMessage(raw: unknown): WidgetMessage | null {
  if (!isObject(raw) || typeof raw.id !== 'string' || typeof raw.text !== 'string') return null;
  if (!ROLES.includes(raw.role as Role)) return null;
  const cards = Array.isArray(raw.cards)
    ? raw.cards.filter((c): c is Card => isObject(c) && (c.type === 'product' || c.type === 'order'))
    : [];
  if (!raw.text && cards.length === 0) return null;
  return {
    id: raw.id,
    seq: Number(raw.seq) || 0,
    role: raw.role as Role,
    text: raw.text,
    cards,
    createdAt: typeof raw.createdAt === 'string' ? raw.createdAt : new Date().toISOString(),
  };
}

/** A conversation status the widget knows, or null. */
export function toStatus(raw: unknown): ConversationStatus | null {
  return STATUSES.includes(raw as ConversationStatus) ? (raw as ConversationStatus) : null;
}

/** The shop's widget settings with fallbacks; the accent colour goes into CSS, so only hex passes. */
export function toWidgetConfig(raw: unknown): WidgetConfig {
  if (!isObject(raw)) return DEFAULT_CONFIG;
  const text = (v: unknown, fallback: string) => (typeof v === 'string' && v.trim() ? v.trim() : fallback);
  const accent = typeof raw.accentColor === 'string' ? raw.accentColor.trim() : '';
  return {
    shopName: text(raw.shopName, DEFAULT_CONFIG.shopName),
    greeting: text(raw.greeting, DEFAULT_CONFIG.greeting),
    accentColor: /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(accent) ? accent : DEFAULT_CONFIG.accentColor,
    ratingsEnabled: raw.ratingsEnabled !== false,
  };
}
