import type { BenchInputs } from "./query-inputs";

/* The shape of the query benchmark's result, shared by the run (query.bench.ts) and its reports. */

export const WAYS = ["ours", "inproc", "floor", "peer"] as const;
export type Way = (typeof WAYS)[number];
export const CONCURRENCIES = [1, 8] as const;
export interface LatencyCell {
  p50: number;
  p95: number;
  samples: number;
  errors: number;
}

export interface QueryRow {
  query: string;
  group: string;
  inputs: number;
  /** [way][concurrency] */
  latency: Record<Way, Record<number, LatencyCell>>;
  /** Bolt statements per request: ours counted through Database.observe, peer from sessions opened. */
  roundTrips: { ours: number[]; peer: number[] };
  /** oursVsFloor counts the inputs where ours over HTTP or ours in-process differs from the floor. */
  mismatches: { oursVsFloor: number; peerVsFloor: number; example?: string };
  /** The input whose median time through ours at c=1 is the highest: what the p95 of a small group is made of. */
  slowest?: { input: string; oursMs: number; floorMs: number };
}

export interface QueryBenchResult {
  inputs: BenchInputs;
  rows: QueryRow[];
  seconds: number;
}
