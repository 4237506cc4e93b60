/** Whole-graph counts. Each subquery is a plain label or type count, answered from Neo4j's count store. */
export const GRAPH_COUNTS = `
CALL () { MATCH (a:Author) RETURN count(a) AS authors }
CALL () { MATCH (p:Paper) RETURN count(p) AS papers }
CALL () { MATCH (v:Venue) RETURN count(v) AS venues }
CALL () { MATCH ()-[r:AUTHORED]->() RETURN count(r) AS authorships }
CALL () { MATCH ()-[r:COAUTHORED_WITH]->() RETURN count(r) AS coauthorPairs }
CALL () { MATCH (r:ImportRun) RETURN count(r) AS importRunCount }
RETURN authors, papers, venues, authorships, coauthorPairs, importRunCount`;

/** The most recent import runs first. */
export const IMPORT_RUNS = `
MATCH (r:ImportRun)
WITH r
ORDER BY r.startedAt DESC, r.id DESC
LIMIT $limit
RETURN r {.id, .source, .format, .sha256, .startedAt, .finishedAt, .status, .counts} AS run`;
