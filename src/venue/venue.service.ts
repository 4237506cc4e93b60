import type { Database } from "../db/database";
import { PageArgs, pageSize } from "../kernel/argument-rules";
import { decodeCursor, listOrder } from "../kernel/cursor";
import { PageData, toPage } from "../kernel/page";
import { optionalLuceneQuery } from "../kernel/search-text";
import type { VenueLoaders } from "./venue.loaders";
import { VenueRecord } from "./venue.record";
import { countVenues, countVenueSearch, listVenues, searchVenues } from "./venue.store";

export interface VenueEdgeData {
  node: VenueRecord;
  score: number | null;
}

export class VenueService {
  constructor(
    private readonly db: Database,
    private readonly loaders: VenueLoaders,
  ) {}

  byId(id: string): Promise<VenueRecord | null> {
    return this.loaders.venueById.load(id);
  }

  /** With `search`: full-text "venueNames" (name, acronym) by relevance; without: alphabetical. */
  async list(args: PageArgs & { search?: string | null }): Promise<PageData<VenueEdgeData & { cursor: string }>> {
    const query = optionalLuceneQuery(args.search);
    const first = pageSize(args.first);
    const ordering = query === null ? "name" : listOrder("relevance", "venues", query);
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
}
