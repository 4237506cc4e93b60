import { textKey } from "../kernel/keyset.cypher";
import { PAPER_MAP, VENUE_MAP } from "../kernel/projections.cypher";

export const PAPERS_BY_IDS = `
UNWIND $ids AS id
MATCH (p:Paper {id: id})
RETURN id, ${PAPER_MAP} AS paper`;

export const PAPER_VENUES = `
UNWIND $ids AS id
MATCH (:Paper {id: id})-[:PUBLISHED_IN]->(v:Venue)
WITH id, v
ORDER BY v.id
RETURN id, head(collect(${VENUE_MAP})) AS venue`;

/** A venue's papers newest first ($year null = every year). */
export const VENUE_PAPERS_PAGE = `
UNWIND $ownerIds AS ownerId
MATCH (owner:Venue {id: ownerId})
CALL (owner) {
  MATCH (owner)<-[:PUBLISHED_IN]-(p:Paper)
  WHERE $year IS NULL OR p.year = $year
  WITH DISTINCT p, coalesce(p.year, -1) AS sortYear
  WITH p, sortYear, ${textKey("p.id")} AS sortId
  WHERE $afterYear IS NULL OR sortYear < $afterYear OR (sortYear = $afterYear AND sortId > $afterId)
  WITH p, sortYear, sortId
  ORDER BY sortYear DESC, sortId ASC
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
