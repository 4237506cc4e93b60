import type { Database } from "../db/database";
import { GRAPH_VERSION_KEY, NO_SNAPSHOT } from "../db/graph-version";
import type { FiguresSlot } from "../kernel/graph-figures";
import { CsrBuilder, type Csr } from "./csr";
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

/** Authors per write transaction when storing per-author figures. */
export const FIGURES_WRITE_BATCH = 10_000;

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
      const builder = new CsrBuilder(expectedTies * 2);
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

/** Rows [internal node id, pageRank, betweenness, component] in batches; `progress` sees authors written. */
export async function writeAuthorFigures(
  db: Database,
  slot: FiguresSlot,
  rows: (from: number, to: number) => number[][],
  total: number,
  progress: (written: number) => void,
): Promise<void> {
  for (let from = 0; from < total; from += FIGURES_WRITE_BATCH) {
    const to = Math.min(total, from + FIGURES_WRITE_BATCH);
    await db.write(WRITE_AUTHOR_FIGURES[slot], { rows: rows(from, to) }, { timeoutMs: WHOLE_GRAPH_TIMEOUT_MS });
    progress(to);
  }
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
