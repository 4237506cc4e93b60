import { VENUE_MAP } from "../kernel/projections.cypher";

export const VENUES_BY_IDS = `
UNWIND $ids AS id
MATCH (v:Venue {id: id})
RETURN id, ${VENUE_MAP} AS venue`;

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
