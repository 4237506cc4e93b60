import type { Database } from "../db/database";
import { minJointPapers, pageSize, intInRange, AUTHOR_VENUES, yearWindow } from "../graphql/argument-rules";
import { decodeCursor } from "../graphql/cursor";
import type { Loaders } from "../graphql/loaders";
import { PageData, toPage } from "../graphql/page";
import { toLuceneQuery } from "../graphql/search-text";
import { PaperRecord } from "../paper/paper.record";
import { AuthorRecord } from "./author.record";
import { AuthorVenueRow, countAuthorSearch, searchAuthors } from "./author.store";

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface WindowArgs {
  yearFrom?: number | null;
  yearTo?: number | null;
}

export interface AuthorEdgeData {
  node: AuthorRecord;
  /** Full-text relevance; null outside a search. */
  score: number | null;
}

export interface PaperEdgeData {
  node: PaperRecord;
  score: number | null;
}

export interface CoauthorEdgeData {
  node: AuthorRecord;
  jointPapers: number;
  firstYear: number | null;
  lastYear: number | null;
}

export interface CoauthorArgs extends PageArgs, WindowArgs {
  minJointPapers?: number | null;
}

/**
 * The rules for author questions. Validation happens here, before any read; nested lists go
 * through the request's DataLoaders so that sibling authors share one statement.
 */
export class AuthorService {
  constructor(
    private readonly db: Database,
    private readonly loaders: Loaders,
  ) {}

  byId(id: string): Promise<AuthorRecord | null> {
    return this.loaders.authorById.load(id);
  }

  /** Full-text search over names and aliases, best match first. Blank search is BAD_USER_INPUT. */
  async search(search: string, args: PageArgs): Promise<PageData<AuthorEdgeData & { cursor: string }>> {
    const query = toLuceneQuery(search);
    const first = pageSize(args.first);
    const after = decodeCursor(args.after, "relevance");
    const hits = await searchAuthors(this.db, {
      query,
      afterScore: (after?.[0] as number) ?? null,
      afterId: (after?.[1] as string) ?? null,
      limit: first + 1,
    });
    for (const hit of hits) this.loaders.authorById.prime(hit.author.id, hit.author);
    return toPage(
      hits,
      { first, after: args.after },
      "relevance",
      (hit) => [hit.score, hit.author.id],
      (hit) => ({ node: hit.author, score: hit.score }),
      () => countAuthorSearch(this.db, query),
    );
  }

  /** The author's papers, newest first (papers without a year last), optionally inside a year window. */
  async papers(authorId: string, args: PageArgs & WindowArgs): Promise<PageData<PaperEdgeData & { cursor: string }>> {
    const first = pageSize(args.first);
    const window = yearWindow(args.yearFrom, args.yearTo);
    const after = decodeCursor(args.after, "year");
    const rows = await this.loaders.authorPapers.load({
      ownerId: authorId,
      args: { ...window, afterYear: (after?.[0] as number) ?? null, afterId: (after?.[1] as string) ?? null, limit: first + 1 },
    });
    for (const row of rows) this.loaders.paperById.prime(row.paper.id, row.paper);
    return toPage(
      rows,
      { first, after: args.after },
      "year",
      (row) => [row.sortYear, row.paper.id],
      (row) => ({ node: row.paper, score: null }),
      () => this.loaders.authorPaperCount.load({ ownerId: authorId, args: window }),
    );
  }

  /**
   * Coauthors by joint papers (desc), then name, then id. Without a window the materialised
   * COAUTHORED_WITH counts answer; with one, joint papers are recounted inside the window and
   * firstYear/lastYear describe the window's joint papers only.
   */
  async coauthors(authorId: string, args: CoauthorArgs): Promise<PageData<CoauthorEdgeData & { cursor: string }>> {
    const first = pageSize(args.first);
    const window = yearWindow(args.yearFrom, args.yearTo);
    const filter = { ...window, minJointPapers: minJointPapers(args.minJointPapers) };
    const after = decodeCursor(args.after, "jointPapers");
    const { rows, total } = await this.loaders.authorCoauthors.load({
      ownerId: authorId,
      args: {
        ...filter,
        afterJoint: (after?.[0] as number) ?? null,
        afterName: (after?.[1] as string) ?? null,
        afterId: (after?.[2] as string) ?? null,
        limit: first + 1,
      },
    });
    for (const row of rows) this.loaders.authorById.prime(row.author.id, row.author);
    return toPage(
      rows,
      { first, after: args.after },
      "jointPapers",
      (row) => [row.jointPapers, row.sortName, row.author.id],
      (row) => ({ node: row.author, jointPapers: row.jointPapers, firstYear: row.firstYear, lastYear: row.lastYear }),
      // The all-time page brings its total along; only a year window needs the count statement.
      () => (total !== null ? Promise.resolve(total) : this.loaders.authorCoauthorCount.load({ ownerId: authorId, args: filter })),
    );
  }

  /** Venues the author published at, most papers first (then venue name). */
  async venues(authorId: string, args: { first?: number | null } & WindowArgs): Promise<AuthorVenueRow[]> {
    const limit = intInRange("first", args.first, AUTHOR_VENUES);
    const window = yearWindow(args.yearFrom, args.yearTo);
    const rows = await this.loaders.authorVenues.load({ ownerId: authorId, args: { ...window, limit } });
    for (const row of rows) this.loaders.venueById.prime(row.venue.id, row.venue);
    return rows;
  }
}
