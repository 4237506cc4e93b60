import { PAPER_MAP, VENUE_MAP } from "../graphql/projections.cypher";

export const VENUES_BY_IDS = `
UNWIND $ids AS id
MATCH (v:Venue {id: id})
RETURN id, ${VENUE_MAP} AS venue`;

/** A venue's papers newest first ($year null = every year). */
export const VENUE_PAPERS_PAGE = `
UNWIND $ownerIds AS ownerId
MATCH (owner:Venue {id: ownerId})
CALL (owner) {
  MATCH (owner)<-[:PUBLISHED_IN]-(p:Paper)
  WHERE $year IS NULL OR p.year = $year
  WITH DISTINCT p, coalesce(p.year, -1) AS sortYear
  WHERE $afterYear IS NULL OR sortYear < $afterYear OR (sortYear = $afterYear AND p.id > $afterId)
  WITH p, sortYear
  ORDER BY sortYear DESC, p.id ASC
  LIMIT $limit
  RETURN collect({paper: ${PAPER_MAP}, sortYear: sortYear}) AS rows
}
RETURN ownerId, rows`;

export const VENUE_PAPERS_COUNT = `
UNWIND $ownerIds AS ownerId
MATCH (owner:Venue {id: ownerId})
CALL (owner) {
  MATCH (owner)<-[:PUBLISHED_IN]-(p:Paper)
  WHERE $year IS NULL OR p.year = $year
  RETURN count(DISTINCT p) AS total
}
RETURN ownerId, total`;

/** Alphabetical (case-insensitive), then id. */
export const VENUE_LIST_PAGE = `
MATCH (v:Venue)
WITH v, toLower(coalesce(v.name, v.id)) AS sortName
WHERE $afterName IS NULL OR sortName > $afterName OR (sortName = $afterName AND v.id > $afterId)
WITH v, sortName
ORDER BY sortName ASC, v.id ASC
LIMIT $limit
RETURN ${VENUE_MAP} AS venue, sortName`;

export const VENUE_LIST_COUNT = `
MATCH (v:Venue)
RETURN count(v) AS total`;

/** Full-text "venueNames" (name + acronym), best match first. */
export const VENUE_SEARCH_PAGE = `
CALL db.index.fulltext.queryNodes("venueNames", $query) YIELD node AS v, score
WHERE v:Venue
  AND ($afterScore IS NULL OR score < $afterScore OR (score = $afterScore AND v.id > $afterId))
WITH v, score
ORDER BY score DESC, v.id ASC
LIMIT $limit
RETURN ${VENUE_MAP} AS venue, score`;

export const VENUE_SEARCH_COUNT = `
CALL db.index.fulltext.queryNodes("venueNames", $query) YIELD node
WHERE node:Venue
RETURN count(node) AS total`;
