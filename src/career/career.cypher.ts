import { AUTHOR_MAP, PAPER_MAP, VENUE_MAP } from "../kernel/projections.cypher";

/*
 * Career, collaboration and namesake reads. Each returns raw rows; the rules are in timeline.ts, collaboration.ts and
 * namesakes.ts. Fixed text only; values are parameters.
 */

/**
 * The papers of one or more authors (several: the benchmark's artificial merges) with the byline each: every
 * (author id, position) on the paper, so the caller derives size, positions and coauthors without a second read.
 */
export const CAREER_PAPERS = `
UNWIND $ids AS id
MATCH (:Author {id: id})-[:AUTHORED]->(p:Paper)
WITH DISTINCT p
OPTIONAL MATCH (p)-[:PUBLISHED_IN]->(v:Venue)
RETURN p.id AS paperId, p.year AS year, v.id AS venueId,
       [(p)<-[x:AUTHORED]-(o:Author) | [o.id, x.position]] AS byline`;

/**
 * Each coauthor of the authors (`ids`: one, or several read as one) with the ids of all their papers; the caller drops
 * the authors' own papers (it has read them already) and keeps those written without them: two coauthors who share
 * such a paper are in one group (possibleHomonym). One row per coauthor with paper ids only, so a challenge report
 * with 300 authors is never read as a byline per paper: for the author with the most coauthors on the 158k graph
 * (4,039) this reads in 0.3-0.4 s where the bylines of the papers without him took 6.5 s (warm, same machine).
 */
export const COAUTHOR_PAPERS = `
UNWIND $ids AS egoId
MATCH (:Author {id: egoId})-[:COAUTHORED_WITH]-(c:Author)
WITH DISTINCT c
WHERE NOT c.id IN $ids
RETURN c.id AS id, [(c)-[:AUTHORED]->(p:Paper) | p.id] AS papers`;

/** Paper p's number of distinct authors: its byline's n_p, what maxAuthorsPerPaper caps. */
const BYLINE_SIZE = "size(COLLECT { MATCH (p)<-[:AUTHORED]-(x:Author) RETURN DISTINCT x })";

/** Two authors, their paper counts inside the window (and the byline cap), and the all-time tie profile of each (S_i, <K_i>). */
export const PAIR_PROFILES = `
UNWIND $ids AS id
MATCH (a:Author {id: id})
RETURN id, ${AUTHOR_MAP} AS author,
       size(COLLECT { MATCH (a)-[:AUTHORED]->(p:Paper) WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)
         AND ($maxAuthors IS NULL OR ${BYLINE_SIZE} <= $maxAuthors) RETURN DISTINCT p }) AS papersInWindow,
       COUNT { (a)-[:COAUTHORED_WITH]-() } AS coauthors,
       COLLECT { MATCH (a)-[r:COAUTHORED_WITH]-() RETURN r.papers } AS tieStrengths`;

/** The pair's joint papers inside the window, oldest first, with each end's byline position. */
export const JOINT_PAPERS = `
MATCH (a:Author {id: $a})-[ra:AUTHORED]->(p:Paper)<-[rb:AUTHORED]-(b:Author {id: $b})
WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)
WITH p, min(ra.position) AS positionA, min(rb.position) AS positionB
RETURN ${PAPER_MAP} AS paper, positionA, positionB,
       ${BYLINE_SIZE} AS size
ORDER BY coalesce(p.year, 9999) ASC, p.id ASC`;

/** Authors whose name or alias holds one of the words (the family name's spellings). */
export const AUTHORS_BY_NAME_WORD = `
CALL db.index.fulltext.queryNodes("authorNames", $query, {limit: $limit}) YIELD node AS a
WHERE a:Author
RETURN ${AUTHOR_MAP} AS author`;

/** Coauthor ids of each author. */
export const COAUTHOR_IDS = `
UNWIND $ids AS id
MATCH (:Author {id: id})-[:COAUTHORED_WITH]-(c:Author)
RETURN id, collect(c.id) AS coauthors`;

/** The papers of either author that one of the given coauthors is also on: the evidence behind shared coauthors. */
export const EVIDENCE_PAPERS = `
UNWIND $ids AS id
MATCH (:Author {id: id})-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(c:Author)
WHERE c.id IN $shared
WITH id, p, collect(DISTINCT c.id) AS via
ORDER BY coalesce(p.year, 9999) ASC, p.id ASC
RETURN id, ${PAPER_MAP} AS paper, via
LIMIT $limit`;

/** The whole graph for the namesake listing, read as streams: every author, then every paper with its byline. */
export const ALL_AUTHORS = `
MATCH (a:Author)
RETURN a.id AS id, a.name AS name, coalesce(a.aliases, []) AS aliases, a.orcid AS orcid`;

export const ALL_PAPERS = `
MATCH (p:Paper)
OPTIONAL MATCH (p)-[:PUBLISHED_IN]->(v:Venue)
RETURN p.id AS paperId, p.year AS year, v.id AS venueId, [(p)<-[:AUTHORED]-(o:Author) | o.id] AS authors`;

/** Node counts from the count store (instant): the totals the listing's progress lines count towards. */
export const COUNT_AUTHORS_AND_PAPERS = `
CALL () { MATCH (a:Author) RETURN count(a) AS authors }
CALL () { MATCH (p:Paper) RETURN count(p) AS papers }
RETURN authors, papers`;

export const VENUES_BY_IDS = `
UNWIND $ids AS id
MATCH (v:Venue {id: id})
RETURN id, ${VENUE_MAP} AS venue`;
