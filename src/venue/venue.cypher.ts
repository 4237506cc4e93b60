import { textKey } from "../kernel/keyset.cypher";
import { VENUE_MAP } from "../kernel/projections.cypher";

export const VENUES_BY_IDS = `
UNWIND $ids AS id
MATCH (v:Venue {id: id})
RETURN id, ${VENUE_MAP} AS venue`;

/** Alphabetical (case-insensitive), then id. */
export const VENUE_LIST_PAGE = `
MATCH (v:Venue)
WITH v, toLower(coalesce(v.name, v.id)) AS sortName, ${textKey("v.id")} AS sortId
WHERE $afterName IS NULL OR sortName > $afterName OR (sortName = $afterName AND sortId > $afterId)
WITH v, sortName, sortId
ORDER BY sortName ASC, sortId ASC
LIMIT $limit
RETURN ${VENUE_MAP} AS venue, sortName`;

export const VENUE_LIST_COUNT = `
MATCH (v:Venue)
RETURN count(v) AS total`;

/** Full-text "venueNames" (name + acronym), best match first. */
export const VENUE_SEARCH_PAGE = `
CALL db.index.fulltext.queryNodes("venueNames", $query) YIELD node AS v, score
WHERE v:Venue
WITH v, score, ${textKey("v.id")} AS sortId
WHERE $afterScore IS NULL OR score < $afterScore OR (score = $afterScore AND sortId > $afterId)
WITH v, score, sortId
ORDER BY score DESC, sortId ASC
LIMIT $limit
RETURN ${VENUE_MAP} AS venue, score`;

export const VENUE_SEARCH_COUNT = `
CALL db.index.fulltext.queryNodes("venueNames", $query) YIELD node
WHERE node:Venue
RETURN count(node) AS total`;
