import { PAPER_IN_WINDOW, VENUE_MAP } from "../kernel/projections.cypher";

/**
 * The venues of a network's authors, for the communities' top venues: per venue (with the year window), its papers
 * that have at least one of the authors, each as the positions in $ids of the authors it has. It needs no partition,
 * so it starts before the communities are found; community-venues.ts counts each community's papers from it.
 * Each paper's venue is read once, not once per author it has (9,042 papers against 15,296 authorships on the 158k
 * file's densest 500-author network), and from the paper's `venueId`, which the importer sets with its PUBLISHED_IN
 * relationship: following that relationship reads the paper's whole relationship chain (8 db hits a paper there,
 * 72,780 in all, 60–100 ms); the property is one read, and only the few venues found are looked up (27,000 db hits in
 * all, about 50 ms). A paper imported before `venueId` existed follows the relationship. No label on p: AUTHORED only
 * leads to a Paper, and checking the label was a read per row.
 */
export const MEMBER_VENUE_PAPERS = `
UNWIND range(0, size($ids) - 1) AS k
MATCH (:Author {id: $ids[k]})-[:AUTHORED]->(p)
WHERE ${PAPER_IN_WINDOW}
WITH p, collect(k) AS members
WITH coalesce(p.venueId, [(p)-[:PUBLISHED_IN]->(v) | v.id][0]) AS venueId, members
WHERE venueId IS NOT NULL
WITH venueId, collect(members) AS papers
MATCH (v:Venue {id: venueId})
RETURN ${VENUE_MAP} AS venue, papers`;
