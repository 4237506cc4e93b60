import type { Database } from "../db/database";
import { toVenueRecord, VenueRecord } from "../venue/venue.record";
import { MEMBER_VENUE_PAPERS } from "./analysis.cypher";

/** A venue and its papers that have authors of the network, each paper as its authors' positions in the network. */
export interface VenuePapers {
  venue: VenueRecord;
  papers: number[][];
}

export async function readMemberVenuePapers(
  db: Database,
  ids: readonly string[],
  window: { yearFrom: number | null; yearTo: number | null },
): Promise<VenuePapers[]> {
  const records = await db.read(MEMBER_VENUE_PAPERS, { ids: [...ids], ...window });
  return records.map((r) => ({
    venue: toVenueRecord(r.get("venue")),
    papers: (r.get("papers") as unknown[][]).map((members) => members.map(Number)),
  }));
}
