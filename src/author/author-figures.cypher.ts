import type { FigureOrder, FiguresSlot } from "../kernel/graph-figures";
import { textKey } from "../kernel/keyset.cypher";
import { AUTHOR_MAP, PAPER_IN_WINDOW } from "../kernel/projections.cypher";

/*
 * Authors ordered by a whole-graph figure. The property is the current slot's (pageRankA or pageRankB …, see
 * src/kernel/graph-figures.ts); each (slot, figure, with or without search) is one fixed statement, built once at
 * load from these pieces and snapshot-tested, so a range index gives the order without a sort of all authors.
 */

const PROPERTY: Record<FigureOrder, Record<FiguresSlot, string>> = {
  PAGERANK: { A: "pageRankA", B: "pageRankB" },
  BETWEENNESS: { A: "betweennessA", B: "betweennessB" },
};

function ranked(property: string, search: boolean): string {
  const source = search
    ? `CALL db.index.fulltext.queryNodes("authorNames", $query) YIELD node AS a
WHERE a:Author AND a.${property} IS NOT NULL`
    : `MATCH (a:Author) WHERE a.${property} IS NOT NULL`;
  return `
${source}
WITH a, ${textKey("a.id")} AS sortId
WHERE $afterKey IS NULL OR a.${property} < $afterKey OR (a.${property} = $afterKey AND sortId > $afterId)
WITH a, sortId
ORDER BY a.${property} DESC, sortId ASC
LIMIT $limit
RETURN ${AUTHOR_MAP} AS author, a.${property} AS key`;
}

function counted(property: string, search: boolean): string {
  return search
    ? `
CALL db.index.fulltext.queryNodes("authorNames", $query) YIELD node AS a
WHERE a:Author AND a.${property} IS NOT NULL
RETURN count(a) AS total`
    : `
MATCH (a:Author) WHERE a.${property} IS NOT NULL
RETURN count(a) AS total`;
}

type Table = Record<FigureOrder, Record<FiguresSlot, { all: string; search: string }>>;

function table(build: (property: string, search: boolean) => string): Table {
  const out = {} as Table;
  for (const figure of Object.keys(PROPERTY) as FigureOrder[]) {
    out[figure] = {} as Table[FigureOrder];
    for (const slot of ["A", "B"] as const)
      out[figure][slot] = { all: build(PROPERTY[figure][slot], false), search: build(PROPERTY[figure][slot], true) };
  }
  return out;
}

export const AUTHORS_BY_FIGURE: Table = table(ranked);
export const AUTHORS_BY_FIGURE_COUNT: Table = table(counted);

/** Each author's figures in both slots; the service picks the current one. */
export const AUTHOR_FIGURES_BY_IDS = `
UNWIND $ids AS id
MATCH (a:Author {id: id})
RETURN id, [a.pageRankA, a.betweennessA, a.componentA] AS A, [a.pageRankB, a.betweennessB, a.componentB] AS B`;

/**
 * The authors of a venue's papers inside a year window, ordered by a whole-graph figure of the current slot ($slot):
 * one statement for "top authors at this venue in these years". Authors the figures do not know (newer than them)
 * are left out.
 */
export const VENUE_TOP_AUTHORS = `
MATCH (v:Venue {id: $venueId})<-[:PUBLISHED_IN]-(p:Paper)
WHERE ${PAPER_IN_WINDOW}
MATCH (p)<-[:AUTHORED]-(a:Author)
WITH a, count(DISTINCT p) AS papers
WITH a, papers,
     CASE $slot WHEN 'A' THEN a.pageRankA ELSE a.pageRankB END AS pageRank,
     CASE $slot WHEN 'A' THEN a.betweennessA ELSE a.betweennessB END AS betweenness
WHERE pageRank IS NOT NULL
WITH a, papers, pageRank, betweenness,
     CASE $orderBy WHEN 'BETWEENNESS' THEN betweenness ELSE pageRank END AS key
ORDER BY key DESC, papers DESC, a.id ASC
LIMIT $limit
RETURN ${AUTHOR_MAP} AS author, papers, pageRank, betweenness`;
