import type { Database } from "../db/database";
import type { YearWindow } from "../graphql/argument-rules";
import { byOwner } from "../graphql/rows";
import { AuthorRecord, toAuthorRecord } from "../author/author.record";
import { toVenueRecord, VenueRecord } from "../venue/venue.record";
import { PAPER_AUTHORS, PAPER_VENUES, PAPERS_BY_IDS } from "./paper.cypher";
import { paperListCountStatement, paperListPageStatement, PaperListShape } from "./paper-list.cypher";
import { PaperRecord, toPaperRecord } from "./paper.record";

export async function readPapersByIds(db: Database, ids: string[]): Promise<Map<string, PaperRecord>> {
  const records = await db.read(PAPERS_BY_IDS, { ids });
  return byOwner(records, (r) => toPaperRecord(r.get("paper")), "id");
}

export async function readPaperAuthors(db: Database, ids: string[]): Promise<Map<string, AuthorRecord[]>> {
  const records = await db.read(PAPER_AUTHORS, { ids });
  return byOwner(records, (r) => (r.get("authors") as unknown[]).map(toAuthorRecord), "id");
}

export async function readPaperVenues(db: Database, ids: string[]): Promise<Map<string, VenueRecord>> {
  const records = await db.read(PAPER_VENUES, { ids });
  return byOwner(records, (r) => toVenueRecord(r.get("venue")), "id");
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
