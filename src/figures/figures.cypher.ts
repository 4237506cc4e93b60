/*
 * Whole-graph figures: the reads that feed them and the writes that keep them. Node identity inside one computation
 * is Neo4j's internal node id (id(), deprecated in favour of elementId() but a plain integer: 4 bytes per tie end
 * instead of a 40-byte string); it is only used while the import lock holds the graph still.
 */

/** Counts from Neo4j's count store (no scan): for progress lines and the bench. */
export const COUNT_GRAPH = `
CALL () { MATCH (a:Author) RETURN count(a) AS authors }
CALL () { MATCH (p:Paper) RETURN count(p) AS papers }
CALL () { MATCH ()-[r:COAUTHORED_WITH]->() RETURN count(r) AS ties }
RETURN authors, papers, ties`;

/**
 * Every author's internal node id, as one list: one record (0.1 s for the 158k graph's 168k authors, where a record
 * per author took 0.8–1.2 s). Authors without a paper are in it, and become authors without ties.
 */
export const AUTHOR_NODES = `
MATCH (a:Author)
RETURN collect(id(a)) AS nodes`;

/** The highest node id a paper has: where the byline reads stop (a label scan, 0.1 s on the 158k graph). */
export const PAPER_ID_CEILING = `
MATCH (p:Paper)
RETURN max(id(p)) AS ceiling`;

/**
 * The bylines of the papers whose node ids lie in [$from, $from + $span): each paper's node id and its authors' node
 * ids, as two lists in one record. Ids are sought one by one (NodeByIdSeek; a range predicate on id() would scan every
 * paper for each span), ids of other nodes find no paper. One record per span instead of one per paper: on the 158k
 * graph, the statements alone taken in turn: 0.6–0.9 s warm (1.5–2.6 s cold) against 1.2–1.4 s (2.2–3.2 s cold) for a
 * record per paper, with 0.3 s of this process's CPU against 0.8 s.
 * Only authors have AUTHORED relationships, so the pattern names no label at the far end. No relationship property is
 * read: the ties and their weights are derived from these (src/kernel/byline-ties.ts).
 */
export const PAPER_BYLINES = `
UNWIND range($from, $from + $span - 1) AS nodeId
MATCH (p:Paper) WHERE id(p) = nodeId
RETURN collect(id(p)) AS papers, collect([(p)<-[:AUTHORED]-(a) | id(a)]) AS bylines`;

export const READ_FIGURES_SLOTS = `
MATCH (f:GraphFigures)
RETURN f.slot AS slot, f.current AS current, f.status AS status, f.snapshotId AS snapshotId`;

/** Claims a slot for a new computation; it stops being current (it is about to be overwritten). */
export const BEGIN_FIGURES = `
MERGE (f:GraphFigures {slot: $slot})
SET f.current = false, f.status = 'writing', f.snapshotId = $snapshotId, f.startedAt = $startedAt`;

/**
 * The range indexes on one slot's figures (declared in schema/neo4j/002-indexes.cypher). They are dropped while that
 * slot is written and built again before it becomes current: nobody reads a slot that is not current, and on the 158k
 * graph writing the slot took 3.0 s plus 0.7–0.8 s to build its two indexes from the values written, against
 * 9.2–10.0 s keeping them up to date through the writes (bench/figures.bench.ts, the two builds in turn).
 */
export const SLOT_INDEXES: Record<"A" | "B", readonly string[]> = {
  A: ["author_page_rank_a", "author_betweenness_a"],
  B: ["author_page_rank_b", "author_betweenness_b"],
};

export const dropIndex = (name: string) => `DROP INDEX ${name} IF EXISTS`;

export const AWAIT_INDEX = "CALL db.awaitIndex($name, $timeoutSeconds)";

/** How far the named indexes' population is: the least populated one's percentage. */
export const INDEX_POPULATION = `
SHOW INDEXES YIELD name, populationPercent WHERE name IN $names
RETURN min(populationPercent) AS percent`;

/** Per-author figures into one slot's properties: the other slot, and the figures read from it, stay untouched. */
export const WRITE_AUTHOR_FIGURES: Record<"A" | "B", string> = {
  A: `
UNWIND $rows AS row
MATCH (a:Author) WHERE id(a) = row[0]
SET a.pageRankA = row[1], a.betweennessA = row[2], a.componentA = toInteger(row[3])`,
  B: `
UNWIND $rows AS row
MATCH (a:Author) WHERE id(a) = row[0]
SET a.pageRankB = row[1], a.betweennessB = row[2], a.componentB = toInteger(row[3])`,
};

/**
 * Makes the written slot current in one transaction, if the graph is still the snapshot it was computed on (else
 * nothing changes and no row comes back).
 */
export const COMMIT_FIGURES = `
MATCH (g:GraphVersion {key: $versionKey})
WITH g WHERE g.epoch + '-' + toString(g.counter) = $snapshotId
MATCH (f:GraphFigures {slot: $slot, status: 'writing'})
SET f += $summary, f.status = 'complete', f.current = true
WITH f
OPTIONAL MATCH (other:GraphFigures) WHERE other.slot <> $slot
SET other.current = false
RETURN f.slot AS slot`;

/** A graph that no import has versioned (snapshot "0-0") has no GraphVersion node to check against. */
export const COMMIT_FIGURES_UNVERSIONED = `
OPTIONAL MATCH (g:GraphVersion {key: $versionKey})
WITH g WHERE g IS NULL
MATCH (f:GraphFigures {slot: $slot, status: 'writing'})
SET f += $summary, f.status = 'complete', f.current = true
WITH f
OPTIONAL MATCH (other:GraphFigures) WHERE other.slot <> $slot
SET other.current = false
RETURN f.slot AS slot`;
