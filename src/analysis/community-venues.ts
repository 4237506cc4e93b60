import { compareCodePoints } from "../util/code-point-order";
import type { VenueRecord } from "../venue/venue.record";
import type { VenuePapers } from "./analysis.store";

export interface CommunityVenueRow {
  venue: VenueRecord;
  /** Distinct papers at the venue with at least one member of the community among their authors. */
  papers: number;
}

/**
 * Each community's top venues: by distinct papers with at least one member (a paper with members of two communities
 * counts for both, once each), then by venue name and id; `limit` per community. `communityOf[k]` is the community of
 * the network's author k. Name and id compare in code point order, as Cypher's ORDER BY over stored strings does.
 */
export function topVenuesByCommunity(
  venues: readonly VenuePapers[],
  communityOf: ArrayLike<number>,
  communities: number,
  limit: number,
): Map<number, CommunityVenueRow[]> {
  const rows: CommunityVenueRow[][] = Array.from({ length: communities }, () => []);
  const counts = new Int32Array(communities);
  // seenAt[c] = the paper that last counted for community c: a paper with two members of c counts once.
  const seenAt = new Int32Array(communities).fill(-1);
  let paperNumber = 0;
  for (const { venue, papers } of venues) {
    const touched: number[] = [];
    for (const members of papers) {
      for (const k of members) {
        const c = communityOf[k];
        if (seenAt[c] === paperNumber) continue;
        seenAt[c] = paperNumber;
        if (counts[c]++ === 0) touched.push(c);
      }
      paperNumber++;
    }
    for (const c of touched) {
      rows[c].push({ venue, papers: counts[c] });
      counts[c] = 0;
    }
  }
  const byRank = (a: CommunityVenueRow, b: CommunityVenueRow) =>
    b.papers - a.papers || compareCodePoints(a.venue.name, b.venue.name) || compareCodePoints(a.venue.id, b.venue.id);
  return new Map(rows.map((list, c) => [c, list.sort(byRank).slice(0, limit)]));
}
