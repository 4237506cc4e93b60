import { constants, PerformanceObserver } from "node:perf_hooks";
import v8 from "node:v8";
import { machineMemoryBytes, parseMemorySize } from "../../src/util/memory-size";
import { givenNodeFlags, nodeFlagNumber } from "../../src/util/node-flags";
import { TargetRefusal } from "../writer/import-target";

/*
 * `import --bulk` holds the whole graph in this process's memory: in the heap its authors and ids (live after the read:
 * about 0.21 KiB per record of generated dblp at 1M records), outside it the papers' columns and the indexes (about
 * 0.15 KiB per record, typed arrays: paper-table.ts), which the heap limit does not cover; the papers' payloads are on
 * disk. See memory-graph.ts for what keeps it there. Past Node's heap limit V8 aborts the process with a stack dump
 * and no advice; past the machine's memory the OS kills it, also without advice, and possibly after an hour of
 * reading. This budget stops the read stage first, cleanly (nothing has been written to the store yet), and says how
 * much the whole input needs, from what the records read so far took: heap against the heap limit, heap and columns
 * together against the memory the bulk import may use (the machine's, a container's limit, or
 * COAUTHOR_GRAPH_BULK_MEMORY).
 */

/** Stop when the heap is this full, before V8's own limit kills the process. */
const HARD_SHARE = 0.9;
/** Refuse early when the projection for the whole input is past this share of the limit. */
const PROJECTED_SHARE = 0.9;
/** Projections start once this share of the records is read (earlier ones are dominated by start-up noise). */
const PROJECT_FROM_SHARE = 0.05;
/** The CSV stage (coauthor pair counters, row buffers) needs some room beyond the read stage's graph. */
const CSV_HEADROOM = 1.3;
/**
 * The heap's size against what is alive in it: the bulk rerun lets it grow by half of the live heap between full
 * collections (src/cli/bulk-heap.ts), so its resident memory reaches about 1.5 times the live heap, or the limit.
 */
const HEAP_GROWTH = 1.5;
/** Refuse when the whole input's projected memory is past this share of what the import may use. */
const MEMORY_SHARE = 0.9;

/** Caps what the bulk import may use (default: the machine's memory or its container's limit). */
export const BULK_MEMORY_VARIABLE = "COAUTHOR_GRAPH_BULK_MEMORY";
const MIN_BULK_MEMORY = 64 * 2 ** 20;

export interface BulkMemory {
  bytes: number;
  /** Whether COAUTHOR_GRAPH_BULK_MEMORY chose it (the refusals then say so). */
  chosen: boolean;
}

/** The memory `import --bulk` may use: COAUTHOR_GRAPH_BULK_MEMORY when set, else the machine's (or a container's limit). */
export function bulkMemory(env: NodeJS.ProcessEnv): BulkMemory {
  const text = env[BULK_MEMORY_VARIABLE]?.trim();
  if (!text) return { bytes: machineMemoryBytes(), chosen: false };
  const bytes = parseMemorySize(text);
  if (bytes === null || bytes < MIN_BULK_MEMORY)
    throw new Error(
      `${BULK_MEMORY_VARIABLE}=${text} is not a usable memory size: give e.g. 8g or 12000m (at least 64m), or unset it to use the machine's memory.`,
    );
  return { bytes, chosen: true };
}

