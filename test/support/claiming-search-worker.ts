import { parentPort } from "node:worker_threads";
import { BROKERAGE_TAKEN, type SearchJob } from "../../src/analysis/hop-search-thread";

/*
 * A stand-in for the analysis' search thread that claims a job's brokerage measures, as the real one does first, and
 * then dies before it sends them: the request's thread must compute them itself, not wait for ever.
 */
parentPort!.on("message", (job: SearchJob) => {
  Atomics.compareExchange(job.counters, BROKERAGE_TAKEN, 0, 1);
  process.exit(3);
});
