import { performance } from "node:perf_hooks";

/** Nearest-rank percentile of already collected samples (ms); NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export interface TimedTask<T> {
  tag: T;
  run: () => Promise<unknown>;
}

export interface TimedSample<T> {
  tag: T;
  ms: number;
}

export interface PoolOptions {
  concurrency: number;
  /** Stop handing out tasks after this long (the tasks already running finish). */
  budgetMs: number;
  /** Always complete at least this many tasks, even past the budget, so every input is seen. */
  minTasks: number;
}

/**
 * Runs tasks from a list with `concurrency` workers, each worker starting its next task as soon
 * as the previous one ends (closed loop), and times every task. The list is cycled until the
 * budget is spent, but never fewer than minTasks, so the work is bounded both ways.
 */
export async function runPool<T>(tasks: readonly TimedTask<T>[], opts: PoolOptions): Promise<TimedSample<T>[]> {
  const samples: TimedSample<T>[] = [];
  if (tasks.length === 0) return samples;
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    for (;;) {
      const index = next;
      const overBudget = performance.now() - started > opts.budgetMs;
      if (index >= opts.minTasks && overBudget) return;
      if (index >= Math.max(opts.minTasks, tasks.length * 50)) return;
      next += 1;
      const task = tasks[index % tasks.length];
      const t0 = performance.now();
      await task.run();
      samples.push({ tag: task.tag, ms: performance.now() - t0 });
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  return samples;
}
