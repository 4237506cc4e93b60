import type { QueryBenchResult } from "../query-result";
import type { GraphCounts } from "./graph-counts";
import type { MachineInfo } from "./machine-info";
import type { PairCheck } from "./pair-check";
import type { BulkLoad, Generated, OnlineImport } from "./scale-stages";

/** What `npm run bench:scale` is asked (ScaleOptions) and what one run measured (ScaleResult, saved as JSON). */

export interface ScaleOptions {
  records: number;
  seed: number;
  monthRecords: number;
  dir: string;
  budgetMs: number;
  /** Paths asked at each distance 1..6, per BFS source (two sources). */
  pairsPerDistance: number;
  keepHome: boolean;
  /** A home an earlier bulk load filled, used in place of generate + bulk (the knobs in bench/scale.bench.ts). */
  loadedHome?: string;
  loadedLog?: string;
  stages: Stage[];
  pairCheck: "auto" | "full" | "month";
  pairSampleStep: number;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** Called with the figures so far after each long stage (a run stopped later keeps them). */
  saveProgress?: (partial: ScaleResult) => void;
}

export const STAGES = ["query", "month", "pairs"] as const;
export type Stage = (typeof STAGES)[number];

/** Below this many stored pairs `--pair-check auto` recounts them all (45 s for 1M pairs at 200k records). */
export const FULL_PAIR_CHECK_BELOW = 5_000_000;

export interface GraphState {
  counts: GraphCounts;
  snapshotId: string;
}

export interface ScaleResult {
  options: Omit<ScaleOptions, "env" | "log" | "saveProgress">;
  startedAt: string;
  machine: MachineInfo;
  /** 1-, 5- and 15-minute load averages at the start and at the end: the machine is shared. */
  loadStart: number[];
  loadEnd: number[];
  neo4j: { heap: string; pageCache: string; version: string };
  /** Absent when a loaded home's base set has no generator summary beside it. */
  base?: Generated;
  /** Absent when month 1 was not run. */
  month?: Generated;
  /**
   * Disk: the whole data dir, and its store files and transaction logs (preallocated, so they dominate a small graph).
   * With a loaded home the bulk figures are the earlier run's (`loaded`), the disk and graph measured by this run.
   * neo4jStartSeconds is absent when the run joined a Neo4j already running for the home.
   */
  bulk: Partial<BulkLoad> & {
    disk: { dataBytes: number; storeBytes: number; txLogBytes: number };
    graph: GraphState;
    neo4jStartSeconds?: number;
  };
  /** Set when the run started from a loaded home: where its bulk figures come from. */
  loaded?: { log?: string; logWrittenAt?: string };
  monthImport?: OnlineImport & { before: GraphState; after: GraphState; pairs?: PairCheck };
  query?: QueryBenchResult;
  /** True when the queries ran on the graph before month 1 (a loaded home), false when after it. */
  queriesBeforeMonth: boolean;
  stageSeconds: { generate: number; bulk: number; month: number; pairCheck: number; query: number };
  /** 1-minute load average at the start and at the end of each stage that ran. */
  stageLoad: Partial<Record<"generate" | "bulk" | "month" | "pairCheck" | "query", [number, number]>>;
  totalSeconds: number;
}
