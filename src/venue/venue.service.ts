import type { Database } from "../db/database";
import type { PageArgs, PaperEdgeData } from "../author/author.service";
import { pageSize } from "../graphql/argument-rules";
import { decodeCursor } from "../graphql/cursor";
import type { Loaders } from "../graphql/loaders";
import { PageData, toPage } from "../graphql/page";
import { optionalLuceneQuery } from "../graphql/search-text";
import { VenueRecord } from "./venue.record";
import { countVenues, countVenueSearch, listVenues, searchVenues } from "./venue.store";

export interface VenueEdgeData {
  node: VenueRecord;
  score: number | null;
}

export class VenueService {
  constructor(
    private readonly db: Database,
    private readonly loaders: Loaders,
  ) {}

  byId(id: string): Promise<VenueRecord | null> {
    return this.loaders.venueById.load(id);
  }

  /** With `search`: full-text "venueNames" (name, acronym) by relevance; without: alphabetical. */
  async list(args: PageArgs & { search?: string | null }): Promise<PageData<VenueEdgeData & { cursor: string }>> {
    const query = optionalLuceneQuery(args.search);
    const first = pageSize(args.first);
    const ordering = query === null ? "name" : "relevance";
    const after = decodeCursor(args.after, ordering);
    const afterId = (after?.[1] as string) ?? null;
    const hits =
      query === null
        ? await listVenues(this.db, { afterName: (after?.[0] as string) ?? null, afterId, limit: first + 1 })
        : await searchVenues(this.db, { query, afterScore: (after?.[0] as number) ?? null, afterId, limit: first + 1 });
    for (const hit of hits) this.loaders.venueById.prime(hit.venue.id, hit.venue);
    return toPage(
      hits,
      { first, after: args.after },
      ordering,
      (hit) => [hit.sortKey, hit.venue.id],
      (hit) => ({ node: hit.venue, score: query === null ? null : (hit.sortKey as number) }),
      () => (query === null ? countVenues(this.db) : countVenueSearch(this.db, query)),
    );
  }

  /** The venue's papers newest first, optionally of one year. */
  async papers(venueId: string, args: PageArgs & { year?: number | null }): Promise<PageData<PaperEdgeData & { cursor: string }>> {
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
