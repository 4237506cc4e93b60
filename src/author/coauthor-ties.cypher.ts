import { textKey } from "../kernel/keyset.cypher";
import { AUTHOR_MAP } from "../kernel/projections.cypher";
import { KEPT_ENTRIES, KEPT_FIRST_YEAR, KEPT_LAST_YEAR, KEPT_WEIGHT } from "../kernel/ties.cypher";

/*
 * coauthors under a tie strength scheme or a byline cap: every tie read from COAUTHORED_WITH's joint-paper entries
 * (no walk over AUTHORED, window included), ordered by strength (desc), then name, then id. For association strength
 * the order key is c_ij / w_j (w_j the coauthor's tie total under the rule): the owner's total and the graph's are
 * the same for every row, so the service scales it to 2m·c_ij/(w_i·w_j) afterwards.
 */

const OWNER_TIES = `MATCH (owner)-[r:COAUTHORED_WITH]-(a:Author)
  WHERE a <> owner
  WITH a, r, ${KEPT_ENTRIES} AS kept
  WHERE size(kept) >= $minJointPapers`;

/** The coauthor's w_j, read only for association strength: Σ over its papers inside the rule of (n − 1). */
const COAUTHOR_TOTAL = `CASE WHEN $strength = 'ASSOCIATION_STRENGTH' THEN
    reduce(t = 0, n IN [(a)-[:AUTHORED]->(p:Paper)
        WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)
        | COUNT { (p)<-[:AUTHORED]-() }]
      | t + CASE WHEN n >= 2 AND ($maxAuthors IS NULL OR n <= $maxAuthors) THEN n - 1 ELSE 0 END)
  ELSE 1 END`;

const STRENGTH_KEYSET = `($afterKey IS NULL OR sortKey < $afterKey
    OR (sortKey = $afterKey AND (sortName > $afterName OR (sortName = $afterName AND sortId > $afterId))))`;

export const WEIGHTED_COAUTHORS_PAGE = `
UNWIND $ownerIds AS ownerId
MATCH (owner:Author {id: ownerId})
CALL (owner) {
  ${OWNER_TIES}
  RETURN count(a) AS total
}
CALL (owner) {
  ${OWNER_TIES}
  WITH a, size(kept) AS jointPapers, ${KEPT_WEIGHT} AS weight, ${KEPT_FIRST_YEAR} AS firstYear, ${KEPT_LAST_YEAR} AS lastYear,
       ${textKey("coalesce(a.name, a.id)")} AS sortName, ${textKey("a.id")} AS sortId
  WITH a, jointPapers, firstYear, lastYear, sortName, sortId, ${COAUTHOR_TOTAL} AS coauthorTotal, weight
  WITH a, jointPapers, firstYear, lastYear, sortName, sortId,
       CASE WHEN coauthorTotal > 0 THEN weight / coauthorTotal ELSE 0.0 END AS sortKey
  WHERE ${STRENGTH_KEYSET}
  ORDER BY sortKey DESC, sortName ASC, sortId ASC
  LIMIT $limit
  RETURN collect({author: ${AUTHOR_MAP}, jointPapers: jointPapers, firstYear: firstYear, lastYear: lastYear, sortName: sortName,
                  sortKey: sortKey}) AS rows
}
RETURN ownerId, rows, total`;
