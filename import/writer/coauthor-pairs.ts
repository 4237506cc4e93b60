import { Database } from "../../src/db/database";
import { bumpGraphVersion } from "../../src/db/graph-version";
import { IMPORT_TX_TIMEOUT_MS } from "./graph-writer";
import {
  CLEAR_PAIRS_DONE,
  COUNT_COAUTHOR_PAIRS,
  COUNT_DIRTY_AUTHORS,
  CREATE_PAIRS_OF_DIRTY_AUTHORS,
  RECOMPUTE_DIRTY_AUTHORS,
} from "./writer.cypher";

/** Dirty authors recomputed per transaction (about 10 pairs each on the ML anthology). */
export const PAIRS_BATCH_SIZE = 10_000;

export interface PairCounts {
  authors: number;
  pairsWritten: number;
  pairsCreated: number;
}

/**
 * Recomputes COAUTHORED_WITH {papers, firstYear, lastYear} and Author {paperCount, firstYear, lastYear} for every
 * author queued with :PairsDirty, straight from the AUTHORED edges. Counting from the source of truth rather than
 * incrementing is what keeps `papers` exact under re-imports, overlapping sources and re-attached mentions.
 */
export async function recomputeDirtyAuthors(db: Database, onProgress?: (done: number, total: number) => void): Promise<PairCounts> {
  const [countRecord] = await db.read(COUNT_DIRTY_AUTHORS);
  const total = (countRecord?.get("n") as number | undefined) ?? 0;
  // A pass that starts on a graph without any pair (a first import) creates pairs instead of merging them. The
  // choice holds for the whole pass: an interrupted pass leaves pairs behind, so its re-run merges.
  const [pairRecord] = await db.read(COUNT_COAUTHOR_PAIRS);
  const recompute = (pairRecord?.get("n") ?? 0) === 0 ? CREATE_PAIRS_OF_DIRTY_AUTHORS : RECOMPUTE_DIRTY_AUTHORS;
  const counts: PairCounts = { authors: 0, pairsWritten: 0, pairsCreated: 0 };
  onProgress?.(0, total);
  for (;;) {
    // Authors are queued only by changes (new authorships, moved mentions): a batch that took some changes pairs.
    const [result] = await db.writeAll(
      [{ cypher: recompute, params: { limit: PAIRS_BATCH_SIZE } }],
      { timeoutMs: IMPORT_TX_TIMEOUT_MS },
      ([r]) => (Number(r.records[0]?.get("authors") ?? 0) > 0 ? [bumpGraphVersion()] : []),
    );
    const done = (result.records[0]?.get("authors") as number | undefined) ?? 0;
    if (done === 0) break;
    counts.authors += done;
    counts.pairsWritten += result.records[0]?.get("pairs") ?? 0;
    counts.pairsCreated += result.relationshipsCreated;
    onProgress?.(counts.authors, Math.max(total, counts.authors));
  }
  for (;;) {
    const [cleared] = await db.write(CLEAR_PAIRS_DONE, { limit: 20_000 }, { timeoutMs: IMPORT_TX_TIMEOUT_MS });
    if ((cleared?.get("n") ?? 0) === 0) break;
  }
  return counts;
}
