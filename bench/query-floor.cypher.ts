/*
 * The floor of the query benchmark: for each question, the best Cypher we could write by hand
 * that returns the same answer as coauthor-graph's GraphQL field, run through neo4j-driver with
 * nothing in between. The same statements are the @cypher bodies of the @neo4j/graphql schema
 * where its generated queries cannot express the question (bench/neo4j-graphql/type-defs.ts),
 * so that comparison is fair to it. Inputs: $id, $ids, $fromId, $toId, $query, $depth, $maxNodes.
 */

export const FLOOR_AUTHOR = `
MATCH (a:Author {id: $id})
RETURN a { .id, .name, .firstYear, .lastYear,
  paperCount: COUNT { (a)-[:AUTHORED]->() }, coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() } } AS author`;

/**
 * The first 20 coauthors by joint papers, then name, then id, and how many there are. Names are read only for ties at
 * least as strong as the 20th strongest, as ours does (author.cypher.ts): a prolific author's thousands of names are
 * not needed to keep 20.
 */
export const FLOOR_COAUTHORS = `
MATCH (o:Author {id: $id})
CALL (o) {
  MATCH (o)-[r:COAUTHORED_WITH]-(a:Author)
  WITH a, r.papers AS jointPapers ORDER BY jointPapers DESC
  WITH collect({a: a, jointPapers: jointPapers}) AS ties
  UNWIND [t IN ties WHERE t.jointPapers >= coalesce(ties[19].jointPapers, 0)] AS t
  WITH t.a AS a, t.jointPapers AS jointPapers ORDER BY jointPapers DESC, coalesce(a.name, a.id) ASC, a.id ASC LIMIT 20
  RETURN collect({id: a.id, name: a.name, jointPapers: jointPapers}) AS rows
}
RETURN rows, COUNT { (o)-[:COAUTHORED_WITH]-() } AS total`;

/**
 * Breadth-first network, depth 1..2, cut at $maxNodes (centre included): a layer is every new
 * author tied to the previous layer, strongest tie first (then name, id). Edges are every tie
 * among the kept authors, each pair once. Layer 2 exists only when layer 1 was not cut, so "not
 * in layer 1" is "not a coauthor of the centre".
 */
const NETWORK_LAYERS = `
MATCH (root:Author {id: $id})
CALL (root) {
  MATCH (root)-[r:COAUTHORED_WITH]-(a:Author)
  WITH a, r.papers AS tie ORDER BY tie DESC, a.name ASC, a.id ASC LIMIT $maxNodes
  RETURN collect(a) AS layer1
}
WITH root, layer1[..$maxNodes - 1] AS l1, size(layer1) > $maxNodes - 1 AS cut1
CALL (root, l1, cut1) {
  UNWIND CASE WHEN $depth >= 2 AND NOT cut1 THEN l1 ELSE [] END AS f
  MATCH (f)-[r:COAUTHORED_WITH]-(a:Author)
  WHERE a <> root AND NOT a IN l1
  WITH a, max(r.papers) AS tie ORDER BY tie DESC, a.name ASC, a.id ASC LIMIT $maxNodes
  RETURN collect(a) AS layer2
}
WITH root, l1, layer2[..$maxNodes - 1 - size(l1)] AS l2, cut1 OR size(layer2) > $maxNodes - 1 - size(l1) AS truncated
WITH root, l1, l2, truncated, [root] + l1 + l2 AS kept`;

const NETWORK_NODES = `[{id: root.id, name: root.name, distance: 0}]
    + [a IN l1 | {id: a.id, name: a.name, distance: 1}]
    + [a IN l2 | {id: a.id, name: a.name, distance: 2}]`;

/**
 * The floor: edges as [source, [targets], [papers]] groups of internal node ids (valid within the
 * transaction), mapped back to author ids through keptIds: no id string read or sent per edge end,
 * the same encoding ours uses (src/network/network-near.cypher.ts).
 */
