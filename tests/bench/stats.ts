/** Small statistics for the bench: percentiles and a monotonic clock. */
import { performance } from 'node:perf_hooks';

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

/** One row of the bench table. */
export interface BenchRow {
  what: string;
  measured: string;
  target: string;
  /** Ratio to the baseline measured in the same run, or to the target; lower is better unless said. */
  ratio: string;
  verdict: 'ok' | 'MISSED' | 'info';
}
