import { textKey } from "../kernel/keyset.cypher";
import { AUTHOR_MAP, PAPER_IN_WINDOW, PAPER_MAP, VENUE_MAP } from "../kernel/projections.cypher";

/*
 * Author reads. Nested lists take many owners at once (`UNWIND $ownerIds`) so that a DataLoader
 * batch is one round trip. Keyset conditions compare the row's sort key with the cursor's
 * ($after* parameters are null on the first page). Fragments are fixed text; values are parameters.
 */

export const AUTHORS_BY_IDS = `
UNWIND $ids AS id
MATCH (a:Author {id: id})
RETURN id, ${AUTHOR_MAP} AS author`;

/** Full-text "authorNames" (name + aliases), best match first; ties broken by id for a total order. */
export const AUTHOR_SEARCH_PAGE = `
CALL db.index.fulltext.queryNodes("authorNames", $query) YIELD node AS a, score
WHERE a:Author
WITH a, score, ${textKey("a.id")} AS sortId
WHERE $afterScore IS NULL OR score < $afterScore OR (score = $afterScore AND sortId > $afterId)
WITH a, score, sortId
ORDER BY score DESC, sortId ASC
LIMIT $limit
RETURN ${AUTHOR_MAP} AS author, score`;

export const AUTHOR_SEARCH_COUNT = `
CALL db.index.fulltext.queryNodes("authorNames", $query) YIELD node
WHERE node:Author
RETURN count(node) AS total`;

/** Newest first; papers without a year last (sort year -1). */
export const AUTHOR_PAPERS_PAGE = `
UNWIND $ownerIds AS ownerId
MATCH (owner:Author {id: ownerId})
CALL (owner) {
  MATCH (owner)-[:AUTHORED]->(p:Paper)
  WHERE ${PAPER_IN_WINDOW}
  WITH DISTINCT p, coalesce(p.year, -1) AS sortYear
  WITH p, sortYear, ${textKey("p.id")} AS sortId
  WHERE $afterYear IS NULL OR sortYear < $afterYear OR (sortYear = $afterYear AND sortId > $afterId)
  WITH p, sortYear, sortId
  ORDER BY sortYear DESC, sortId ASC
  LIMIT $limit
  RETURN collect({paper: ${PAPER_MAP}, sortYear: sortYear}) AS rows
}
RETURN ownerId, rows`;

export const AUTHOR_PAPERS_COUNT = `
UNWIND $ownerIds AS ownerId
MATCH (owner:Author {id: ownerId})
CALL (owner) {
  MATCH (owner)-[:AUTHORED]->(p:Paper)
  WHERE ${PAPER_IN_WINDOW}
  RETURN count(DISTINCT p) AS total
}
RETURN ownerId, total`;

/** Keyset on [jointPapers desc, sortName, sortId]; sortName falls back to the id so no row has a null key. */
const COAUTHOR_SORT_KEYS = `${textKey("coalesce(a.name, a.id)")} AS sortName, ${textKey("a.id")} AS sortId`;

const COAUTHOR_KEYSET = `($afterJoint IS NULL OR jointPapers < $afterJoint
    OR (jointPapers = $afterJoint AND (sortName > $afterName OR (sortName = $afterName AND sortId > $afterId))))`;

/**
 * All-time coauthors from the materialised COAUTHORED_WITH (one relationship per pair, read
 * undirected). The total comes in the same round trip: with the default minJointPapers (1) every
 * stored pair qualifies (pairs exist only for joint papers, never to oneself), so it is the
 * node's degree, which Neo4j answers from its degree store without walking relationships.
 *
 * The ties are ranked by joint papers alone first (a relationship property, no node read), and on
 * a first page only those at least as strong as the page's last one (the limit-th strongest) go on
 * to read the coauthor's name, id and the tie's years for the full sort: at dblp size the top
 * authors have 1,900-4,700 coauthors, and reading every one's name and id to keep 20 was most of
 * the page's cost (56% fewer db hits, half the time, bench/SCALE.md). Later pages start after
 * their cursor, where that bound would not hold, and read every tie as before.
 */
