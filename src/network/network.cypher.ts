import { AUTHOR_MAP, PAPER_IN_WINDOW, VENUE_MAP } from "../kernel/projections.cypher";

/*
 * coauthorNetwork with a year window or at depth 3 is a breadth-first search run one layer per
 * statement (at most three layer reads plus one edge read, whatever the graph's size); depth 1..2
 * without a window is one statement (network-near.cypher.ts). A layer is every author tied to the
 * frontier by a qualifying tie and not yet visited, strongest tie first, cut at $limit. Its names
 * and ids are read from the store, so ORDER BY compares them by code point, the API's string order
 * (compareLikeCypher in edge-order.ts).
 */

export const NETWORK_LAYER = `
UNWIND $frontier AS frontierId
MATCH (:Author {id: frontierId})-[r:COAUTHORED_WITH]-(a:Author)
WHERE r.papers >= $minJointPapers AND NOT a.id IN $visited
WITH a, max(r.papers) AS tie
ORDER BY tie DESC, a.name ASC, a.id ASC
LIMIT $limit
RETURN ${AUTHOR_MAP} AS author, tie`;

/** Inside a year window a tie is the number of distinct joint papers in the window. */
export const NETWORK_LAYER_IN_WINDOW = `
UNWIND $frontier AS frontierId
MATCH (f:Author {id: frontierId})-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(a:Author)
WHERE a <> f AND NOT a.id IN $visited AND ${PAPER_IN_WINDOW}
WITH f, a, count(DISTINCT p) AS joint
WHERE joint >= $minJointPapers
WITH a, max(joint) AS tie
ORDER BY tie DESC, a.name ASC, a.id ASC
LIMIT $limit
RETURN ${AUTHOR_MAP} AS author, tie`;

/*
 * Every qualifying tie among the chosen authors, each pair once, unordered: sortTies (edge-order.ts)
 * orients and orders them: x.id may come from the index seek's parameter, which compares by UTF-16
 * unit, while y.id compares as stored (by code point), so neither ORDER BY nor x.id < y.id follows
 * one order. Inside a window each pair is counted once by internal node id instead.
 */
export const NETWORK_EDGES = `
UNWIND $ids AS id
MATCH (x:Author {id: id})-[r:COAUTHORED_WITH]->(y:Author)
WHERE y.id IN $ids AND r.papers >= $minJointPapers
RETURN x.id AS source, y.id AS target, r.papers AS jointPapers, r.firstYear AS firstYear, r.lastYear AS lastYear`;

export const NETWORK_EDGES_IN_WINDOW = `
UNWIND $ids AS id
MATCH (x:Author {id: id})-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(y:Author)
WHERE id(x) < id(y) AND y.id IN $ids AND ${PAPER_IN_WINDOW}
WITH x, y, count(DISTINCT p) AS jointPapers, min(p.year) AS firstYear, max(p.year) AS lastYear
WHERE jointPapers >= $minJointPapers
RETURN x.id AS source, y.id AS target, jointPapers, firstYear, lastYear`;

/**
 * Venues where every given author published (inside the window). perAuthor holds {i, n}: the
 * i-th input author's distinct papers there. jointPaperCount counts the venue's papers that all
 * of them authored, found from the first author's papers (the smallest useful starting set).
 * `missing` lists the unknown ids (input order) in the same round trip; venues is then empty.
 */
export const SHARED_VENUES = `
CALL () {
  UNWIND $authorIds AS id
  OPTIONAL MATCH (known:Author {id: id})
  WITH id, known WHERE known IS NULL
  RETURN collect(id) AS missing
}
CALL (missing) {
  WITH missing WHERE size(missing) = 0
  UNWIND range(0, size($authorIds) - 1) AS i
  MATCH (:Author {id: $authorIds[i]})-[:AUTHORED]->(p:Paper)-[:PUBLISHED_IN]->(v:Venue)
  WHERE ${PAPER_IN_WINDOW}
  WITH v, i, count(DISTINCT p) AS n
  WITH v, collect({i: i, n: n}) AS perAuthor
  WHERE size(perAuthor) = size($authorIds)
  CALL (v) {
    MATCH (:Author {id: $authorIds[0]})-[:AUTHORED]->(p:Paper)-[:PUBLISHED_IN]->(v)
    WHERE ${PAPER_IN_WINDOW}
      AND all(otherId IN $authorIds[1..] WHERE EXISTS { (:Author {id: otherId})-[:AUTHORED]->(p) })
    RETURN count(DISTINCT p) AS jointPaperCount
  }
  WITH v, perAuthor, jointPaperCount, reduce(total = 0, x IN perAuthor | total + x.n) AS totalPapers
  ORDER BY jointPaperCount DESC, totalPapers DESC, v.name ASC, v.id ASC
  RETURN collect({venue: ${VENUE_MAP}, perAuthor: perAuthor, jointPaperCount: jointPaperCount}) AS venues
}
RETURN missing, venues`;
