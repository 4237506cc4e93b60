import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { normaliseBetweenness, type BetweennessResult, type Progress } from "../kernel/graph-algorithms";
import type { Csr } from "../kernel/csr";
import { closedTwins, perAuthor, searchesFor } from "../kernel/twins";

/*
 * Betweenness on every core. Brandes' searches from different sources are independent, so the searches (one per
 * class of closed twins among the sources, kernel/twins.ts) are dealt into a fixed number of chunks (search p into
 * chunk p mod BETWEENNESS_CHUNKS), worker threads take the chunks one at a time, and the chunks' dependency sums are
 * added in chunk order. The order of additions is thus the same for any number of threads: the figures do not depend
 * on the machine's cores (floating-point addition is not associative). The graph between the classes goes to the
 * threads once, as shared memory; each thread keeps its own search arrays (40 bytes per class).
 */

/** Fixed, so that the sum's order never depends on the thread count; several per thread even out uneven chunks. */
export const BETWEENNESS_CHUNKS = 8;

const WORKER_SCRIPT = path.join(__dirname, "betweenness.worker.js");

/** What a worker receives at its start: the ties between classes of twins, and the classes' sizes, as shared memory. */
export interface WorkerGraph {
  n: number;
  m: number;
  offsets: SharedArrayBuffer;
  targets: SharedArrayBuffer;
  size: SharedArrayBuffer;
}
export interface ChunkTask {
  chunk: number;
  /** Source classes, and how many pivots each stands for. */
  sources: Int32Array;
  counts: Int32Array;
}
export interface PivotDone {
  kind: "pivot";
  /** Pivots the finished search stood for. */
  pivots: number;
}
export interface ChunkFailed {
  kind: "failed";
  chunk: number;
  message: string;
}
export interface ChunkDone {
  kind: "chunk";
  chunk: number;
  sums: Float64Array;
}

/** One thread per core, at most one per chunk. */
export function defaultBetweennessThreads(): number {
  return Math.max(1, Math.min(BETWEENNESS_CHUNKS, os.availableParallelism()));
}

/** The same array on shared memory (no copy when it is there already). */
function shared(array: Int32Array): SharedArrayBuffer {
  if (array.buffer instanceof SharedArrayBuffer && array.byteOffset === 0 && array.byteLength === array.buffer.byteLength)
    return array.buffer;
  const copy = new Int32Array(new SharedArrayBuffer(array.byteLength));
  copy.set(array);
  return copy.buffer;
}

/** Searches dealt round-robin into the fixed chunks, each with its count; empty chunks (fewer searches than chunks) are left out. */
export function chunkSources(sources: Int32Array, counts: Int32Array): Array<{ sources: Int32Array; counts: Int32Array }> {
  const chunks: Array<{ sources: Int32Array; counts: Int32Array }> = [];
  for (let c = 0; c < BETWEENNESS_CHUNKS; c++) {
    const size = Math.max(0, Math.ceil((sources.length - c) / BETWEENNESS_CHUNKS));
    const chunk = { sources: new Int32Array(size), counts: new Int32Array(size) };
    for (let i = 0; i < size; i++) {
      chunk.sources[i] = sources[c + i * BETWEENNESS_CHUNKS];
      chunk.counts[i] = counts[c + i * BETWEENNESS_CHUNKS];
    }
    if (size > 0) chunks.push(chunk);
  }
  return chunks;
}

/**
 * graph-algorithms' betweenness, computed by `threads` worker threads: the same classes of twins, searches,
 * normalisation and estimator; values equal to the one-thread computation's up to the order of additions (about
 * 1e-16 relative). `progress` counts pivots.
 */
export async function betweennessInWorkers(
  g: Csr,
  pivots: Int32Array | null,
  options: { threads?: number; progress?: Progress } = {},
): Promise<BetweennessResult & { threads: number; searches: number; twinClasses: number }> {
  const sources = pivots ?? Int32Array.from({ length: g.n }, (_, i) => i);
  const twins = closedTwins(g);
  const searches = searchesFor(twins, sources);
  const chunks = chunkSources(searches.classes, searches.counts);
  const threads = Math.max(1, Math.min(options.threads ?? defaultBetweennessThreads(), chunks.length || 1));
  const total = new Float64Array(twins.quotient.n);
  if (chunks.length > 0) {
    const q = twins.quotient;
    const graph: WorkerGraph = { n: q.n, m: q.m, offsets: shared(q.offsets), targets: shared(q.targets), size: shared(twins.size) };
    const workers = Array.from({ length: threads }, () => new Worker(WORKER_SCRIPT, { workerData: graph }));
    try {
      await runChunks(workers, chunks, total, sources.length, options.progress);
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
  }
  const exact = pivots === null || sources.length === g.n;
  return {
    ...normaliseBetweenness(perAuthor(twins, total), sources, exact),
    threads,
    searches: searches.classes.length,
    twinClasses: twins.quotient.n,
  };
}

/** Hands the chunks out as threads come free and adds their sums into `total` in chunk order. */
function runChunks(
  workers: Worker[],
  chunks: ReadonlyArray<{ sources: Int32Array; counts: Int32Array }>,
  total: Float64Array,
  pivots: number,
  progress?: Progress,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let nextTask = 0;
    let nextSum = 0;
    let pivotsDone = 0;
    let failed = false;
    const waiting = new Map<number, Float64Array>();
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const give = (worker: Worker) => {
      if (nextTask < chunks.length) {
        const task: ChunkTask = { chunk: nextTask, ...chunks[nextTask] };
        nextTask++;
        worker.postMessage(task);
      }
    };
    for (const worker of workers) {
      worker.on("error", fail);
      worker.on("exit", (code) => {
        if (nextSum < chunks.length) fail(new Error(`a betweenness worker thread stopped (exit code ${code}) before its work was done`));
      });
      worker.on("message", (message: PivotDone | ChunkDone | ChunkFailed) => {
        if (failed) return;
        if (message.kind === "failed") {
          fail(new Error(`betweenness chunk ${message.chunk} failed in its worker thread: ${message.message}`));
          return;
        }
        if (message.kind === "pivot") {
          pivotsDone += message.pivots;
          Promise.resolve(progress?.(pivotsDone, pivots)).catch(fail);
          return;
        }
        waiting.set(message.chunk, message.sums);
        for (let sums = waiting.get(nextSum); sums; sums = waiting.get(nextSum)) {
          waiting.delete(nextSum);
          for (let v = 0; v < total.length; v++) total[v] += sums[v];
          nextSum++;
        }
        if (nextSum === chunks.length) resolve();
        else give(worker);
      });
      give(worker);
    }
  });
}
