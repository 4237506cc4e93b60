import type { Database } from "../db/database";
import { GRAPH_VERSION_KEY, NO_SNAPSHOT } from "../db/graph-version";
import type { FiguresSlot } from "../kernel/graph-figures";
import { CsrBuilder, type Csr } from "../kernel/csr";
import {
  AUTHOR_ADJACENCY,
  BEGIN_FIGURES,
  COMMIT_FIGURES,
  COMMIT_FIGURES_UNVERSIONED,
  COUNT_AUTHORS_AND_TIES,
  READ_FIGURES_SLOTS,
  TEAM_SIZES,
  WRITE_AUTHOR_FIGURES,
} from "./figures.cypher";

/** Authors per write statement (one UNWIND) when storing per-author figures; each statement is its own transaction. */
export const FIGURES_WRITE_BATCH = 10_000;
/**
 * Write transactions in flight at once. They touch disjoint authors, so they never wait on each other's locks, and
 * Neo4j applies them on two cores instead of one: measured on the 158k graph, 2 lanes took 0.65× the time of 1.
 */
export const FIGURES_WRITE_LANES = 2;

/** Reading the whole graph takes long on DBLP; no request timeout applies to it. */
const WHOLE_GRAPH_TIMEOUT_MS = 60 * 60_000;

export async function countAuthorsAndTies(db: Database): Promise<{ authors: number; ties: number }> {
  const [record] = await db.read(COUNT_AUTHORS_AND_TIES);
  return { authors: Number(record.get("authors")), ties: Number(record.get("ties")) };
}

/** The whole coauthor graph, streamed author by author into typed arrays; `progress` sees authors read. */
export async function readCsr(
  db: Database,
  expectedTies: number,
  progress: (authors: number) => void,
): Promise<{ csr: Csr; externalIds: Float64Array }> {
  return db.stream(
    AUTHOR_ADJACENCY,
    {},
    async (records) => {
      const builder = new CsrBuilder(expectedTies);
      for await (const record of records) {
        builder.add(Number(record.get("node")), record.get("neighbours") as number[], record.get("weights") as number[]);
        if (builder.authors % 5_000 === 0) progress(builder.authors);
      }
      progress(builder.authors);
      return builder.finish();
    },
    { timeoutMs: WHOLE_GRAPH_TIMEOUT_MS },
  );
}

export async function readTeamSizes(db: Database): Promise<Array<{ value: number; count: number }>> {
  const records = await db.read(TEAM_SIZES, {}, { timeoutMs: WHOLE_GRAPH_TIMEOUT_MS });
  return records.map((r) => ({ value: Number(r.get("size")), count: Number(r.get("papers")) }));
}

export interface SlotState {
  slot: FiguresSlot;
  current: boolean;
  status: string;
  snapshotId: string | null;
}

export async function readSlots(db: Database): Promise<SlotState[]> {
  const records = await db.read(READ_FIGURES_SLOTS);
  return records.map((r) => ({
    slot: r.get("slot") as FiguresSlot,
    current: r.get("current") === true,
    status: r.get("status") as string,
    snapshotId: r.get("snapshotId") as string | null,
  }));
}

export async function beginFigures(db: Database, slot: FiguresSlot, snapshotId: string): Promise<void> {
  await db.write(BEGIN_FIGURES, { slot, snapshotId, startedAt: new Date().toISOString() });
}

/**
 * Rows [internal node id, pageRank, betweenness, component] in batches of FIGURES_WRITE_BATCH, FIGURES_WRITE_LANES
 * transactions at a time; `progress` sees authors written. Node ids are the ones read under the same import lock, so
 * they still name the same authors. A failed batch fails the whole write (the slot then never becomes current).
 */
export async function writeAuthorFigures(
  db: Database,
  slot: FiguresSlot,
  rows: (from: number, to: number) => number[][],
  total: number,
  progress: (written: number) => void,
): Promise<void> {
  let next = 0;
  let written = 0;
  const lane = async () => {
    while (next < total) {
      const from = next;
      const to = Math.min(total, from + FIGURES_WRITE_BATCH);
      next = to;
      try {
        await db.write(WRITE_AUTHOR_FIGURES[slot], { rows: rows(from, to) }, { timeoutMs: WHOLE_GRAPH_TIMEOUT_MS });
      } catch (error) {
        next = total; // the other lane stops after its batch in flight
        throw error;
      }
      written += to - from;
      progress(written);
    }
  };
  // allSettled: no lane is still writing when this returns (the import lock is released after it).
  const outcomes = await Promise.allSettled(Array.from({ length: FIGURES_WRITE_LANES }, lane));
  for (const outcome of outcomes) if (outcome.status === "rejected") throw outcome.reason;
}

/** Makes the slot current; false when the graph moved on meanwhile (the slot then stays "writing", never current). */
export async function commitFigures(
  db: Database,
  slot: FiguresSlot,
  snapshotId: string,
  summary: Record<string, unknown>,
): Promise<boolean> {
  const cypher = snapshotId === NO_SNAPSHOT ? COMMIT_FIGURES_UNVERSIONED : COMMIT_FIGURES;
  const records = await db.write(cypher, { slot, snapshotId, summary, versionKey: GRAPH_VERSION_KEY } as never);
  return records.length > 0;
}
