/**
 * Every statement the importer runs. All values arrive as parameters; bulk writes are `UNWIND $rows`. A statement
 * that may change property values without creating or deleting anything returns `changed` (rows whose values really
 * changed), which decides whether its transaction bumps the graph version (src/db/graph-version.ts).
 * Work queues are labels on Author nodes, so a huge import never holds its dirty set in memory:
 *   :NameTouched  a name whose mentions may need re-attaching (author-resolution.ts)
 *   :PairsDirty   an author whose COAUTHORED_WITH edges and paper stats the pair pass recomputes from the AUTHORED
 *                 edges (coauthor-pairs.ts): on a first import, every author with new authorships (one sweep then
 *                 creates all pairs); later, authors whose name mentions moved. Later batches add their own new
 *                 joint papers in place (ADD_JOINT_PAPERS), so an unchanged author is never recomputed.
 *   :PairsStale   ...and who may have lost joint papers, so stale edges must be looked for
 *   :PairsDone    recomputed in this pass (kept until the pass ends so each pair is computed once)
 */

export const FIND_PAPERS_BY_IDENTITY = `
CALL () {
  UNWIND $dois AS doi
  MATCH (p:Paper {id: doi})
  RETURN p
  UNION
  UNWIND $titleKeys AS titleKey
  MATCH (p:Paper {titleKey: titleKey})
  RETURN p
}
RETURN p.id AS id, p.titleKey AS titleKey, p.doi AS doi, p.year AS year, [(p)<-[:AUTHORED]-(a:Author) | a.id] AS authorIds,
       [(p)<-[e:AUTHORED]-(a:Author) WHERE e.named | {authorId: a.id, nameKey: a.nameKey, position: e.position}] AS namedMentions`;

export const RENAME_PAPERS = `
UNWIND $renames AS rename
MATCH (p:Paper {id: rename.from})
SET p.id = rename.to, p.doi = rename.doi
RETURN count(p) AS changed`;

export const MERGE_VENUES = `
UNWIND $venues AS row
MERGE (v:Venue {id: row.id})
ON CREATE SET v.name = row.name, v.kind = row.kind
WITH v, row, v.acronym IS NULL AND row.acronym IS NOT NULL AS changed
SET v.acronym = coalesce(v.acronym, row.acronym)
RETURN count(CASE WHEN changed THEN 1 END) AS changed`;

/** The venue rule's order: a venue named by a series acronym first, then the smaller id (ids are ASCII). */
const VENUE_RANK = (v: string) => `(CASE WHEN ${v}.acronym IS NULL THEN '1' ELSE '0' END + ${v}.id)`;

/** The best of a row's venue claims (row.venueIds, all merged by MERGE_VENUES before), as `v`. */
const BEST_CLAIMED_VENUE = `CALL (row) {
  UNWIND row.venueIds AS venueId
  MATCH (v:Venue {id: venueId})
  RETURN v ORDER BY ${VENUE_RANK("v")} LIMIT 1
}`;

/**
 * Descriptive fields: the first non-empty value wins; sourceKeys collect every source that saw the paper.
 * A paper has one venue. When sources disagree, the venue named by a series acronym wins over one known only by
 * its full name, then the smaller id: a rule over the set of claims (this batch's, row.venueIds, and the venue the
 * paper has), so neither the import order nor the batching matters.
 */
export const MERGE_PAPERS = `
UNWIND $papers AS row
MERGE (p:Paper {id: row.id})
ON CREATE SET p.title = row.title, p.titleKey = row.titleKey, p.year = row.year, p.sourceKeys = []
WITH p, row,
     (p.doi IS NULL AND row.doi IS NOT NULL) OR (p.url IS NULL AND row.url IS NOT NULL) OR
     (p.abstract IS NULL AND row.abstract IS NOT NULL) OR (p.pages IS NULL AND row.pages IS NOT NULL) OR
     any(k IN row.sourceKeys WHERE NOT k IN p.sourceKeys) AS changed
SET p.doi = coalesce(p.doi, row.doi),
    p.url = coalesce(p.url, row.url),
    p.abstract = coalesce(p.abstract, row.abstract),
    p.pages = coalesce(p.pages, row.pages),
    p.sourceKeys = p.sourceKeys + [k IN row.sourceKeys WHERE NOT k IN p.sourceKeys]
WITH p, row, changed
CALL (p, row) {
  WITH p, row
  WHERE size(row.venueIds) > 0
  ${BEST_CLAIMED_VENUE}
  OPTIONAL MATCH (p)-[old:PUBLISHED_IN]->(current:Venue)
  WITH p, v, old, current
  WHERE current IS NULL OR ${VENUE_RANK("v")} < ${VENUE_RANK("current")}
  DELETE old
  MERGE (p)-[:PUBLISHED_IN]->(v)
  SET p.venueId = v.id
}
CALL (p) {
  // A paper written before venueId existed gets it when its source is imported again (not a change of the graph).
  WITH p
  WHERE p.venueId IS NULL
  MATCH (p)-[:PUBLISHED_IN]->(v)
  SET p.venueId = v.id
}
RETURN count(CASE WHEN changed THEN 1 END) AS changed`;

