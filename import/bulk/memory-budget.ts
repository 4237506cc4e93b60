import os from "node:os";
import { constants, PerformanceObserver } from "node:perf_hooks";
import v8 from "node:v8";
import { TargetRefusal } from "../writer/import-target";

/*
 * `import --bulk` holds the whole graph in this process's memory: in the heap its authors and ids (live after the read:
 * about 0.21 KiB per record of generated dblp at 1M records), outside it the papers' columns and the indexes (about
 * 0.1 KiB per record, typed arrays: paper-table.ts), which the heap limit does not cover and this budget does not
 * watch; the papers' payloads are on disk. See memory-graph.ts for what keeps it there and detached.ts for what no
 * longer does. Past Node's heap limit V8 aborts the process with a
 * stack dump and no advice. This budget stops the read stage first, cleanly (nothing has been written to the store
 * yet), and says how much heap the whole input needs, from what the records read so far took.
 */

/** Stop when the heap is this full, before V8's own limit kills the process. */
const HARD_SHARE = 0.9;
/** Refuse early when the projection for the whole input is past this share of the limit. */
const PROJECTED_SHARE = 0.9;
/** Projections start once this share of the records is read (earlier ones are dominated by start-up noise). */
const PROJECT_FROM_SHARE = 0.05;
/** The CSV stage (coauthor pair counters, row buffers) needs some room beyond the read stage's graph. */
const CSV_HEADROOM = 1.3;

export interface HeapReading {
  /** Records read into the in-memory graph so far, and how many the input holds (from the check pass). */
  done: number;
  total: number;
  /** Heap in use now, and in use before the first record (the program itself). */
  usedBytes: number;
  baselineBytes: number;
  limitBytes: number;
  machineBytes: number;
}

/** The in-memory graph will not fit: its message says how much it needs and what to do. */
export class BulkMemoryExceeded extends TargetRefusal {
  constructor(message: string) {
    super(message);
    this.name = "BulkMemoryExceeded";
  }
}

const GIB = 2 ** 30;
const MIB = 2 ** 20;

/** Null while the graph fits; otherwise the refusal's message. Pure, for tests. */
export function heapVerdict(r: HeapReading): string | null {
  const graphBytes = Math.max(0, r.usedBytes - r.baselineBytes);
  const projected = r.baselineBytes + (r.done > 0 ? (graphBytes * r.total) / r.done : 0);
  const full = r.usedBytes > HARD_SHARE * r.limitBytes;
  const projectedOver = r.done >= PROJECT_FROM_SHARE * r.total && projected > PROJECTED_SHARE * r.limitBytes;
  if (!full && !projectedOver) return null;
  const needBytes = Math.max(projected, r.usedBytes) * CSV_HEADROOM;
  const needMiB = Math.ceil(needBytes / MIB / 256) * 256;
  const gib = (bytes: number) => (bytes >= GIB ? `${(bytes / GIB).toFixed(1)} GiB` : `${Math.ceil(bytes / MIB)} MiB`);
  const facts =
    `import --bulk holds the whole graph in memory, and it will not fit in this process's heap: after ${r.done} of ` +
    `${r.total} records it uses ${gib(r.usedBytes)}, so the whole input needs about ${gib(needBytes)} ` +
    `(CSV stage included), and Node allows ${gib(r.limitBytes)} here. Nothing was written to the database.`;
  const enough = needBytes < 0.85 * r.machineBytes;
  const next = enough
    ? ` Next: run it again with NODE_OPTIONS=--max-old-space-size=${needMiB} (this machine has ${gib(r.machineBytes)}; ` +
      `leave room for neo4j-admin and Neo4j), or import without --bulk (the online path: slower, memory bounded by a batch).`
    : ` This machine has ${gib(r.machineBytes)}, not enough for that. Next: import without --bulk (the online path: ` +
      `slower, memory bounded by a batch), or bulk-load on a machine with at least ${gib(needBytes / 0.85)}.`;
  return facts + next;
}

/**
 * Watches the heap while the in-memory graph fills; `check` throws BulkMemoryExceeded when it will not fit. It judges
 * by the heap in use right after each full garbage collection (what is alive), not by the heap in use at the check,
 * which also holds garbage not collected yet and would make the projection cry wolf.
 */
export class HeapBudget {
  private baselineBytes = 0;
  private liveBytes = 0;
  /** Records of all files so far: read into the graph, read before the current file, and expected of it. */
  private done = 0;
  private doneBeforeFile = 0;
  private expected: (() => number) | undefined;
  private observer: PerformanceObserver | undefined;

  constructor() {
    this.observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const detail = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail;
        if (detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
          this.liveBytes = v8.getHeapStatistics().used_heap_size;
        }
      }
    });
    this.observer.observe({ entryTypes: ["gc"] });
  }

  /**
   * Before a file's write pass: how many records it holds (`expected()`, asked at each check: an estimate that
   * improves while the file is read when there was no check pass). The first call also notes the program's own heap:
   * alive after the last full collection if a check pass had one (the heap in use now also holds that pass's garbage).
   */
  begin(expected: () => number): void {
    if (this.expected === undefined) this.baselineBytes = this.liveBytes || v8.getHeapStatistics().used_heap_size;
    this.doneBeforeFile = this.done;
    this.expected = expected;
    this.liveBytes = 0;
  }

  /** After a batch of `records` landed in the graph. */
  check(records: number): void {
    this.done += records;
    if (this.liveBytes === 0) return; // no full collection yet: the heap is still small
    const verdict = heapVerdict({
      done: this.done,
      total: Math.max(this.doneBeforeFile + (this.expected?.() ?? 0), this.done),
      usedBytes: this.liveBytes,
      baselineBytes: this.baselineBytes,
      limitBytes: v8.getHeapStatistics().heap_size_limit,
      machineBytes: os.totalmem(),
    });
    if (verdict) throw new BulkMemoryExceeded(verdict);
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
