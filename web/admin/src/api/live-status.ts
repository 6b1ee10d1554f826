import { useSyncExternalStore } from 'react';

/** The live event stream: not started (signed out, embedded), connected, or trying to get back. */
export type LiveStatus = 'off' | 'live' | 'reconnecting';

let status: LiveStatus = 'off';
const listeners = new Set<() => void>();

export function setLiveStatus(next: LiveStatus): void {
  if (next === status) return;
  status = next;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The stream's status, re-rendering when it changes. */
export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(subscribe, () => status);
}