/**
 * Papers that paper-resolution.ts proved absent from the graph (their id matched nothing by DOI or titleKey in the
 * read before this write): plain CREATE, the venue rule among the batch's claims only, no Eager. A concurrent import
 * creating the same paper between that read and this write makes the batch fail on the unique constraint; it is
 * never merged wrongly.
 */
export const CREATE_NEW_PAPERS = `
UNWIND $papers AS row
CREATE (p:Paper {id: row.id, title: row.title, titleKey: row.titleKey, sourceKeys: row.sourceKeys})
SET p.year = row.year, p.doi = row.doi, p.url = row.url, p.abstract = row.abstract, p.pages = row.pages
WITH p, row
WHERE size(row.venueIds) > 0
${BEST_CLAIMED_VENUE}
CREATE (p)-[:PUBLISHED_IN]->(v)
SET p.venueId = v.id`;

/** The spellings seen so far of the batch's authors, which author-spellings.ts merges with the batch's own. */
export const AUTHOR_SPELLINGS = `
UNWIND $ids AS id
MATCH (a:Author {id: id})
RETURN a.id AS id, a.name AS name, a.aliases AS aliases`;

/**
 * The name and aliases come decided (author-spellings.ts: the greatest spelling by code point is the name), from
 * what AUTHOR_SPELLINGS read before this transaction; one importer writes at a time, as for paper resolution.
 */
export const MERGE_AUTHORS = `
UNWIND $authors AS row
MERGE (a:Author {id: row.id})
ON CREATE SET a.nameKey = row.nameKey, a.keyed = row.keyed, a.numbered = row.numbered
WITH a, row, coalesce(a.name <> row.name OR a.aliases <> row.aliases OR (a.orcid IS NULL AND row.orcid IS NOT NULL), false) AS changed
SET a.name = row.name, a.aliases = row.aliases, a.orcid = coalesce(a.orcid, row.orcid), a:NameTouched
RETURN count(CASE WHEN changed THEN 1 END) AS changed`;

export const MERGE_AUTHORSHIPS = `
UNWIND $authorships AS row
MATCH (a:Author {id: row.authorId})
MATCH (p:Paper {id: row.paperId})
MERGE (a)-[r:AUTHORED]->(p)
ON CREATE SET r.position = row.position, r.keyed = false, r.named = false
WITH r, row, (row.keyed AND NOT r.keyed) OR (row.named AND NOT r.named) AS changed
SET r.keyed = r.keyed OR row.keyed, r.named = r.named OR row.named
RETURN count(CASE WHEN changed THEN 1 END) AS changed`;

/** Authorships of papers created in this same transaction by CREATE_NEW_PAPERS: none can exist yet. */
export const CREATE_NEW_AUTHORSHIPS = `
UNWIND $authorships AS row
MATCH (a:Author {id: row.authorId})
MATCH (p:Paper {id: row.paperId})
CREATE (a)-[:AUTHORED {position: row.position, keyed: row.keyed, named: row.named}]->(p)`;

/**
 * What a batch's new authorships do to coauthor pairs, in the batch's own transaction (pair-increments.ts decides
 * which). On a graph that has no pair yet (a first import), the authors are queued for the pair pass, which creates
 * every pair in one sweep. Otherwise each affected pair gains the batch's new joint papers in place, so the work
 * follows the size of the import, not the coauthor count of the people it touches.
 */
export const QUEUE_AUTHORS_FOR_PAIRS = `
UNWIND $authorIds AS id
MATCH (a:Author {id: id})
SET a:PairsDirty`;

/**
 * Each row is a pair's new joint papers in this batch: none of them was counted before (an authorship is new). Their
 * years and byline sizes join the pair's parallel lists paperYears/paperSizes (one entry per joint paper, in no
 * particular order; a paper without a year is 0), which tie strength schemes and maxAuthorsPerPaper read.
 */