export interface HeapReading {
  /** Records read into the in-memory graph so far, and how many the input holds (from the check pass). */
  done: number;
  total: number;
  /** Heap in use now, and in use before the first record (the program itself). */
  usedBytes: number;
  baselineBytes: number;
  limitBytes: number;
  /** Memory outside the heap the graph holds now (its columns and indexes; none before the first record). */
  outsideBytes: number;
  /** The program's own resident memory outside the heap (code, V8 itself, buffers), before the first record. */
  programBytes?: number;
  /**
   * Whether usedBytes is what was alive after a full collection (projections need it), or only the heap in use now,
   * garbage included (before the first full collection: the memory in use must still fit).
   */
  heapIsLive?: boolean;
  /** The process's resident memory now (the model's floor: see atLeastResident). */
  rssBytes?: number;
  /** What the import may use (bulkMemory), and whether COAUTHOR_GRAPH_BULK_MEMORY chose it. */
  machineBytes: number;
  memoryChosen?: boolean;
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
const gib = (bytes: number) => (bytes >= GIB ? `${(bytes / GIB).toFixed(1)} GiB` : `${Math.ceil(bytes / MIB)} MiB`);

/** Resident memory of a live heap: it with its room to grow between full collections, up to its limit. */
function residentHeap(heap: number, r: HeapReading): number {
  return Math.max(heap, Math.min(heap * HEAP_GROWTH, r.limitBytes));
}

/** The model's memory now: the program, the heap (live, with its room to grow; else as it is in use) and the columns. */
function modelledNow(r: HeapReading): number {
  return (r.programBytes ?? 0) + ((r.heapIsLive ?? true) ? residentHeap(r.usedBytes, r) : r.usedBytes) + r.outsideBytes;
}

/** The memory the import may use, as the messages name it. */
function memoryAllowed(r: HeapReading): string {
  return r.memoryChosen ? `the ${gib(r.machineBytes)} that ${BULK_MEMORY_VARIABLE} allows` : `this machine's ${gib(r.machineBytes)}`;
}

/** Null while the graph fits; otherwise the refusal's message. Pure, for tests. */
export function heapVerdict(r: HeapReading): string | null {
  const scale = r.done > 0 ? r.total / r.done : 0;
  const projectedHeap = r.baselineBytes + Math.max(0, r.usedBytes - r.baselineBytes) * scale;
  const live = r.heapIsLive ?? true;
  const projecting = live && r.done >= PROJECT_FROM_SHARE * r.total;
  const heapNeed = Math.max(projectedHeap, r.usedBytes) * CSV_HEADROOM;
  const outsideNeed = Math.max(r.outsideBytes * scale, r.outsideBytes) * CSV_HEADROOM;
  const program = r.programBytes ?? 0;
  const modelNow = modelledNow(r);
  const memoryNow = Math.max(modelNow, r.rssBytes ?? 0);
  const memoryNeed = atLeastResident(program + residentHeap(heapNeed, r) + outsideNeed, modelNow, r);
  const memoryHas = r.memoryChosen ? `${BULK_MEMORY_VARIABLE} allows ${gib(r.machineBytes)}` : `this machine has ${gib(r.machineBytes)}`;
  const heapOver = (live && r.usedBytes > HARD_SHARE * r.limitBytes) || (projecting && projectedHeap > PROJECTED_SHARE * r.limitBytes);
  if (heapOver) {
    const needMiB = Math.ceil(heapNeed / MIB / 256) * 256;
    const facts =
      `import --bulk holds the whole graph in memory, and it will not fit in this process's heap: after ${r.done} of ` +
      `${r.total} records it uses ${gib(r.usedBytes)}, so the whole input needs about ${gib(heapNeed)} ` +
      `(CSV stage included), and Node allows ${gib(r.limitBytes)} here. Nothing was written to the database.`;
    // With the limit asked for, the heap stays within it: the columns and the program come on top.
    const inAll = program + heapNeed + outsideNeed;
    const enough = inAll < 0.85 * r.machineBytes;
    const next = enough
      ? ` Next: run it again with NODE_OPTIONS=--max-old-space-size=${needMiB} (${memoryHas}; leave room for ` +
        `neo4j-admin and Neo4j), or import without --bulk (the online path: slower, memory bounded by a batch).`
      : ` With the papers' columns outside the heap that is about ${gib(inAll)} in all at its peak, and ${memoryHas}. ` +
        `Next: import without --bulk (the online path: slower, memory bounded by a batch), or bulk-load on a machine with ` +
        `at least ${gib(inAll / 0.85)}.`;
    return facts + next;
  }
  const memoryOver = memoryNow > MEMORY_SHARE * r.machineBytes || (projecting && memoryNeed > MEMORY_SHARE * r.machineBytes);
  if (!memoryOver) return null;
  return (
    `import --bulk holds the whole graph in memory, and it will not fit in ${memoryAllowed(r)}: after ${r.done} of ${r.total} ` +
    `records it holds ${gib(r.usedBytes)} of heap and ${gib(r.outsideBytes)} of papers' columns and indexes outside it ` +
    `(the program itself ${gib(program)} more), ` +
    `so the whole input needs about ${gib(memoryNeed)} at its peak (the heap's room to grow and the CSV stage included). ` +
    `Nothing was written to the database. Next: import without --bulk (the online path: slower, memory bounded by a ` +
    `batch), or bulk-load where it may use at least ${gib(memoryNeed / MEMORY_SHARE)}` +
    (r.memoryChosen ? ` (raise ${BULK_MEMORY_VARIABLE} if the machine has it).` : ".")
  );
}

/**
 * What the model says will be needed, but never less than the memory resident now plus the growth the model expects
 * from now: the model leaves out what it cannot see (the young generation's semi-spaces, up to 96 MiB under the bulk
 * rerun's flags; the parser's and the streams' buffers), which on a small input is most of the process.
 */
function atLeastResident(modelNeed: number, modelNow: number, r: HeapReading): number {
  return Math.max(modelNeed, (r.rssBytes ?? 0) + Math.max(0, modelNeed - modelNow));
}

/**
 * Null while the graph can take more records; otherwise why it can take no more, when the rest of the input goes on
 * through the online import (BulkOverflow "online"). Unlike heapVerdict it does not project the whole input: the bulk
 * part is to be as large as the memory allows, with room left for the CSV stage. Pure, for tests.
 */
export function fullVerdict(r: HeapReading): string | null {
  const live = r.heapIsLive ?? true;
  const program = r.programBytes ?? 0;
  const facts = `after ${r.done} of about ${r.total} records it holds ${gib(r.usedBytes)} of heap and ${gib(r.outsideBytes)} of papers' columns and indexes outside it`;
  if (live && r.usedBytes * CSV_HEADROOM > PROJECTED_SHARE * r.limitBytes)
    return (
      `the in-memory graph has filled this process's heap (${facts}; Node allows ${gib(r.limitBytes)} of heap here, and the ` +
      `CSV stage needs room beyond it)`
    );
  const modelNeed =
    program + (live ? residentHeap(r.usedBytes * CSV_HEADROOM, r) : r.usedBytes) + r.outsideBytes * (live ? CSV_HEADROOM : 1);
  const need = atLeastResident(modelNeed, modelledNow(r), r);
  if (need <= MEMORY_SHARE * r.machineBytes) return null;
  return (
    `the in-memory graph has filled ${memoryAllowed(r)} (${facts}, the program itself ${gib(program)} more: about ` +
    `${gib(need)} at the CSV stage's peak)`
  );
}

/** What `import --bulk` does when the in-memory graph would outgrow its memory: hand the rest to the online import, or refuse. */
export type BulkOverflow = "online" | "refuse";
export const BULK_OVERFLOWS: readonly BulkOverflow[] = ["online", "refuse"];

/** What the in-memory graph asks of a budget (HeapBudget; tests give one that fills at a chosen record). */
export interface GraphBudget {
  begin(expected: () => number): void;
  /** After a batch landed; throws BulkMemoryExceeded to refuse the input. */
  check(records: number, outsideBytes?: number): void;
  /** Set once the graph can take no more records (overflow "online"): why, for the hand-off's message. */
  readonly full?: string;
  stop(): void;
}

/** V8's largest young-generation semi-space on 64-bit machines, unless --max-semi-space-size says otherwise. */
const DEFAULT_SEMI_SPACE_MIB = 16;

/**
 * The old generation's limit, where the graph lives. V8's heap_size_limit also counts the young generation (three
 * semi-spaces: 48 MiB by default, 96 MiB with the bulk rerun's 32 MiB ones), room the graph never gets: a 48 MiB old
 * space judged against its 144 MiB let V8 abort the process before this budget spoke.
 */
export function oldSpaceLimitBytes(execArgv: readonly string[] = process.execArgv, env: NodeJS.ProcessEnv = process.env): number {
  const flags = givenNodeFlags(execArgv, env);
  const total = v8.getHeapStatistics().heap_size_limit;
  const old = nodeFlagNumber(flags, "max-old-space-size");
  if (old !== undefined && old > 0) return Math.min(old * MIB, total);
  const semi = nodeFlagNumber(flags, "max-semi-space-size") ?? DEFAULT_SEMI_SPACE_MIB;
  return Math.max(total - 3 * semi * MIB, MIB);
}

/**
 * Watches the heap (and the columns outside it) while the in-memory graph fills; `check` throws BulkMemoryExceeded when it will not fit. It judges
 * by the heap in use right after each full garbage collection (what is alive), not by the heap in use at the check,
 * which also holds garbage not collected yet and would make the projection cry wolf.
 */
export class HeapBudget implements GraphBudget {
  /** Why the graph can take no more records, once it cannot (overflow "online" only). */
  full: string | undefined;
  private baselineBytes = 0;
  private programBytes = 0;
  private liveBytes = 0;
  /** Records of all files so far: read into the graph, read before the current file, and expected of it. */
  private done = 0;
  private doneBeforeFile = 0;
  private expected: (() => number) | undefined;
  private observer: PerformanceObserver | undefined;

