import { CanonicalPaper } from "../canonical";
import { Database } from "../../src/db/database";
import { bumpIfChanged } from "../../src/db/graph-version";
import { mergeSpellings, Spellings } from "./author-spellings";
import { BatchRows, bylineAuthorIds, toBatchRows } from "./batch-rows";
import { resolvePaperIds } from "./paper-resolution";
import type { SettledMentions, SettledMentionsGraph } from "./settled-mentions";
import { authorsGainingEdges, jointPaperIncrements, jointPaperResizes, paperGains } from "./pair-increments";
import {
  ADD_JOINT_PAPERS,
  RESIZE_JOINT_PAPERS,
  AUTHOR_SPELLINGS,
  CREATE_NEW_AUTHORSHIPS,
  CREATE_NEW_PAPERS,
  MERGE_AUTHORSHIPS,
  MERGE_AUTHORS,
  MERGE_PAPERS,
  MERGE_VENUES,
  QUEUE_AUTHORS_FOR_PAIRS,
  REFRESH_AUTHOR_STATS,
  RENAME_PAPERS,
  NAME_KEY_MEMBERS,
} from "./writer.cypher";
import type { NameKeyMember } from "./name-target";

/**
 * Records per write transaction: large enough to amortise round trips and commits, small enough to keep memory
 * flat (the importer holds at most two batches: one written, one parsed ahead). Probes with 5000 and 10000 on the
 * benchmark gained at most ~10%, inside the noise of a shared machine, so the default stays 1000.
 */
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
  /** Coauthor pairs that batches created or added joint papers to in place (PairMode "add"). */
  pairsCreated: number;
  pairsAdded: number;
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
    pairsCreated: 0,
    pairsAdded: 0,
  };
}

/**
 * How a batch's new authorships reach the coauthor pairs. "queue": the authors are queued for the pair pass after
 * the file (a first import, where that pass creates every pair in one sweep). "add": the batch adds its new joint
 * papers to the pairs in its own transaction (any later import; cost follows the import, not the graph).
 */
export type PairMode = "queue" | "add";

/**
 * Writes one batch of canonical records: resolve paper identity and read the authors' spellings (two reads at once),
 * then venues, papers, authors and
 * authorships in a single write transaction, so a batch lands whole or not at all. Papers the resolution read
 * proved new are CREATEd with their authorships (nothing to merge with); papers already in the graph go through
 * the MERGE statements and their rules. Coauthor pairs and name resolution are settled afterwards for the whole
 * file (author-resolution.ts, coauthor-pairs.ts).
 */
export async function writeBatch(
  db: Database,
  records: CanonicalPaper[],
  counts: WriteCounts,
  pairMode: PairMode,
  settled?: SettledMentions,
): Promise<void> {
  if (records.length === 0) return;
  const [resolution, spellings] = await Promise.all([resolvePaperIds(db, records), readSpellings(db, bylineAuthorIds(records))]);
  const all = toBatchRows(records, resolution.ids);
  // Mentions the graph already holds as settled are not written again (a re-import changes nothing); `replay`: those
  // an earlier batch skipped for an author this one writes after all, written before the batch's own authorships.
  const { rows, replay } = settled ? await settled.drop(all, resolution, settledMentionsGraph(db, spellings)) : { rows: all, replay: [] };
  const existing = new Set(resolution.existing);
  const newPapers = rows.papers.filter((p) => !existing.has(p.id));
  const knownPapers = rows.papers.filter((p) => existing.has(p.id));
  const newAuthorships = rows.authorships.filter((a) => !existing.has(a.paperId));
  const knownAuthorships = rows.authorships.filter((a) => existing.has(a.paperId));
  const gains = paperGains(rows, resolution);
  const authorIds = authorsGainingEdges(gains);
  const computed = pairMode === "add" ? jointPaperIncrements(gains) : [];
  // A batch whose bylines add more pairs than one transaction can hold (a paper of 1,000 authors adds 500k) leaves them
  // to the pair pass after the file, which recomputes its authors' pairs from the authorships, a slice at a time.
  const mode: PairMode = computed.length > MAX_PAIR_ROWS_IN_PLACE ? "queue" : pairMode;
  const increments = mode === "add" ? computed : [];
  // One paper of n authors adds n(n-1)/2 pairs: 500k rows at 1,000 authors, past what Neo4j lets one statement hold
  // (MemoryPoolOutOfMemoryError). In statements of PAIR_ROWS_PER_STATEMENT, still one transaction.
  const addStatements = chunks(increments, PAIR_ROWS_PER_STATEMENT).map((pairs) => ({ cypher: ADD_JOINT_PAPERS, params: { pairs } }));
  // Pairs already on a paper that gains authors get its new byline size in place, also when the new pairs go to the
  // pair pass (which recomputes only the pairs of the authors it is given: the new ones).
  const resizeStatements =
    pairMode === "add"
      ? chunks(jointPaperResizes(gains), PAIR_ROWS_PER_STATEMENT).map((pairs) => ({ cypher: RESIZE_JOINT_PAPERS, params: { pairs } }))
      : [];
  const pairStatements = [
    ...resizeStatements,
    ...(mode === "queue"
      ? [{ cypher: QUEUE_AUTHORS_FOR_PAIRS, params: { authorIds } }]
      : [...addStatements, { cypher: REFRESH_AUTHOR_STATS, params: { authorIds } }]),
  ];
  const [, venues, created, merged, authors, replayed, createdAuthorships, mergedAuthorships, ...pairResults] = await db.writeAll(
    [
      { cypher: RENAME_PAPERS, params: { renames: resolution.renames } },
      { cypher: MERGE_VENUES, params: { venues: rows.venues } },
      { cypher: CREATE_NEW_PAPERS, params: { papers: newPapers } },
      { cypher: MERGE_PAPERS, params: { papers: knownPapers } },
      { cypher: MERGE_AUTHORS, params: { authors: authorRows(rows, spellings) } },
      { cypher: MERGE_AUTHORSHIPS, params: { authorships: replay } },
      { cypher: CREATE_NEW_AUTHORSHIPS, params: { authorships: newAuthorships } },
      { cypher: MERGE_AUTHORSHIPS, params: { authorships: knownAuthorships } },
      ...pairStatements,
    ],
    { timeoutMs: IMPORT_TX_TIMEOUT_MS },
    bumpIfChanged,
  );
  counts.venuesCreated += venues.nodesCreated;
  counts.venuesUpdated += rows.venues.length - venues.nodesCreated;
  counts.papersCreated += created.nodesCreated + merged.nodesCreated;
  counts.papersUpdated += rows.papers.length - created.nodesCreated - merged.nodesCreated;
  counts.authorsCreated += authors.nodesCreated;
  counts.authorsUpdated += all.authors.length - authors.nodesCreated;
  counts.authorshipsCreated +=
    replayed.relationshipsCreated + createdAuthorships.relationshipsCreated + mergedAuthorships.relationshipsCreated;
  counts.authorshipsWritten += all.authorships.length;
  if (mode === "add") {
    // Counted from the start: writeAll appends the version bump's result when the batch changed the graph.
    const added = pairResults.slice(resizeStatements.length, resizeStatements.length + addStatements.length);
    counts.pairsCreated += added.reduce((sum, result) => sum + result.relationshipsCreated, 0);
    counts.pairsAdded += increments.length;
  }
}

