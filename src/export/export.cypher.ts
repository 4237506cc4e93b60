import { PAPER_IN_WINDOW, PAPER_UNDER_CAP } from "../kernel/projections.cypher";

/*
 * What the exports need beyond coauthorNetwork: per-author paper facts inside the year window
 * (VOSviewer's documents and average year, GEXF's first year) and each tie's joint papers per
 * year (the dynamic GEXF). Both read only the authors and ties the network already chose.
 */

/** Papers, first/last/mean year per author (inside the window); authors in the order given. */
export const AUTHOR_PAPER_YEARS = `
UNWIND $ids AS id
MATCH (a:Author {id: id})
CALL (a) {
  OPTIONAL MATCH (a)-[:AUTHORED]->(p:Paper)
  WHERE ${PAPER_IN_WINDOW}
  RETURN count(DISTINCT p) AS papers, min(p.year) AS firstYear, max(p.year) AS lastYear, avg(p.year) AS meanYear
}
RETURN id, papers, firstYear, lastYear, meanYear`;

/**
 * Joint papers per year of each given pair [source, target] (inside the window, and with at most $maxAuthors authors
 * when it is not null, as the network's ties count them); pairs with no dated joint paper give no row. Each pair's
 * papers are found from its source's papers.
 */
export const PAIR_PAPERS_PER_YEAR = `
UNWIND $pairs AS pair
MATCH (x:Author {id: pair[0]})-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(y:Author {id: pair[1]})
WHERE p.year IS NOT NULL AND ${PAPER_IN_WINDOW}
  AND ${PAPER_UNDER_CAP}
WITH pair, p.year AS year, count(DISTINCT p) AS papers
ORDER BY year
RETURN pair[0] AS source, pair[1] AS target, collect([year, papers]) AS perYear`;

/** Aggregated inside the subquery, so an author without coauthors still gives one row (rows = []). */
const LIST_ROWS = `collect({id: a.id, name: a.name, jointPapers: jointPapers, firstYear: firstYear, lastYear: lastYear,
    papers: COUNT { (a)-[:AUTHORED]->() }}) AS rows`;

/** Every coauthor of an author from the materialised ties; found is false for an unknown id. */
export const COAUTHOR_LIST = `
OPTIONAL MATCH (owner:Author {id: $authorId})
CALL (owner) {
  MATCH (owner)-[r:COAUTHORED_WITH]-(a:Author)
  WHERE r.papers >= $minJointPapers AND a <> owner
  WITH a, r.papers AS jointPapers, r.firstYear AS firstYear, r.lastYear AS lastYear
  ORDER BY jointPapers DESC, a.name ASC, a.id ASC
  RETURN ${LIST_ROWS}
}
RETURN owner IS NOT NULL AS found, owner.name AS ownerName, rows`;

/** The same inside a year window, joint papers recounted from the authorships. */
export const COAUTHOR_LIST_IN_WINDOW = `
OPTIONAL MATCH (owner:Author {id: $authorId})
CALL (owner) {
  MATCH (owner)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(a:Author)
  WHERE a <> owner AND ${PAPER_IN_WINDOW}
  WITH a, count(DISTINCT p) AS jointPapers, min(p.year) AS firstYear, max(p.year) AS lastYear
  WHERE jointPapers >= $minJointPapers
  WITH a, jointPapers, firstYear, lastYear
  ORDER BY jointPapers DESC, a.name ASC, a.id ASC
  RETURN ${LIST_ROWS}
}
RETURN owner IS NOT NULL AS found, owner.name AS ownerName, rows`;
