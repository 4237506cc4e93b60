import type { Database } from "../db/database";
import { NotFoundError } from "../errors";
import { PageArgs, pageSize, WindowArgs, yearWindow } from "../kernel/argument-rules";
import { decodeCursor, listOrder } from "../kernel/cursor";
import { PageData, toPage } from "../kernel/page";
import { optionalLuceneQuery } from "../kernel/search-text";
import type { VenueLoaders } from "../venue/venue.loaders";
import { VenueRecord } from "../venue/venue.record";
import type { PaperLoaders } from "./paper.loaders";
import { PaperRecord } from "./paper.record";
import { countPapers, listPapers } from "./paper.store";

export interface PaperEdgeData {
  node: PaperRecord;
  /** Full-text relevance; null outside a search. */
  score: number | null;
}

export interface PaperListArgs extends PageArgs, WindowArgs {
  search?: string | null;
  venueId?: string | null;
}

export class PaperService {
  constructor(
    private readonly db: Database,
    private readonly loaders: PaperLoaders & VenueLoaders,
  ) {}

  byId(id: string): Promise<PaperRecord | null> {
    return this.loaders.paperById.load(id);
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
    const ordering = query === null ? "year" : listOrder("relevance", "papers", query);
    const after = decodeCursor(args.after, ordering);
    const filter = { ...window, query, venueId: args.venueId ?? null };
    const [rows, venue] = await Promise.all([
      listPapers(this.db, {
        ...filter,
        afterKey: (after?.[0] as number) ?? null,
        afterId: (after?.[1] as string) ?? null,
        limit: first + 1,
      }),
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

  /** Venue.papers: the venue's papers newest first, optionally of one year. */
  async ofVenue(venueId: string, args: PageArgs & { year?: number | null }): Promise<PageData<PaperEdgeData & { cursor: string }>> {
    const first = pageSize(args.first);
    const year = args.year ?? null;
    const after = decodeCursor(args.after, "year");
    const rows = await this.loaders.venuePapers.load({
      ownerId: venueId,
      args: { year, afterYear: (after?.[0] as number) ?? null, afterId: (after?.[1] as string) ?? null, limit: first + 1 },
    });
    for (const row of rows) this.loaders.paperById.prime(row.paper.id, row.paper);
    return toPage(
      rows,
      { first, after: args.after },
      "year",
      (row) => [row.sortYear, row.paper.id],
      (row) => ({ node: row.paper, score: null }),
      () => this.loaders.venuePaperCount.load({ ownerId: venueId, args: { year } }),
    );
  }
}
