import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Csr } from "../kernel/csr";
import { closedTwins } from "../kernel/twins";
import { nextTurn } from "../util/time-slice";
import { combineChunks, hopSearches, SEARCH_CHUNKS, searchChunk, type ChunkSearches, type HopSearches } from "./hop-searches";

/*
 * The analysis' breadth-first searches (betweenness and closeness, one search per author) shared between a worker
 * thread, kept for the life of the process, and this thread. Both take chunks from one counter in shared memory
 * (Atomics), so neither waits on the other: the worker starts at once, this thread finds the communities and computes
 * the weighted metrics meanwhile, then takes the chunks left (finish()). Measured on the 158k file's densest
 * 500-author network (27,555 ties): the searches are 150–200 ms of work, the rest about 120. The chunks' sums are
 * added in chunk order, so the answer is the same bits whoever searched what (hop-searches.ts). A network too small
 * to be worth a message, or a thread that fails, is searched here.
 */

/** Below this many ties the searches take a millisecond or two: not worth the round trips. */
export const SEARCH_THREAD_MIN_TIES = 2_000;

const WORKER_SCRIPT = path.join(__dirname, "hop-searches.worker.js");

/**
 * One network's searches for the thread: the rows between its classes of twins, their sizes and the chunk counter,
 * all on shared memory (no copy per message).
 */
export interface SearchJob {
  id: number;
  n: number;
  m: number;
  offsets: Int32Array;
  targets: Int32Array;
  size: Int32Array;
  /** nextChunk[0]: the next chunk anyone may take (Atomics.add). */
  nextChunk: Int32Array;
}
export type SearchReply =
  | ({ id: number; kind: "chunk"; chunk: number } & ChunkSearches)
  | { id: number; kind: "done" }
  | { id: number; kind: "failed"; message: string };

/** Searches under way: finish() gives their result once this thread has done its share. */
export interface SearchesUnderWay {
  finish(): Promise<HopSearches>;
  /** Chunks searched by the thread and by this one so far. */
  readonly shares: { thread: number; here: number };
}

interface JobListener {
  chunk(chunk: number, result: ChunkSearches): void;
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

  constructor(private readonly script = WORKER_SCRIPT) {}

  /** Starts the searches of `csr`: shared with the thread when the network is big enough, all here otherwise. */
  start(csr: Csr, options: { minTies?: number } = {}): SearchesUnderWay {
    const shares = { thread: 0, here: 0 };
    if (csr.m < (options.minTies ?? SEARCH_THREAD_MIN_TIES))
      return {
        shares,
        finish: async () => {
          shares.here = SEARCH_CHUNKS;
          return hopSearches(csr);
        },
      };
    const twins = closedTwins(csr);
    const q = twins.quotient;
    const nextChunk = new Int32Array(new SharedArrayBuffer(4));
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
    this.post(
      {
        n: q.n,
        m: q.m,
        offsets: onSharedMemory(q.offsets),
        targets: onSharedMemory(q.targets),
        size: onSharedMemory(twins.size),
        nextChunk,
      },
      {
        chunk: (chunk, result) => {
          shares.thread++;
          keep(chunk, result);
        },
        end: (error) => {
          lost = error;
          settle();
        },
      },
    );
    return {
      shares,
      finish: async () => {
        // This thread takes the chunks nobody has taken; the worker may still be on its last one.
        for (let chunk = Atomics.add(nextChunk, 0, 1); chunk < SEARCH_CHUNKS; chunk = Atomics.add(nextChunk, 0, 1)) {
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

function onSharedMemory(array: Int32Array): Int32Array {
  const copy = new Int32Array(new SharedArrayBuffer(array.byteLength));
  copy.set(array);
  return copy;
}

/** The process's one search thread, started by the first network big enough to use it. */
export const hopSearchThread = new HopSearchThread();
