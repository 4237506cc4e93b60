import type { Database } from "../db/database";
import type { YearWindow } from "../kernel/argument-rules";
import { byOwner, listOf } from "../kernel/rows";
import { toVenueRecord, VenueRecord } from "../venue/venue.record";
import { PAPER_VENUES, PAPERS_BY_IDS, VENUE_PAPERS_COUNT, VENUE_PAPERS_PAGE } from "./paper.cypher";
import { paperListCountStatement, paperListPageStatement, PaperListShape } from "./paper-list.cypher";
import { PaperByYearRow, PaperRecord, toPaperByYearRow, toPaperRecord } from "./paper.record";

export async function readPapersByIds(db: Database, ids: string[]): Promise<Map<string, PaperRecord>> {
  const records = await db.read(PAPERS_BY_IDS, { ids });
  return byOwner(records, (r) => toPaperRecord(r.get("paper")), "id");
}

export async function readPaperVenues(db: Database, ids: string[]): Promise<Map<string, VenueRecord>> {
  const records = await db.read(PAPER_VENUES, { ids });
  return byOwner(records, (r) => toVenueRecord(r.get("venue")), "id");
}

/** A venue's papers (Venue.papers): the relationship lives with the upper of its two domains. */
export interface VenuePapersFilter {
  year: number | null;
}

export interface VenuePapersArgs extends VenuePapersFilter {
  afterYear: number | null;
  afterId: string | null;
  limit: number;
}

export async function readVenuePapers(db: Database, ownerIds: string[], args: VenuePapersArgs): Promise<Map<string, PaperByYearRow[]>> {
  const records = await db.read(VENUE_PAPERS_PAGE, { ownerIds, ...args });
  return byOwner(records, (r) => listOf(r, "rows", toPaperByYearRow));
}

export async function countVenuePapers(db: Database, ownerIds: string[], filter: VenuePapersFilter): Promise<Map<string, number>> {
  const records = await db.read(VENUE_PAPERS_COUNT, { ownerIds, ...filter });
  return byOwner(records, (r) => Number(r.get("total")));
}

export interface PaperListFilter extends YearWindow {
  /** Lucene query (already escaped), or null for newest first. */
  query: string | null;
  venueId: string | null;
}

export interface PaperListPageArgs extends PaperListFilter {
  afterKey: number | null;
  afterId: string | null;
  limit: number;
}

export interface PaperListRow {
  paper: PaperRecord;
  /** Relevance score with a search, else the year (-1 when unknown). */
  sortKey: number;
}

function shapeOf(filter: PaperListFilter, after: boolean): PaperListShape {
  return {
    search: filter.query !== null,
    venue: filter.venueId !== null,
    yearFrom: filter.yearFrom !== null,
    yearTo: filter.yearTo !== null,
    after,
  };
}

export async function listPapers(db: Database, args: PaperListPageArgs): Promise<PaperListRow[]> {
  const statement = paperListPageStatement(shapeOf(args, args.afterKey !== null));
  const records = await db.read(statement, { ...args });
  return records.map((r) => ({ paper: toPaperRecord(r.get("paper")), sortKey: Number(r.get("sortKey")) }));
}

export async function countPapers(db: Database, filter: PaperListFilter): Promise<number> {
  const records = await db.read(paperListCountStatement(shapeOf(filter, false)), { ...filter });
  return Number(records[0]?.get("total") ?? 0);
}
