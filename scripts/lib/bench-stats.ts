// Small helpers for the benchmark scripts: timing, percentiles and the one-JSON-per-line output.
import { performance } from "node:perf_hooks";

export const emit = (metric: string, value: number, unit: string): void => {
  process.stdout.write(`${JSON.stringify({ metric, value: Math.round(value * 100) / 100, unit })}\n`);
};

/** Nearest-rank percentile of the samples (milliseconds or anything else). */
export const percentile = (samples: number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
};

/** Runs `task` `runs` times, one after another, and returns each run's milliseconds. */
export const time = async (runs: number, task: () => Promise<unknown>): Promise<number[]> => {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await task();
    samples.push(performance.now() - started);
  }
  return samples;
};