/** Pair rows a batch adds in its own transaction at most; beyond, its authors are queued for the pair pass. */
const MAX_PAIR_ROWS_IN_PLACE = 100_000;
/** Rows per statement of the pair updates (see writeBatch). */
const PAIR_ROWS_PER_STATEMENT = 20_000;

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** The graph as the settled-mentions check sees it: the authors read before the batch, and a read of nameKey groups. */
function settledMentionsGraph(db: Database, spellings: Map<string, Spellings>): SettledMentionsGraph {
  return {
    has: (id) => spellings.has(id),
    async members(keys) {
      const groups = new Map<string, NameKeyMember[]>();
      for (const some of chunks(keys, REPLAY_AUTHORS)) {
        const records = await db.read(NAME_KEY_MEMBERS, { keys: some }, { timeoutMs: IMPORT_TX_TIMEOUT_MS });
        for (const r of records) groups.set(r.get("key") as string, r.get("members") as NameKeyMember[]);
      }
      return groups;
    },
  };
}

async function readSpellings(db: Database, ids: string[]): Promise<Map<string, Spellings>> {
  if (ids.length === 0) return new Map();
  const found = await db.read(AUTHOR_SPELLINGS, { ids });
  return new Map(
    found.map((r) => [r.get("id") as string, { name: r.get("name") as string, aliases: (r.get("aliases") as string[] | null) ?? [] }]),
  );
}

/** MERGE_AUTHORS rows: each author's name and aliases after this batch's spellings. */
function authorRows(rows: Pick<BatchRows, "authors">, spellings: Map<string, Spellings>) {
  return rows.authors.map(({ spellings: seen, ...row }) => ({ ...row, ...mergeSpellings(spellings.get(row.id), seen) }));
}

/**
 * Mentions a file skipped as settled whose key the name pass would now send elsewhere (settled-mentions.ts), written
 * after all before that pass: the authors, then their authorships, REPLAY_AUTHORS authors a transaction.
 */
export async function writeSkippedMentions(db: Database, settled: SettledMentions): Promise<void> {
  const replay = await settled.beforeNamePass(settledMentionsGraph(db, new Map()));
  // In transactions of REPLAY_AUTHORS authors each: the MERGEs are idempotent and the name pass comes after them all.
  for (const authors of chunks(replay.authors, REPLAY_AUTHORS)) {
    const ids = new Set(authors.map((a) => a.id));
    const spellings = await readSpellings(db, [...ids]);
    await db.writeAll(
      [
        { cypher: MERGE_AUTHORS, params: { authors: authorRows({ authors }, spellings) } },
        { cypher: MERGE_AUTHORSHIPS, params: { authorships: replay.authorships.filter((e) => ids.has(e.authorId)) } },
      ],
      { timeoutMs: IMPORT_TX_TIMEOUT_MS },
      bumpIfChanged,
    );
  }
}

/** Authors per transaction when skipped mentions are written after all, and nameKeys per read of their groups. */
const REPLAY_AUTHORS = 5_000;
