import type { Database } from "../db/database";
import type { PageArgs, PaperEdgeData, WindowArgs } from "../author/author.service";
import { AuthorRecord } from "../author/author.record";
import { NotFoundError } from "../errors";
import { pageSize, yearWindow } from "../graphql/argument-rules";
import { decodeCursor } from "../graphql/cursor";
import type { Loaders } from "../graphql/loaders";
import { PageData, toPage } from "../graphql/page";
import { optionalLuceneQuery } from "../graphql/search-text";
import { VenueRecord } from "../venue/venue.record";
import { PaperRecord } from "./paper.record";
import { countPapers, listPapers } from "./paper.store";

export interface PaperListArgs extends PageArgs, WindowArgs {
  search?: string | null;
  venueId?: string | null;
}

export class PaperService {
  constructor(
    private readonly db: Database,
    private readonly loaders: Loaders,
  ) {}

  byId(id: string): Promise<PaperRecord | null> {
    return this.loaders.paperById.load(id);
  }

  /** Byline order (AUTHORED.position), each author once. */
  authors(paperId: string): Promise<AuthorRecord[]> {
    return this.loaders.paperAuthors.load(paperId);
  }

  venue(paperId: string): Promise<VenueRecord | null> {
    return this.loaders.paperVenue.load(paperId);
  }

  /**
   * With `search`: full-text "paperText" over title and abstract, best match first. Without it:
   * newest first. venueId and the year window filter either way; an unknown venueId is NOT_FOUND
   * (a typo should not look like a venue without papers).
   */
  async list(args: PaperListArgs): Promise<PageData<PaperEdgeData & { cursor: string }>> {
    const query = optionalLuceneQuery(args.search);
    const first = pageSize(args.first);
    const window = yearWindow(args.yearFrom, args.yearTo);
    const ordering = query === null ? "year" : "relevance";
    const after = decodeCursor(args.after, ordering);
    const filter = { ...window, query, venueId: args.venueId ?? null };
    const [rows, venue] = await Promise.all([
      listPapers(this.db, { ...filter, afterKey: (after?.[0] as number) ?? null, afterId: (after?.[1] as string) ?? null, limit: first + 1 }),
      filter.venueId === null ? null : this.loaders.venueById.load(filter.venueId),
    ]);
    if (filter.venueId !== null && venue === null) {
      throw new NotFoundError(`No venue with id "${filter.venueId}"`, { ids: [filter.venueId] });
    }
    for (const row of rows) this.loaders.paperById.prime(row.paper.id, row.paper);
    return toPage(
      rows,
      { first, after: args.after },
      ordering,
      (row) => [row.sortKey, row.paper.id],
      (row) => ({ node: row.paper, score: query === null ? null : row.sortKey }),
      () => countPapers(this.db, filter),
    );
  }
}