export const FLOOR_NETWORK = `${NETWORK_LAYERS}
CALL (kept) {
  UNWIND kept AS x
  MATCH (x)-[r:COAUTHORED_WITH]->(y:Author)
  WHERE y IN kept
  WITH x, collect(id(y)) AS targets, collect(r.papers) AS papers
  RETURN collect([id(x), targets, papers]) AS edgeGroups
}
RETURN {nodes: ${NETWORK_NODES}, keptIds: [k IN kept | id(k)], edgeGroups: edgeGroups, truncated: truncated} AS network`;

/** The same for @neo4j/graphql, whose GraphQL type needs an object per edge. */
export const PEER_NETWORK = `${NETWORK_LAYERS}
CALL (kept) {
  UNWIND kept AS x
  MATCH (x)-[r:COAUTHORED_WITH]->(y:Author)
  WHERE y IN kept
  RETURN collect({source: x.id, target: y.id, jointPapers: r.papers}) AS edges
}
RETURN {nodes: ${NETWORK_NODES}, edges: edges, truncated: truncated} AS network`;

/**
 * Venues where every given author published, each one's papers there, and the papers there that all
 * of them wrote; one row per venue, in order. Per-venue counts come from one aggregation over all
 * the authors' papers; joint papers are looked for only among the first author's papers.
 */
export const FLOOR_SHARED_VENUES = `
UNWIND range(0, size($ids) - 1) AS i
MATCH (:Author {id: $ids[i]})-[:AUTHORED]->(p:Paper)-[:PUBLISHED_IN]->(v:Venue)
WITH v, i, count(DISTINCT p) AS n
ORDER BY i
WITH v, collect(n) AS paperCounts
WHERE size(paperCounts) = size($ids)
CALL (v) {
  MATCH (:Author {id: $ids[0]})-[:AUTHORED]->(p:Paper)-[:PUBLISHED_IN]->(v)
  WHERE all(other IN $ids[1..] WHERE EXISTS { (:Author {id: other})-[:AUTHORED]->(p) })
  RETURN count(DISTINCT p) AS joint
}
WITH v, paperCounts, joint ORDER BY joint DESC, reduce(t = 0, n IN paperCounts | t + n) DESC, v.name ASC, v.id ASC
RETURN {venueId: v.id, venueName: v.name, paperCounts: paperCounts, jointPaperCount: joint} AS venue`;

/** One shortest coauthor chain (at most 6 hops) and the joint papers behind each hop. */
export const FLOOR_PATH = `
MATCH (s:Author {id: $fromId}), (t:Author {id: $toId})
OPTIONAL MATCH path = SHORTEST 1 (s)-[:COAUTHORED_WITH]-{1,6}(t)
WITH CASE WHEN path IS NULL THEN null ELSE nodes(path) END AS hops
CALL (hops) {
  UNWIND range(0, coalesce(size(hops), 0) - 2) AS i
  WITH hops[i] AS a, hops[i + 1] AS b
  CALL (a, b) {
    MATCH (a)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(b)
    WITH DISTINCT p ORDER BY coalesce(p.year, -1) DESC, p.id ASC
    RETURN collect(p.id) AS paperIds
  }
  RETURN collect({from: a.id, to: b.id, paperIds: paperIds}) AS links
}
RETURN CASE WHEN hops IS NULL THEN null
  ELSE {length: size(hops) - 1, authorIds: [a IN hops | a.id], links: links} END AS path`;

export const FLOOR_AUTHOR_SEARCH = `
CALL db.index.fulltext.queryNodes("authorNames", $query) YIELD node AS a, score
WHERE a:Author
WITH a, score ORDER BY score DESC, a.id ASC LIMIT 10
RETURN collect({id: a.id, name: a.name, score: score}) AS hits`;

export const FLOOR_PAPER_SEARCH = `
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper
WITH p, score ORDER BY score DESC, p.id ASC LIMIT 10
RETURN collect({id: p.id, title: p.title, year: p.year, score: score}) AS hits`;
