import { AUTHOR_MAP, PAPER_MAP, VENUE_MAP } from "../graphql/projections.cypher";

export const PAPERS_BY_IDS = `
UNWIND $ids AS id
MATCH (p:Paper {id: id})
RETURN id, ${PAPER_MAP} AS paper`;

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

export const PAPER_VENUES = `
UNWIND $ids AS id
MATCH (:Paper {id: id})-[:PUBLISHED_IN]->(v:Venue)
WITH id, v
ORDER BY v.id
RETURN id, head(collect(${VENUE_MAP})) AS venue`;
