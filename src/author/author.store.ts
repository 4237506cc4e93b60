import type { Database } from "../db/database";
import { hasWindow, YearWindow } from "../kernel/argument-rules";
import { byOwner, listOf } from "../kernel/rows";
import { PaperByYearRow, toPaperByYearRow } from "../paper/paper.record";
import { toVenueRecord, VenueRecord } from "../venue/venue.record";
import { AuthorRecord, toAuthorRecord } from "./author.record";
import {
  AUTHOR_PAPERS_COUNT,
  AUTHOR_PAPERS_PAGE,
  AUTHOR_SEARCH_COUNT,
  AUTHOR_SEARCH_PAGE,
  AUTHOR_VENUES,
  AUTHORS_BY_IDS,
  AUTHORS_WITH_COAUTHORS_PAGE,
  PAPER_AUTHORS,
  COAUTHORS_IN_WINDOW_COUNT,
  COAUTHORS_IN_WINDOW_PAGE,
  COAUTHORS_PAGE,
} from "./author.cypher";

/*
 * Database reads for authors. Each batched read answers many owners in one statement and is the
 * batch function of a DataLoader (the loaders in each domain's *.loaders.ts); the caller owns validation.
 */

export async function readAuthorsByIds(db: Database, ids: string[]): Promise<Map<string, AuthorRecord>> {
  const records = await db.read(AUTHORS_BY_IDS, { ids });
  return byOwner(records, (r) => toAuthorRecord(r.get("author")), "id");
}

/** Paper.authors: byline order, each author once (the relationship lives with the upper domain). */
export async function readPaperAuthors(db: Database, ids: string[]): Promise<Map<string, AuthorRecord[]>> {
  const records = await db.read(PAPER_AUTHORS, { ids });
  return byOwner(records, (r) => (r.get("authors") as unknown[]).map(toAuthorRecord), "id");
}

export interface SearchPageArgs {
  query: string;
  afterScore: number | null;
  afterId: string | null;
  limit: number;
}

export interface AuthorHit {
  author: AuthorRecord;
  score: number;
}

export async function searchAuthors(db: Database, args: SearchPageArgs): Promise<AuthorHit[]> {
  const records = await db.read(AUTHOR_SEARCH_PAGE, { ...args });
  return records.map((r) => ({ author: toAuthorRecord(r.get("author")), score: Number(r.get("score")) }));
}

export async function countAuthorSearch(db: Database, query: string): Promise<number> {
  const records = await db.read(AUTHOR_SEARCH_COUNT, { query });
  return Number(records[0]?.get("total") ?? 0);
}

export interface PapersByYearArgs extends YearWindow {
  afterYear: number | null;
  afterId: string | null;
  limit: number;
}

export async function readAuthorPapers(db: Database, ownerIds: string[], args: PapersByYearArgs): Promise<Map<string, PaperByYearRow[]>> {
  const records = await db.read(AUTHOR_PAPERS_PAGE, { ownerIds, ...args });
  return byOwner(records, (r) => listOf(r, "rows", toPaperByYearRow));
}

export async function countAuthorPapers(db: Database, ownerIds: string[], window: YearWindow): Promise<Map<string, number>> {
  const records = await db.read(AUTHOR_PAPERS_COUNT, { ownerIds, ...window });
  return byOwner(records, (r) => Number(r.get("total")));
}

export interface CoauthorFilter extends YearWindow {
  minJointPapers: number;
}

export interface CoauthorPageArgs extends CoauthorFilter {
  afterJoint: number | null;
  afterName: string | null;
  afterId: string | null;
  limit: number;
}

export interface CoauthorRow {
  author: AuthorRecord;
  /** The name the list is sorted by (the id when a name is missing). */
  sortName: string;
  jointPapers: number;
  firstYear: number | null;
  lastYear: number | null;
}

function toCoauthorRow(row: Record<string, unknown>): CoauthorRow {
  return {
    author: toAuthorRecord(row.author),
    sortName: String(row.sortName),
    jointPapers: Number(row.jointPapers),
    firstYear: typeof row.firstYear === "number" ? row.firstYear : null,
    lastYear: typeof row.lastYear === "number" ? row.lastYear : null,
  };
}

/** One owner's page of coauthors; `total` comes along when it was free to compute (no year window). */
export interface CoauthorPage {
  rows: CoauthorRow[];
  total: number | null;
}

/** Without a window the materialised COAUTHORED_WITH answers (with the total); with one, joint papers are recounted. */
export async function readCoauthors(db: Database, ownerIds: string[], args: CoauthorPageArgs): Promise<Map<string, CoauthorPage>> {
  const windowed = hasWindow(args);
  const records = await db.read(windowed ? COAUTHORS_IN_WINDOW_PAGE : COAUTHORS_PAGE, { ownerIds, ...args });
  return byOwner(records, (r) => ({ rows: listOf(r, "rows", toCoauthorRow), total: windowed ? null : Number(r.get("total")) }));
}

/** Authors with one all-time page of their coauthors each (no year window); unknown ids are absent. */
export async function readAuthorsWithCoauthors(
  db: Database,
  ownerIds: string[],
  args: CoauthorPageArgs,
): Promise<Map<string, { author: AuthorRecord; page: CoauthorPage }>> {
  const records = await db.read(AUTHORS_WITH_COAUTHORS_PAGE, { ownerIds, ...args });
  return byOwner(records, (r) => ({
    author: toAuthorRecord(r.get("author")),
    page: { rows: listOf(r, "rows", toCoauthorRow), total: Number(r.get("total")) },
  }));
}

/** Coauthors counted inside a year window; the all-time total arrives with the page (readCoauthors). */
export async function countCoauthors(db: Database, ownerIds: string[], filter: CoauthorFilter): Promise<Map<string, number>> {
  const records = await db.read(COAUTHORS_IN_WINDOW_COUNT, { ownerIds, ...filter });
  return byOwner(records, (r) => Number(r.get("total")));
}

export interface AuthorVenuesArgs extends YearWindow {
  limit: number;
}

export interface AuthorVenueRow {
  venue: VenueRecord;
  paperCount: number;
  firstYear: number | null;
  lastYear: number | null;
}

export async function readAuthorVenues(db: Database, ownerIds: string[], args: AuthorVenuesArgs): Promise<Map<string, AuthorVenueRow[]>> {
  const records = await db.read(AUTHOR_VENUES, { ownerIds, ...args });
  return byOwner(records, (r) =>
    listOf(r, "rows", (row) => ({
      venue: toVenueRecord(row.venue),
      paperCount: Number(row.paperCount),
      firstYear: typeof row.firstYear === "number" ? row.firstYear : null,
      lastYear: typeof row.lastYear === "number" ? row.lastYear : null,
    })),
  );
}
