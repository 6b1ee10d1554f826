import type { CustomerIntro, OutboxItem, Session } from '../types.ts';

type Stored = {
  session: Session | null;
  outbox: OutboxItem[];
  draft: string;
  intro: CustomerIntro;
  open: boolean;
};

const DEFAULTS: Stored = {
  session: null,
  outbox: [],
  draft: '',
  intro: { name: '', email: '' },
  open: false,
};

// Storage can be missing or throw (privacy modes, full quota): the widget then works for this page only.
const memory = new Map<string, string>();

function readRaw(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return memory.get(key) ?? null;
  }
}

function writeRaw(key: string, value: string): void {
  memory.set(key, value);
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Kept in memory above.
  }
}

function removeRaw(key: string): void {
  memory.delete(key);
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Nothing stored to remove.
  }
}

/** Everything the widget keeps across reloads, namespaced by widget key so two shops never mix. */
export class WidgetStorage {
  readonly prefix: string;

  constructor(widgetKey: string) {
    this.prefix = `supportify:${widgetKey}:`;
  }

  /** Reads one stored value, or its default when missing or unreadable. */
  get<K extends keyof Stored>(name: K): Stored[K] {
    const raw = readRaw(this.prefix + name);
    if (raw === null) return DEFAULTS[name];
    try {
      return JSON.parse(raw) as Stored[K];
    } catch {
      return DEFAULTS[name];
    }
  }

  /** Stores one value (a default value removes the entry). */
  set<K extends keyof Stored>(name: K, value: Stored[K]): void {
    const json = JSON.stringify(value);
    if (json === JSON.stringify(DEFAULTS[name])) removeRaw(this.prefix + name);
    else writeRaw(this.prefix + name, json);
  }

  /** Which stored value a `storage` event from another tab is about, if it is one of ours. */
  nameOf(key: string | null): keyof Stored | null {
    if (!key?.startsWith(this.prefix)) return null;
    const name = key.slice(this.prefix.length);
    return name in DEFAULTS ? (name as keyof Stored) : null;
  }
}
