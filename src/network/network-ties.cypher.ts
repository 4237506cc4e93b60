import { AUTHOR_MAP } from "../kernel/projections.cypher";
import { KEPT_ENTRIES, KEPT_FIRST_YEAR, KEPT_LAST_YEAR, KEPT_WEIGHT } from "../kernel/ties.cypher";

/*
 * coauthorNetwork under a tie strength scheme or a byline cap: the same breadth-first search as network.cypher.ts,
 * one layer per statement, but every tie is read from COAUTHORED_WITH's joint-paper entries, so a paper above the
 * cap neither makes a tie nor pulls its authors into the network. A layer's authors rank by their strongest tie to
 * the frontier under the scheme (association strength: by joint papers, as it is normalised afterwards).
 */

export const WEIGHTED_LAYER = `
UNWIND $frontier AS frontierId
MATCH (:Author {id: frontierId})-[r:COAUTHORED_WITH]-(a:Author)
WHERE NOT a.id IN $visited
WITH a, r, ${KEPT_ENTRIES} AS kept
WHERE size(kept) >= $minJointPapers
WITH a, max(${KEPT_WEIGHT}) AS tie
ORDER BY tie DESC, a.name ASC, a.id ASC
LIMIT $limit
RETURN ${AUTHOR_MAP} AS author, tie`;

/** Each qualifying pair once, in its stored direction (sortTies orients and orders them). */
export const WEIGHTED_EDGES = `
UNWIND $ids AS id
MATCH (x:Author {id: id})-[r:COAUTHORED_WITH]->(y:Author)
WHERE y.id IN $ids
WITH x, y, r, ${KEPT_ENTRIES} AS kept
WHERE size(kept) >= $minJointPapers
RETURN x.id AS source, y.id AS target, size(kept) AS jointPapers, ${KEPT_WEIGHT} AS weight,
       ${KEPT_FIRST_YEAR} AS firstYear, ${KEPT_LAST_YEAR} AS lastYear`;
