import type DataLoader from "dataloader";
import type { Database } from "../db/database";
import { byIdLoader } from "../kernel/grouped-loader";
import type { VenueRecord } from "./venue.record";
import { readVenuesByIds } from "./venue.store";

/** Per-request DataLoaders of the venue domain (see src/api/loaders.ts for the rules every loader follows). */
export interface VenueLoaders {
  venueById: DataLoader<string, VenueRecord | null>;
}

export function createVenueLoaders(db: Database): VenueLoaders {
  return { venueById: byIdLoader((ids) => readVenuesByIds(db, ids)) };
}
