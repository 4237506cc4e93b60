import { VENUE_MAP } from "../kernel/projections.cypher";

/**
 * The venues of each community: per community, the venues where its members published (inside the year window),
 * by distinct papers with at least one member, then by name and id; $limit per community.
 */
export const COMMUNITY_VENUES = `
UNWIND $groups AS g
UNWIND g.members AS id
MATCH (:Author {id: id})-[:AUTHORED]->(p:Paper)-[:PUBLISHED_IN]->(v:Venue)
WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)
WITH g.community AS community, v, count(DISTINCT p) AS papers
ORDER BY community, papers DESC, v.name ASC, v.id ASC
WITH community, collect({venue: ${VENUE_MAP}, papers: papers})[..$limit] AS venues
RETURN community, venues`;
