import { percentile } from '../lib/stats.ts';

export type OperationStats = {
  name: string;
  count: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
};

const round = (n: number) => Math.round(n * 10) / 10;
const MAX_SAMPLES = 20;

/** Latencies per operation, and every error (by kind, with the first few in full). */
export function createRecorder() {
  const times = new Map<string, number[]>();
  const failed = new Map<string, number>();
  const errorKinds = new Map<string, number>();
  const samples: string[] = [];
  return {
    time(operation: string, ms: number) {
      const list = times.get(operation);
      if (list) list.push(ms);
      else times.set(operation, [ms]);
    },
    /** One error of `operation`; `kind` groups them in the results (e.g. "HTTP 503", "reply timeout"). */
    error(operation: string, kind: string, detail = '') {
      failed.set(operation, (failed.get(operation) ?? 0) + 1);
      const key = `${operation}: ${kind}`;
      errorKinds.set(key, (errorKinds.get(key) ?? 0) + 1);
      if (samples.length < MAX_SAMPLES) samples.push(`${key}${detail ? ` (${detail.slice(0, 300)})` : ''}`);
    },
    operations(): OperationStats[] {
      const names = [...new Set([...times.keys(), ...failed.keys()])];
      return names.map((name) => {
        const list = times.get(name) ?? [];
        return {
          name,
          count: list.length,
          errors: failed.get(name) ?? 0,
          p50: round(percentile(list, 50)),
          p95: round(percentile(list, 95)),
          p99: round(percentile(list, 99)),
          max: round(list.length ? Math.max(...list) : Number.NaN),
        };
      });
    },
    errors() {
      return {
        total: [...errorKinds.values()].reduce((a, b) => a + b, 0),
        byKind: Object.fromEntries(errorKinds),
        samples,
      };
    },
  };
}

export type Recorder = ReturnType<typeof createRecorder>;