export const ADD_JOINT_PAPERS = `
UNWIND $pairs AS row
MATCH (low:Author {id: row.low})
MATCH (high:Author {id: row.high})
MERGE (low)-[r:COAUTHORED_WITH]->(high)
ON CREATE SET r.papers = 0, r.paperYears = [], r.paperSizes = [], r.pair = low.id + '|' + high.id
SET r.papers = r.papers + row.papers,
    r.paperYears = r.paperYears + row.years,
    r.paperSizes = r.paperSizes + row.sizes,
    r.firstYear = CASE WHEN r.firstYear IS NULL OR row.firstYear < r.firstYear THEN row.firstYear ELSE r.firstYear END,
    r.lastYear = CASE WHEN r.lastYear IS NULL OR row.lastYear > r.lastYear THEN row.lastYear ELSE r.lastYear END`;

/**
 * A paper that gains authors changes the byline size of every pair already on it: each change replaces one entry
 * equal to (year, from) by `to` (entries are a multiset, so which equal entry is replaced does not matter). Runs before
 * ADD_JOINT_PAPERS in the same transaction.
 */
export const RESIZE_JOINT_PAPERS = `
UNWIND $pairs AS row
MATCH (:Author {id: row.low})-[r:COAUTHORED_WITH]->(:Author {id: row.high})
WHERE r.paperSizes IS NOT NULL
SET r.paperSizes = reduce(sizes = r.paperSizes, c IN row.changes |
  coalesce(
    head([i IN range(0, size(sizes) - 1) WHERE r.paperYears[i] = c.year AND sizes[i] = c.from | sizes[..i] + [c.to] + sizes[i + 1..]]),
    sizes))`;

export const TAKE_TOUCHED_NAME_KEYS = `
MATCH (a:Author:NameTouched)
WITH a LIMIT $limit
REMOVE a:NameTouched
RETURN collect(DISTINCT a.nameKey) AS keys`;

/** Every author of each nameKey (settled-mentions.ts checks where the name pass would put a key's mentions). */
export const NAME_KEY_MEMBERS = `
UNWIND $keys AS key
MATCH (x:Author {nameKey: key})
RETURN key, collect({id: x.id, keyed: x.keyed, numbered: x.numbered}) AS members`;

export const NAME_KEY_GROUPS = `
UNWIND $keys AS key
MATCH (x:Author {nameKey: key})
WITH key, collect({id: x.id, keyed: x.keyed, numbered: x.numbered}) AS members
WHERE size(members) > 1
RETURN key, members`;

/**
 * Re-points every name-only mention of a nameKey at its resolved target. A mention that coincides with a keyed
 * authorship of the same person and paper folds into it (named = true on that edge), so that it can be split out
 * again if the name later becomes ambiguous.
 */
export const MOVE_NAMED_MENTIONS = `
UNWIND $moves AS move
MATCH (x:Author {nameKey: move.key})-[e:AUTHORED]->(p:Paper)
WHERE e.named AND x.id <> move.target
MERGE (t:Author {id: move.target})
ON CREATE SET t.name = x.name, t.nameKey = move.key, t.aliases = [], t.keyed = false, t.numbered = false
MERGE (t)-[moved:AUTHORED]->(p)
ON CREATE SET moved.position = e.position, moved.keyed = false
SET moved.named = true, t:PairsDirty:PairsStale, x:PairsDirty:PairsStale
FOREACH (_ IN CASE WHEN e.keyed THEN [1] ELSE [] END | SET e.named = false)
FOREACH (_ IN CASE WHEN e.keyed THEN [] ELSE [1] END | DELETE e)
WITH DISTINCT p
MATCH (p)<-[:AUTHORED]-(y:Author)
SET y:PairsDirty:PairsStale
RETURN count(DISTINCT p) AS changed`;

export const DELETE_ORPHAN_NAME_AUTHORS = `
UNWIND $keys AS key
MATCH (x:Author {nameKey: key})
WHERE NOT x.keyed AND NOT EXISTS { (x)-[:AUTHORED]->() }
DETACH DELETE x`;

/*
 * The two pair passes below share these fixed fragments, so the rule deciding which end computes a pair and the
 * author stats cannot drift apart between them. No value is ever written into the text.
 */

/** A batch of queued authors. */
const TAKE_DIRTY_AUTHORS = `MATCH (a:Author:PairsDirty)
WITH a LIMIT $limit`;

/**
 * Every coauthor b this author is responsible for (a pair whose other end is also queued is computed by the end
 * with the smaller id), with the pair's joint papers and years, oriented from the smaller id to the larger. Ids read
 * from the store compare in code point order, which pair-increments.ts and bulk-csv.ts follow (compareCodePoints).
 */