const COAUTHORS_PAGE_OF_OWNER = `
UNWIND $ownerIds AS ownerId
MATCH (owner:Author {id: ownerId})
CALL (owner) {
  MATCH (owner)-[r:COAUTHORED_WITH]-(a:Author)
  WHERE a <> owner AND r.papers >= $minJointPapers
  WITH r, a, r.papers AS jointPapers
  ORDER BY jointPapers DESC
  WITH collect({r: r, a: a, jointPapers: jointPapers}) AS ties
  WITH ties, CASE WHEN $afterJoint IS NULL THEN ties[$limit - 1].jointPapers END AS weakest
  UNWIND ties AS tie
  WITH tie WHERE weakest IS NULL OR tie.jointPapers >= weakest
  WITH tie.a AS a, tie.r AS r, tie.jointPapers AS jointPapers
  WITH a, jointPapers, r.firstYear AS firstYear, r.lastYear AS lastYear, ${COAUTHOR_SORT_KEYS}
  WHERE ${COAUTHOR_KEYSET}
  WITH a, jointPapers, firstYear, lastYear, sortName, sortId
  ORDER BY jointPapers DESC, sortName ASC, sortId ASC
  LIMIT $limit
  RETURN collect({author: ${AUTHOR_MAP}, jointPapers: jointPapers, firstYear: firstYear, lastYear: lastYear, sortName: sortName}) AS rows
}`;

const COAUTHORS_TOTAL = `CASE WHEN $minJointPapers <= 1 THEN COUNT { (owner)-[:COAUTHORED_WITH]-() }
    ELSE COUNT { (owner)-[r:COAUTHORED_WITH]-(a:Author) WHERE a <> owner AND r.papers >= $minJointPapers } END`;

export const COAUTHORS_PAGE = `${COAUTHORS_PAGE_OF_OWNER}
RETURN ownerId, rows, ${COAUTHORS_TOTAL} AS total`;

/**
 * The authors themselves with their all-time coauthor page: `author(id) { coauthors }` in one
 * round trip instead of the author, then the page (see AuthorService.byId).
 */
export const AUTHORS_WITH_COAUTHORS_PAGE = `${COAUTHORS_PAGE_OF_OWNER}
RETURN ownerId, [a IN [owner] | ${AUTHOR_MAP}][0] AS author, rows, ${COAUTHORS_TOTAL} AS total`;

/** Coauthors inside a year window: joint papers are recounted from AUTHORED, distinct papers only. */
export const COAUTHORS_IN_WINDOW_PAGE = `
UNWIND $ownerIds AS ownerId
MATCH (owner:Author {id: ownerId})
CALL (owner) {
  MATCH (owner)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(a:Author)
  WHERE a <> owner AND ${PAPER_IN_WINDOW}
  WITH a, count(DISTINCT p) AS jointPapers, min(p.year) AS firstYear, max(p.year) AS lastYear
  WITH a, jointPapers, firstYear, lastYear, ${COAUTHOR_SORT_KEYS}
  WHERE jointPapers >= $minJointPapers AND ${COAUTHOR_KEYSET}
  WITH a, jointPapers, firstYear, lastYear, sortName, sortId
  ORDER BY jointPapers DESC, sortName ASC, sortId ASC
  LIMIT $limit
  RETURN collect({author: ${AUTHOR_MAP}, jointPapers: jointPapers, firstYear: firstYear, lastYear: lastYear, sortName: sortName}) AS rows
}
RETURN ownerId, rows`;

export const COAUTHORS_IN_WINDOW_COUNT = `
UNWIND $ownerIds AS ownerId
MATCH (owner:Author {id: ownerId})
CALL (owner) {
  MATCH (owner)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(a:Author)
  WHERE a <> owner AND ${PAPER_IN_WINDOW}
  WITH a, count(DISTINCT p) AS jointPapers
  WHERE jointPapers >= $minJointPapers
  RETURN count(a) AS total
}
RETURN ownerId, total`;

/** Venues of an author's papers, most papers first. */
export const AUTHOR_VENUES = `
UNWIND $ownerIds AS ownerId
MATCH (owner:Author {id: ownerId})
CALL (owner) {
  MATCH (owner)-[:AUTHORED]->(p:Paper)-[:PUBLISHED_IN]->(v:Venue)
  WHERE ${PAPER_IN_WINDOW}
  WITH v, count(DISTINCT p) AS paperCount, min(p.year) AS firstYear, max(p.year) AS lastYear
  ORDER BY paperCount DESC, v.name ASC, v.id ASC
  LIMIT $limit
  RETURN collect({venue: ${VENUE_MAP}, paperCount: paperCount, firstYear: firstYear, lastYear: lastYear}) AS rows
}
RETURN ownerId, rows`;

/**
 * Bylines in AUTHORED.position order. An author linked twice to one paper (a source listing a
 * name twice) appears once, at their first position; ties and missing positions fall back to id.
 */
export const PAPER_AUTHORS = `
UNWIND $ids AS id
MATCH (:Paper {id: id})<-[r:AUTHORED]-(a:Author)
WITH id, a, min(r.position) AS position
ORDER BY id, position ASC, a.id ASC
RETURN id, collect(${AUTHOR_MAP}) AS authors`;
