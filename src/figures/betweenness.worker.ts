import { parentPort, workerData } from "node:worker_threads";
import { TimeSlice } from "../util/time-slice";
import { dependencySums } from "../kernel/graph-algorithms";
import type { Csr } from "../kernel/csr";
import type { ChunkDone, ChunkFailed, ChunkTask, PivotDone, WorkerGraph } from "./betweenness-workers";

/*
 * One betweenness worker thread (betweenness-workers.ts starts them): the graph between classes of twins arrives once
 * as shared memory, then chunks of source classes one at a time; each chunk's dependency sums go back as a transferred
 * buffer. Nothing else runs on this thread, so the searches never hand over a turn (an infinite slice).
 */
const shared = workerData as WorkerGraph;
const graph: Csr = {
  n: shared.n,
  m: shared.m,
  offsets: new Int32Array(shared.offsets),
  targets: new Int32Array(shared.targets),
  // Betweenness is on hops: the weights are not read.
  weights: new Float32Array(0),
};
const size = new Int32Array(shared.size);
const port = parentPort!;
const whole = new TimeSlice(Number.POSITIVE_INFINITY);

port.on("message", (task: ChunkTask) => {
  const searched = (search: number) => port.postMessage({ kind: "pivot", pivots: task.counts[search - 1] } satisfies PivotDone);
  dependencySums(graph, task.sources, { progress: searched, slice: whole, twins: { size, counts: task.counts } }).then(
    (sums) => {
      const done: ChunkDone = { kind: "chunk", chunk: task.chunk, sums };
      port.postMessage(done, [sums.buffer as ArrayBuffer]);
    },
    (error: unknown) => {
      const failed: ChunkFailed = { kind: "failed", chunk: task.chunk, message: error instanceof Error ? error.message : String(error) };
      port.postMessage(failed);
    },
  );
});