const PAIRS_OF_AUTHOR = `MATCH (a)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(b:Author)
  WHERE b <> a AND NOT ((b:PairsDirty OR b:PairsDone) AND b.id < a.id)
  WITH DISTINCT b, p
  WITH b, p, COUNT { (p)<-[:AUTHORED]-() } AS size
  WITH b, count(p) AS papers, min(p.year) AS firstYear, max(p.year) AS lastYear,
       collect(coalesce(p.year, 0)) AS paperYears, collect(size) AS paperSizes
  WITH CASE WHEN a.id < b.id THEN a ELSE b END AS low, CASE WHEN a.id < b.id THEN b ELSE a END AS high,
       papers, firstYear, lastYear, paperYears, paperSizes`;

/** The author's own paper stats, from its AUTHORED edges. */
const AUTHOR_STATS = `CALL (a) {
  OPTIONAL MATCH (a)-[:AUTHORED]->(p:Paper)
  WITH count(p) AS paperCount, min(p.year) AS firstYear, max(p.year) AS lastYear
  SET a.paperCount = paperCount, a.firstYear = firstYear, a.lastYear = lastYear
}`;

/** Stats of the authors who gained authorships in a batch whose pairs were added in place (ADD_JOINT_PAPERS). */
export const REFRESH_AUTHOR_STATS = `
UNWIND $authorIds AS id
MATCH (a:Author {id: id})
${AUTHOR_STATS}`;

/** The author's own paper stats, then the batch leaves the queue (kept as :PairsDone until the pass ends). */
const AUTHOR_STATS_AND_DEQUEUE = `${AUTHOR_STATS}
SET a:PairsDone
REMOVE a:PairsDirty:PairsStale
RETURN count(a) AS authors, sum(pairs) AS pairs`;

/** Recomputes a batch of dirty authors: stale edges first, then the pairs they are responsible for, then their stats. */
export const RECOMPUTE_DIRTY_AUTHORS = `
${TAKE_DIRTY_AUTHORS}
CALL (a) {
  WITH a WHERE a:PairsStale
  MATCH (a)-[r:COAUTHORED_WITH]-(b:Author)
  WHERE NOT EXISTS { (a)-[:AUTHORED]->(:Paper)<-[:AUTHORED]-(b) }
  DELETE r
}
CALL (a) {
  ${PAIRS_OF_AUTHOR}
  MERGE (low)-[r:COAUTHORED_WITH]->(high)
  SET r.pair = low.id + '|' + high.id, r.papers = papers, r.firstYear = firstYear, r.lastYear = lastYear, r.paperYears = paperYears, r.paperSizes = paperSizes
  RETURN count(*) AS pairs
}
${AUTHOR_STATS_AND_DEQUEUE}`;

/**
 * RECOMPUTE_DIRTY_AUTHORS for a pass that began with no COAUTHORED_WITH edge anywhere in the graph (a first import):
 * no stale edge can exist and the skip rule computes each pair exactly once, so pairs are CREATEd, not merged.
 */
export const CREATE_PAIRS_OF_DIRTY_AUTHORS = `
${TAKE_DIRTY_AUTHORS}
CALL (a) {
  ${PAIRS_OF_AUTHOR}
  CREATE (low)-[:COAUTHORED_WITH {pair: low.id + '|' + high.id, papers: papers, firstYear: firstYear, lastYear: lastYear, paperYears: paperYears, paperSizes: paperSizes}]->(high)
  RETURN count(*) AS pairs
}
${AUTHOR_STATS_AND_DEQUEUE}`;

/** Served from the count store: O(1). */
export const COUNT_COAUTHOR_PAIRS = `
MATCH ()-[r:COAUTHORED_WITH]->()
RETURN count(r) AS n`;

export const COUNT_DIRTY_AUTHORS = `
MATCH (a:Author:PairsDirty)
RETURN count(a) AS n`;

export const CLEAR_PAIRS_DONE = `
MATCH (a:Author:PairsDone)
WITH a LIMIT $limit
REMOVE a:PairsDone
RETURN count(a) AS n`;

export const CREATE_IMPORT_RUN = `
CREATE (r:ImportRun {id: $id, source: $source, format: $format, sha256: $sha256, startedAt: $startedAt, status: 'running'})`;

export const FINISH_IMPORT_RUN = `
MATCH (r:ImportRun {id: $id})
SET r.finishedAt = $finishedAt, r.status = $status, r.counts = $counts`;
