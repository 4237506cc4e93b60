import type { Database } from "../db/database";
import { toVenueRecord, VenueRecord } from "../venue/venue.record";
import { COMMUNITY_VENUES } from "./analysis.cypher";

export interface CommunityVenueRow {
  venue: VenueRecord;
  /** Distinct papers at the venue with at least one member of the community among their authors. */
  papers: number;
}

export async function readCommunityVenues(
  db: Database,
  groups: Array<{ community: number; members: string[] }>,
  args: { yearFrom: number | null; yearTo: number | null; limit: number },
): Promise<Map<number, CommunityVenueRow[]>> {
  const records = await db.read(COMMUNITY_VENUES, { groups, ...args });
  const out = new Map<number, CommunityVenueRow[]>();
  for (const r of records) {
    const venues = r.get("venues") as Array<{ venue: unknown; papers: number }>;
    out.set(
      Number(r.get("community")),
      venues.map((v) => ({ venue: toVenueRecord(v.venue), papers: Number(v.papers) })),
    );
  }
  return out;
}
