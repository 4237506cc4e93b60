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
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

export interface GraphState {
  counts: GraphCounts;
  snapshotId: string;
}

export interface ScaleResult {
  options: Omit<ScaleOptions, "env" | "log">;
  startedAt: string;
  machine: MachineInfo;
  /** 1-, 5- and 15-minute load averages at the start and at the end: the machine is shared. */
  loadStart: number[];
  loadEnd: number[];
  neo4j: { heap: string; pageCache: string; version: string };
  base: Generated;
  month: Generated;
  /** Disk: the whole data dir, and its store files and transaction logs (preallocated, so they dominate a small graph). */
  bulk: BulkLoad & { disk: { dataBytes: number; storeBytes: number; txLogBytes: number }; graph: GraphState; neo4jStartSeconds: number };
  monthImport: OnlineImport & { before: GraphState; after: GraphState; pairs: PairCheck };
  query: QueryBenchResult;
  stageSeconds: { generate: number; bulk: number; month: number; pairCheck: number; query: number };
  totalSeconds: number;
}
