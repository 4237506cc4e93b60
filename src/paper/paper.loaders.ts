import type DataLoader from "dataloader";
import type { Database } from "../db/database";
import { byIdLoader, OwnedKey, ownedLoader } from "../kernel/grouped-loader";
import type { VenueRecord } from "../venue/venue.record";
import type { PaperByYearRow, PaperRecord } from "./paper.record";
import { countVenuePapers, readPaperVenues, readPapersByIds, readVenuePapers, VenuePapersArgs, VenuePapersFilter } from "./paper.store";

/** Per-request DataLoaders of the paper domain (see src/api/loaders.ts for the rules every loader follows). */
export interface PaperLoaders {
  paperById: DataLoader<string, PaperRecord | null>;
  paperVenue: DataLoader<string, VenueRecord | null>;
  venuePapers: DataLoader<OwnedKey<VenuePapersArgs>, PaperByYearRow[], string>;
  venuePaperCount: DataLoader<OwnedKey<VenuePapersFilter>, number, string>;
}

export function createPaperLoaders(db: Database): PaperLoaders {
  return {
    paperById: byIdLoader((ids) => readPapersByIds(db, ids)),
    paperVenue: byIdLoader((ids) => readPaperVenues(db, ids)),
    venuePapers: ownedLoader(
      (ids, args) => readVenuePapers(db, ids, args),
      () => [],
    ),
    venuePaperCount: ownedLoader(
      (ids, args) => countVenuePapers(db, ids, args),
      () => 0,
    ),
  };
}
