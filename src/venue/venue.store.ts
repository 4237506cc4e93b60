import type { Database } from "../db/database";
import { byOwner } from "../kernel/rows";
import { VENUE_LIST_COUNT, VENUE_LIST_PAGE, VENUE_SEARCH_COUNT, VENUE_SEARCH_PAGE, VENUES_BY_IDS } from "./venue.cypher";
import { toVenueRecord, VenueRecord } from "./venue.record";

export async function readVenuesByIds(db: Database, ids: string[]): Promise<Map<string, VenueRecord>> {
  const records = await db.read(VENUES_BY_IDS, { ids });
  return byOwner(records, (r) => toVenueRecord(r.get("venue")), "id");
}

export interface VenueHit {
  venue: VenueRecord;
  /** Relevance score for a search; lower-cased name for the alphabetical list. */
  sortKey: number | string;
}

export async function listVenues(
  db: Database,
  args: { afterName: string | null; afterId: string | null; limit: number },
): Promise<VenueHit[]> {
  const records = await db.read(VENUE_LIST_PAGE, { ...args });
  return records.map((r) => ({ venue: toVenueRecord(r.get("venue")), sortKey: String(r.get("sortName")) }));
}

export async function countVenues(db: Database): Promise<number> {
  const records = await db.read(VENUE_LIST_COUNT);
  return Number(records[0]?.get("total") ?? 0);
}

export async function searchVenues(
  db: Database,
  args: { query: string; afterScore: number | null; afterId: string | null; limit: number },
): Promise<VenueHit[]> {
  const records = await db.read(VENUE_SEARCH_PAGE, { ...args });
  return records.map((r) => ({ venue: toVenueRecord(r.get("venue")), sortKey: Number(r.get("score")) }));
}

export async function countVenueSearch(db: Database, query: string): Promise<number> {
  const records = await db.read(VENUE_SEARCH_COUNT, { query });
  return Number(records[0]?.get("total") ?? 0);
}
