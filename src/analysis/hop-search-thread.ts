import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Csr } from "../kernel/csr";
import { closedTwins } from "../kernel/twins";
import { nextTurn } from "../util/time-slice";
import { brokerage, type Brokerage } from "./brokerage";
import { combineChunks, hopSearches, SEARCH_CHUNKS, searchChunk, type ChunkSearches, type HopSearches } from "./hop-searches";

/*
 * The analysis' breadth-first searches (betweenness and closeness, one search per class of twins) and its brokerage
 * measures (clustering, constraint, effective size), shared between a worker thread, kept for the life of the process,
 * and this thread. The brokerage measures are one piece of work, the searches SEARCH_CHUNKS pieces; both threads take
 * pieces through counters in shared memory (Atomics), so neither waits on the other: the worker starts at once with
 * the brokerage, then searches, while this thread finds the communities and computes PageRank, then takes the pieces
 * left (finish(), brokerage()). Measured on the 158k file's densest 500-author network (27,555 ties): the communities
 * about 45 ms, the brokerage 14 (33 before it was summed once per tie), the searches 50–65. The API starts a job
 * as soon as the network is read (AnalysisService.prepare), while this thread still writes out the network's edges.
 * The chunks' sums are added in chunk order, so the answer is the same bits whoever did what (hop-searches.ts). A
 * network too small to be worth a message, or a thread that fails, is worked on here.
 */

/** Below this many ties the searches take a millisecond or two: not worth the round trips. */
export const SEARCH_THREAD_MIN_TIES = 2_000;

const WORKER_SCRIPT = path.join(__dirname, "hop-searches.worker.js");

/**
 * One network's work for the thread: the rows between its classes of twins and their sizes (the searches), the
 * network's own weighted rows (the brokerage measures) and the counters, all on shared memory (no copy per message).
 */
export interface SearchJob {
  id: number;
  n: number;
  m: number;
  offsets: Int32Array;
  targets: Int32Array;
  size: Int32Array;
  network: { n: number; m: number; offsets: Int32Array; targets: Int32Array; weights: Float64Array };
  /** counters[NEXT_CHUNK]: the next chunk anyone may take (Atomics.add); counters[BROKERAGE_TAKEN]: 1 once taken. */
  counters: Int32Array;
}
export const NEXT_CHUNK = 0;
export const BROKERAGE_TAKEN = 1;

export type SearchReply =
  | ({ id: number; kind: "chunk"; chunk: number } & ChunkSearches)
  | ({ id: number; kind: "brokerage" } & Brokerage)
  | { id: number; kind: "done" }
  | { id: number; kind: "failed"; message: string };

/** Work under way: finish() and brokerage() give their results once this thread has done its share. */
export interface SearchesUnderWay {
  finish(): Promise<HopSearches>;
  /** The network's brokerage measures: the thread's if it took them, else computed here. */
  brokerage(): Promise<Brokerage>;
  /** Chunks searched by the thread and by this one so far, and who computed the brokerage measures. */
  readonly shares: { thread: number; here: number; brokerage?: "thread" | "here" };
}

interface JobListener {
  chunk(chunk: number, result: ChunkSearches): void;
  brokerage(result: Brokerage): void;
  /** The thread takes no more chunks of the job (done), or lost it (an error). */
  end(error?: Error): void;
}

/** The thread, and the jobs sent to it (a thread that is lost ends its own jobs, never a later thread's). */
interface Thread {
  worker: Worker;
  jobs: Map<number, JobListener>;
}

export class HopSearchThread {
  private thread: Thread | undefined;
  private nextId = 0;
  /** Jobs the thread failed, whose chunks this thread searched instead (a health figure for tests and logs). */
  fallbacks = 0;
  /** Networks whose searches were started, here or on the thread (a health figure for tests and logs). */
  started = 0;

  constructor(private readonly script = WORKER_SCRIPT) {}

