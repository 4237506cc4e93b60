import { AUTHOR_MAP } from "../kernel/projections.cypher";

/*
 * coauthorNetwork at depth 1 or 2 without a year window (the common case) in ONE statement: the
 * centre, both layers, the cut and every edge among the kept authors. It gives exactly what the
 * layer-by-layer search of network.cypher.ts gives (same order, same cut):
 *
 * - a layer is every author tied to the previous layer by a qualifying tie and not yet kept,
 *   strongest tie first, then name, then id; a layer cut by maxNodes ends the search;
 * - layer 2 is searched only when layer 1 was not cut, so layer 1 then holds every qualifying
 *   coauthor of the centre and "not kept yet" is "not in layer 1": a membership test on that list
 *   (Neo4j keeps it as a set), not an expand-into check of a tie to the centre per layer-2 row,
 *   which was 98% of the db hits for an author with 451 coauthors at dblp size (36M db hits,
 *   2.4-5.1 s; the list test: 0.54M, 0.37-0.49 s, bench/SCALE.md);
 * - LIMIT cannot depend on a variable, so layer 2 is read up to $maxNodes and sliced.
 *
 * Edges come grouped by source (each pair once, in its stored direction; sortTies orients and
 * orders them), the authors named by their internal node id (id(), valid inside this one
 * transaction) and mapped back to author ids through keptIds, which lists the kept authors'
 * internal ids in centre, layer1, layer2 order.
 * On a dense network (tens of thousands of edges among a few hundred authors) reading and sending
 * an id string per edge end was most of the statement's time and most of the driver's decoding:
 * integers halve the whole read (61k edges: 159 -> 79 ms). Without years each group is
 * [source, [targets], [papers]], parallel lists (papers is never null); with years each tie is
 * one list [target, papers, firstYear, lastYear], because collect() drops nulls and parallel lists
 * of years would misalign. The years are read only when the client selected them: on a dense
 * network they are half of the values Neo4j reads and sends.
 * centre is null when the id is unknown.
 */
function nearNetwork(groups: string): string {
  return `
OPTIONAL MATCH (root:Author {id: $authorId})
CALL (root) {
  MATCH (root)-[r:COAUTHORED_WITH]-(a:Author)
  WHERE r.papers >= $minJointPapers
  WITH a, max(r.papers) AS tie
  ORDER BY tie DESC, a.name ASC, a.id ASC
  LIMIT $maxNodes
  RETURN collect({node: a, tie: tie}) AS layer1
}
WITH root, layer1[..$maxNodes - 1] AS l1, size(layer1) > $maxNodes - 1 AS cut1
CALL (root, l1, cut1) {
  WITH root, l1, cut1, [x IN l1 | x.node] AS known
  UNWIND CASE WHEN $depth >= 2 AND NOT cut1 THEN l1 ELSE [] END AS f
  WITH root, known, f.node AS near
  MATCH (near)-[r:COAUTHORED_WITH]-(a:Author)
  WHERE r.papers >= $minJointPapers AND a <> root AND NOT a IN known
  WITH a, max(r.papers) AS tie
  ORDER BY tie DESC, a.name ASC, a.id ASC
  LIMIT $maxNodes
  RETURN collect({node: a, tie: tie}) AS layer2
}
WITH root, l1, layer2[..$maxNodes - 1 - size(l1)] AS l2, cut1 OR size(layer2) > $maxNodes - 1 - size(l1) AS truncated
WITH root, [x IN l1 | x.node] AS n1, [x IN l2 | x.node] AS n2, truncated
CALL (root, n1, n2) {
  WITH [root] + n1 + n2 AS kept
  UNWIND kept AS x
  MATCH (x)-[r:COAUTHORED_WITH]->(y:Author)
  WHERE r.papers >= $minJointPapers AND y IN kept
  ${groups}
}
RETURN
  CASE WHEN root IS NULL THEN null ELSE [a IN [root] | ${AUTHOR_MAP}][0] END AS centre,
  [a IN n1 | ${AUTHOR_MAP}] AS layer1,
  [a IN n2 | ${AUTHOR_MAP}] AS layer2,
  truncated,
  CASE WHEN root IS NULL THEN [] ELSE [id(root)] + [a IN n1 | id(a)] + [a IN n2 | id(a)] END AS keptIds,
  edgeGroups`;
}

export const NETWORK_NEAR = nearNetwork(`WITH x, collect([id(y), r.papers, r.firstYear, r.lastYear]) AS ties
  RETURN collect([id(x), ties]) AS edgeGroups`);
export const NETWORK_NEAR_NO_YEARS = nearNetwork(`WITH x, collect(id(y)) AS targets, collect(r.papers) AS papers
  RETURN collect([id(x), targets, papers]) AS edgeGroups`);
