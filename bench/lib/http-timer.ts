import { performance } from 'node:perf_hooks';

/** Times `count` sequential GETs (after a warm-up) and returns milliseconds per request. */
export async function timeRequests(
  url: string,
  headers: Record<string, string>,
  count: number,
): Promise<number[]> {
  const warmup = Math.min(10, count);
  const times: number[] = [];
  for (let i = 0; i < warmup + count; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    const elapsed = performance.now() - t0;
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    if (i >= warmup) times.push(elapsed);
  }
  return times;
}
