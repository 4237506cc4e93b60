import { parentPort } from "node:worker_threads";
import { TimeSlice } from "../util/time-slice";
import { BROKERAGE_TAKEN, NEXT_CHUNK, type SearchJob, type SearchReply } from "./hop-search-thread";
import { brokerage } from "./brokerage";
import { SEARCH_CHUNKS, searchChunk } from "./hop-searches";

/*
 * The analysis' search thread (hop-search-thread.ts starts it): per network, it computes the brokerage measures if
 * nobody has taken them, then takes chunks from the shared counter until none are left, sending each result back as
 * transferred buffers, then says it is done. Nothing else
 * runs on this thread, so the searches never hand over a turn.
 */
const port = parentPort!;
const whole = new TimeSlice(Number.POSITIVE_INFINITY);

port.on("message", (job: SearchJob) => void run(job));

async function run(job: SearchJob): Promise<void> {
  // Hops only: the weights are not read.
  const graph = {
    quotient: { n: job.n, m: job.m, offsets: job.offsets, targets: job.targets, weights: new Float64Array(0) },
    size: job.size,
  };
  try {
    // The brokerage measures first, unless the request's thread took them already.
    if (Atomics.compareExchange(job.counters, BROKERAGE_TAKEN, 0, 1) === 0) {
      const b = brokerage(job.network);
      const reply: SearchReply = { id: job.id, kind: "brokerage", ...b };
      port.postMessage(reply, [b.clustering.buffer, b.constraint.buffer, b.effectiveSize.buffer] as ArrayBuffer[]);
    }
    for (let chunk = Atomics.add(job.counters, NEXT_CHUNK, 1); chunk < SEARCH_CHUNKS; chunk = Atomics.add(job.counters, NEXT_CHUNK, 1)) {
      const r = await searchChunk(graph, chunk, whole);
      const reply: SearchReply = { id: job.id, kind: "chunk", chunk, ...r };
      port.postMessage(reply, [r.sums.buffer, r.reached.buffer, r.distanceSums.buffer] as ArrayBuffer[]);
    }
    port.postMessage({ id: job.id, kind: "done" } satisfies SearchReply);
  } catch (error) {
    port.postMessage({ id: job.id, kind: "failed", message: error instanceof Error ? error.message : String(error) } satisfies SearchReply);
  }
}