  /** Starts the searches of `csr`: shared with the thread when the network is big enough, all here otherwise. */
  start(csr: Csr, options: { minTies?: number } = {}): SearchesUnderWay {
    this.started++;
    const shares: SearchesUnderWay["shares"] = { thread: 0, here: 0 };
    const brokerageHere = () => {
      shares.brokerage = "here";
      return brokerage(csr);
    };
    if (csr.m < (options.minTies ?? SEARCH_THREAD_MIN_TIES))
      return {
        shares,
        finish: async () => {
          shares.here = SEARCH_CHUNKS;
          return hopSearches(csr);
        },
        brokerage: async () => brokerageHere(),
      };
    const twins = closedTwins(csr);
    const q = twins.quotient;
    const counters = new Int32Array(new SharedArrayBuffer(8));
    // Settles with the thread's brokerage measures, or with nothing once the thread cannot send them any more.
    let fromThread: (result: Brokerage | undefined) => void = () => undefined;
    const threadBrokerage = new Promise<Brokerage | undefined>((resolve) => (fromThread = resolve));
    const results: Array<ChunkSearches | undefined> = Array.from({ length: SEARCH_CHUNKS }, () => undefined);
    let present = 0;
    let lost: Error | undefined;
    // Settles when every chunk is in (whoever searched it), or when the thread is done with the job or lost it:
    // never later than needed, so a request whose chunks are all in does not wait for the thread to reach its job.
    let settle: () => void = () => undefined;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const keep = (chunk: number, result: ChunkSearches) => {
      if (results[chunk]) return;
      results[chunk] = result;
      if (++present === SEARCH_CHUNKS) settle();
    };
    const network = {
      n: csr.n,
      m: csr.m,
      offsets: onSharedMemory(csr.offsets),
      targets: onSharedMemory(csr.targets),
      weights: onSharedMemory(Float64Array.from(csr.weights)),
    };
    this.post(
      {
        n: q.n,
        m: q.m,
        offsets: onSharedMemory(q.offsets),
        targets: onSharedMemory(q.targets),
        size: onSharedMemory(twins.size),
        network,
        counters,
      },
      {
        chunk: (chunk, result) => {
          shares.thread++;
          keep(chunk, result);
        },
        brokerage: (result) => fromThread(result),
        end: (error) => {
          lost = error;
          fromThread(undefined);
          settle();
        },
      },
    );
    return {
      shares,
      finish: async () => {
        // This thread takes the chunks nobody has taken; the worker may still be on its last one.
        for (let chunk = Atomics.add(counters, NEXT_CHUNK, 1); chunk < SEARCH_CHUNKS; chunk = Atomics.add(counters, NEXT_CHUNK, 1)) {
          keep(chunk, await searchChunk(twins, chunk));
          shares.here++;
          await nextTurn(); // a chunk is a few milliseconds: the driver gets a turn between chunks
        }
        await settled;
        if (lost) this.fallbacks++;
        // Whatever the thread took and did not send back (it was lost, or a reply could not be read) is searched here.
        for (let chunk = 0; chunk < SEARCH_CHUNKS; chunk++)
          if (!results[chunk]) {
            keep(chunk, await searchChunk(twins, chunk));
            shares.here++;
          }
        return combineChunks(twins, results as ChunkSearches[]);
      },
      brokerage: async () => {
        // Taken here when the thread has not taken it (yet): never wait for the thread to reach this job.
        if (Atomics.compareExchange(counters, BROKERAGE_TAKEN, 0, 1) === 0) return brokerageHere();
        const result = await threadBrokerage;
        if (result) {
          shares.brokerage = "thread";
          return result;
        }
        return brokerageHere(); // the thread took it and was lost before it answered
      },
    };
  }

  /** Stops the thread (the next search starts a new one); what it had taken is searched here instead. */
  async close(): Promise<void> {
    const thread = this.thread;
    this.thread = undefined;
    if (!thread) return;
    thread.worker.ref(); // an unref'd thread's exit would not keep the process alive until this promise settles
    await thread.worker.terminate();
  }

  private post(job: Omit<SearchJob, "id">, listener: JobListener): void {
    let thread: Thread;
    try {
      thread = this.current();
    } catch (error) {
      listener.end(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const id = this.nextId++;
    thread.jobs.set(id, listener);
    thread.worker.ref(); // a job under way keeps the process alive until the thread is done with it
    thread.worker.postMessage({ id, ...job } satisfies SearchJob);
  }

  private current(): Thread {
    if (this.thread) return this.thread;
    const thread: Thread = { worker: new Worker(this.script), jobs: new Map() };
    const { worker, jobs } = thread;
    worker.on("message", (reply: SearchReply) => {
      const listener = jobs.get(reply.id);
      if (reply.kind === "chunk") {
        listener?.chunk(reply.chunk, { sums: reply.sums, reached: reply.reached, distanceSums: reply.distanceSums });
        return;
      }
      if (reply.kind === "brokerage") {
        listener?.brokerage({ clustering: reply.clustering, constraint: reply.constraint, effectiveSize: reply.effectiveSize });
        return;
      }
      jobs.delete(reply.id);
      // Idle: let the process end. Not a thread being closed: close() keeps it alive until its exit.
      if (jobs.size === 0 && this.thread === thread) worker.unref();
      listener?.end(reply.kind === "failed" ? new Error(reply.message) : undefined);
    });
    const lost = (error: Error) => {
      if (this.thread === thread) this.thread = undefined;
      for (const [id, listener] of jobs) {
        jobs.delete(id);
        listener.end(error);
      }
      // A reply it could not deliver leaves it of no use: it ends (a dead one is not hurt by this). No unref here: a
      // close() awaiting its exit must keep the process alive until then.
      void worker.terminate();
    };
    worker.on("error", lost);
    worker.on("messageerror", lost);
    worker.on("exit", (code) => lost(new Error(`the analysis search thread stopped (exit code ${code})`)));
    // An idle thread never keeps the process alive (unref'd after the listeners: adding one refs it again).
    worker.unref();
    this.thread = thread;
    return thread;
  }
}

function onSharedMemory<A extends Int32Array | Float64Array>(array: A): A {
  const copy = new (array.constructor as new (buffer: SharedArrayBuffer) => A)(new SharedArrayBuffer(array.byteLength));
  copy.set(array);
  return copy;
}

/** The process's one search thread, started by the first network big enough to use it. */
export const hopSearchThread = new HopSearchThread();
