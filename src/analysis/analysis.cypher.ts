import { PAPER_IN_WINDOW, VENUE_MAP } from "../kernel/projections.cypher";

/**
 * The venues of a network's authors, for the communities' top venues: per venue (with the year window), its papers
 * that have at least one of the authors, each as the positions in $ids of the authors it has. It needs no partition,
 * so it starts before the communities are found; community-venues.ts counts each community's papers from it.
 * Each paper's venue is looked up once, not once per author it has (measured on the 158k file's densest 500-author
 * network: 9,042 papers against 15,296 authorships, half the store reads). No labels on p and v: AUTHORED only leads
 * to a Paper and PUBLISHED_IN only to a Venue, and checking the label was a read per row.
 */
export const MEMBER_VENUE_PAPERS = `
UNWIND range(0, size($ids) - 1) AS k
MATCH (:Author {id: $ids[k]})-[:AUTHORED]->(p)
WHERE ${PAPER_IN_WINDOW}
WITH p, collect(k) AS members
MATCH (p)-[:PUBLISHED_IN]->(v)
WITH v, collect(members) AS papers
RETURN ${VENUE_MAP} AS venue, papers`;
