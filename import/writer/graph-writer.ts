import { CanonicalPaper } from "../canonical";
import { Database } from "../../src/db/database";
import { toBatchRows } from "./batch-rows";
import { resolvePaperIds } from "./paper-resolution";
import {
  MARK_AUTHORS_OF_PAPERS,
  MERGE_AUTHORSHIPS,
  MERGE_AUTHORS,
  MERGE_PAPERS,
  MERGE_VENUES,
  RENAME_PAPERS,
} from "./writer.cypher";

/** Records per write transaction: large enough to amortise round trips, small enough to keep memory flat. */
export const WRITE_BATCH_SIZE = 1000;

/** Import transactions may run far longer than API reads. */
export const IMPORT_TX_TIMEOUT_MS = 10 * 60_000;

export interface WriteCounts {
  papersCreated: number;
  papersUpdated: number;
  authorsCreated: number;
  authorsUpdated: number;
  venuesCreated: number;
  venuesUpdated: number;
  authorshipsCreated: number;
  authorshipsWritten: number;
}

export function emptyWriteCounts(): WriteCounts {
  return {
    papersCreated: 0,
    papersUpdated: 0,
    authorsCreated: 0,
    authorsUpdated: 0,
    venuesCreated: 0,
    venuesUpdated: 0,
    authorshipsCreated: 0,
    authorshipsWritten: 0,
  };
}

/**
 * Writes one batch of canonical records: resolve paper identity (one read), then venues, papers, authors and
 * authorships in a single write transaction, so a batch lands whole or not at all. Coauthor pairs and name
 * resolution are settled afterwards for the whole file (author-resolution.ts, coauthor-pairs.ts).
 */
export async function writeBatch(db: Database, records: CanonicalPaper[], counts: WriteCounts): Promise<void> {
  if (records.length === 0) return;
  const resolution = await resolvePaperIds(db, records);
  const rows = toBatchRows(records, resolution.ids);
  const [, venues, papers, authors, authorships] = await db.writeAll(
    [
      { cypher: RENAME_PAPERS, params: { renames: resolution.renames } },
      { cypher: MERGE_VENUES, params: { venues: rows.venues } },
      { cypher: MERGE_PAPERS, params: { papers: rows.papers } },
      { cypher: MERGE_AUTHORS, params: { authors: rows.authors } },
      { cypher: MERGE_AUTHORSHIPS, params: { authorships: rows.authorships } },
      { cypher: MARK_AUTHORS_OF_PAPERS, params: { paperIds: resolution.existing } },
    ],
    { timeoutMs: IMPORT_TX_TIMEOUT_MS },
  );
  counts.venuesCreated += venues.nodesCreated;
  counts.venuesUpdated += rows.venues.length - venues.nodesCreated;
  counts.papersCreated += papers.nodesCreated;
  counts.papersUpdated += rows.papers.length - papers.nodesCreated;
  counts.authorsCreated += authors.nodesCreated;
  counts.authorsUpdated += rows.authors.length - authors.nodesCreated;
  counts.authorshipsCreated += authorships.relationshipsCreated;
  counts.authorshipsWritten += rows.authorships.length;
}