  /**
   * `memory`: what the import may use (bulkMemory). `overflow` "refuse" throws BulkMemoryExceeded as soon as the whole
   * input is projected not to fit; "online" fills the graph as far as the memory allows, then sets `full`.
   */
  constructor(
    private readonly memory: BulkMemory = { bytes: machineMemoryBytes(), chosen: false },
    private readonly overflow: BulkOverflow = "refuse",
  ) {
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
   * alive after the last full collection if a check pass had one (the heap in use now also holds that pass's garbage),
   * and its resident memory outside the heap (about 100 MiB: code, V8, the driver), which stays as the graph grows.
   */
  begin(expected: () => number): void {
    if (this.expected === undefined) {
      this.baselineBytes = this.liveBytes || v8.getHeapStatistics().used_heap_size;
      const usage = process.memoryUsage();
      this.programBytes = Math.max(0, usage.rss - usage.heapTotal);
    }
    this.doneBeforeFile = this.done;
    this.expected = expected;
    // A projection for this file starts afresh. The graph filling up ("online") keeps the last reading: it is a floor
    // of what is alive now, and without it each new file would go unjudged until the next full collection, which the
    // bulk rerun's heap growth can put millions of records later.
    if (this.overflow === "refuse") this.liveBytes = 0;
  }

  /** After a batch of `records` landed in the graph, which now holds `outsideBytes` outside the heap. */
  check(records: number, outsideBytes = 0): void {
    this.done += records;
    // Before the first full collection nothing is known of what is alive (the heap limit is then far off), but the
    // heap in use and the columns must still fit in the memory the import may use.
    const heapIsLive = this.liveBytes > 0;
    const reading: HeapReading = {
      done: this.done,
      total: Math.max(this.doneBeforeFile + (this.expected?.() ?? 0), this.done),
      usedBytes: heapIsLive ? this.liveBytes : v8.getHeapStatistics().used_heap_size,
      heapIsLive,
      baselineBytes: this.baselineBytes,
      limitBytes: oldSpaceLimitBytes(),
      outsideBytes,
      programBytes: this.programBytes,
      rssBytes: process.memoryUsage.rss(),
      machineBytes: this.memory.bytes,
      memoryChosen: this.memory.chosen,
    };
    if (this.overflow === "online") {
      this.full ??= fullVerdict(reading) ?? undefined;
      return;
    }
    const verdict = heapVerdict(reading);
    if (verdict) throw new BulkMemoryExceeded(verdict);
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
