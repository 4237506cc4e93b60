import type { Database } from "../db/database";
import { GRAPH_VERSION_KEY, NO_SNAPSHOT } from "../db/graph-version";
import type { FiguresSlot } from "../kernel/graph-figures";
import { BylineCollector } from "../kernel/byline-ties";
import { isEquivalentRuleRace, schemaStatementCreating } from "../db/schema-setup";
import {
  AUTHOR_NODES,
  AWAIT_INDEX,
  BEGIN_FIGURES,
  INDEX_POPULATION,
  COMMIT_FIGURES,
  COMMIT_FIGURES_UNVERSIONED,
  COUNT_GRAPH,
  PAPER_BYLINES,
  PAPER_ID_CEILING,
  READ_FIGURES_SLOTS,
  SLOT_INDEXES,
  dropIndex,
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

export async function countGraph(db: Database): Promise<{ authors: number; papers: number; ties: number }> {
  const [record] = await db.read(COUNT_GRAPH);
  return { authors: Number(record.get("authors")), papers: Number(record.get("papers")), ties: Number(record.get("ties")) };
}

/**
 * Read transactions over the bylines in flight at once, so Neo4j reads on every core. Measured on the 158k graph (warm,
 * the statement alone, a record per paper then): 1.3 s with 2 lanes against 1.7–2.1 s with one.
 */
const FIGURES_READ_LANES = 2;
/** Node ids per byline read (one transaction, one record): about 20,000 papers' bylines on a bulk-loaded graph. */
export const FIGURES_READ_SPAN = 20_000;

/**
 * What the whole coauthor graph is made from: every author's node id and every paper's byline, read span by span of
 * node ids (FIGURES_READ_SPAN) by FIGURES_READ_LANES lanes side by side, beside the authors' list, into typed arrays;
 * tiesFromBylines derives the ties and their weights, the same whatever order the spans arrived in. `progress` sees
 * papers read. A span is one read statement (retried whole after a transient failure, so nothing is counted twice);
 * a read that fails stops the lanes before their next span.
 */
export async function readBylines(
  db: Database,
  progress: (papers: number) => void,
): Promise<{ authorIds: number[]; bylines: BylineCollector[] }> {
  const parts: BylineCollector[] = Array.from({ length: FIGURES_READ_LANES }, () => new BylineCollector());
  let failed = false;
  const papersRead = () => parts.reduce((sum, part) => sum + part.papers, 0);
  const options = { timeoutMs: WHOLE_GRAPH_TIMEOUT_MS };
  const stopOthers = (error: unknown): never => {
    failed = true;
    throw error;
  };
  const [ceilingRecord] = await db.read(PAPER_ID_CEILING, {}, options);
  const ceiling = ceilingRecord?.get("ceiling") as number | null;
  let nextFrom = 0;
  const readLane = async (lane: number) => {
    const collector = parts[lane];
    while (!failed && ceiling !== null && nextFrom <= ceiling) {
      const from = nextFrom;
      nextFrom += FIGURES_READ_SPAN;
      const [record] = await db.read(PAPER_BYLINES, { from, span: FIGURES_READ_SPAN }, options);
      const papers = record.get("papers") as number[];
      const bylines = record.get("bylines") as number[][];
      for (let i = 0; i < papers.length; i++) collector.add(Number(papers[i]), bylines[i]);
      progress(papersRead());
    }
  };
  const authors = db.read(AUTHOR_NODES, {}, options).then(([record]) => record.get("nodes") as number[], stopOthers);
  // allSettled: no read is still running when this returns.
  const lanes = Array.from({ length: FIGURES_READ_LANES }, (_, lane) => readLane(lane).catch(stopOthers));
  const outcomes = await Promise.allSettled([authors, ...lanes]);
  for (const outcome of outcomes) if (outcome.status === "rejected") throw outcome.reason;
  progress(papersRead());
  return { authorIds: await authors, bylines: parts };
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

/** The slot the next computation writes: the one that is not current (A when neither is). */
export function nextSlot(slots: readonly SlotState[]): FiguresSlot {
  return slots.find((s) => s.current)?.slot === "A" ? "B" : "A";
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

const SCHEMA_CHANGE = { timeoutMs: WHOLE_GRAPH_TIMEOUT_MS, operation: "schema" };

/**
 * Drops the slot's range indexes before its figures are written (see SLOT_INDEXES). Only a slot that is not current
 * is written, so no reader is without an index meanwhile; rebuildSlotIndexes must run before the slot becomes current.
 */
export async function dropSlotIndexes(db: Database, slot: FiguresSlot): Promise<void> {
  for (const name of SLOT_INDEXES[slot]) await db.write(dropIndex(name), {}, SCHEMA_CHANGE);
}

/**
 * Creates the slot's range indexes again from the schema's own statements (schema/neo4j) and waits until they are
 * online, built from the values written; `progress` sees the least populated one's percentage about every second.
 * Also after a failed write: should this fail too, every start and import applies the schema again, and a slot is only
 * made current after this succeeded.
 */
export async function rebuildSlotIndexes(db: Database, slot: FiguresSlot, progress?: (percent: number) => void): Promise<void> {
  const names = SLOT_INDEXES[slot];
  for (const name of names)
    await db.write(schemaStatementCreating(name), {}, SCHEMA_CHANGE).catch((error: unknown) => {
      // A process starting meanwhile applies the schema (outside the import lock) and may create it first.
      if (!isEquivalentRuleRace(error)) throw error;
    });
  let online = false;
  const awaited = (async () => {
    try {
      for (const name of names) await db.read(AWAIT_INDEX, { name, timeoutSeconds: WHOLE_GRAPH_TIMEOUT_MS / 1000 }, SCHEMA_CHANGE);
    } finally {
      online = true;
    }
  })();
  while (progress && !online) {
    await Promise.race([awaited.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
    if (online) break;
    const [record] = await db.read(INDEX_POPULATION, { names: [...names] }).catch(() => []);
    if (record) progress(Number(record.get("percent")));
  }
  await awaited;
  progress?.(100);
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
