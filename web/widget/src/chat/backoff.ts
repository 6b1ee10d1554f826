/** Exponential backoff with jitter: about 1 s, 2 s, 4 s … up to 30 s. */
export function backoffDelay(attempt: number): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/** A wait that `wake()` cuts short (the browser came back online) and an abort signal cancels. */
export function createWaiter() {
  let wakeUp: (() => void) | null = null;
  return {
    wait(ms: number, signal?: AbortSignal): Promise<void> {
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', done);
          wakeUp = null;
          resolve();
        };
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done);
        wakeUp = done;
      });
    },
    /** Ends the current wait now. */
    wake(): void {
      wakeUp?.();
    },
  };
}
