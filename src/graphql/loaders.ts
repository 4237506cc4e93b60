import type DataLoader from "dataloader";
import type { Database } from "../db/database";
import type { YearWindow } from "./argument-rules";
import { AuthorRecord } from "../author/author.record";
import {
  AuthorVenueRow,
  AuthorVenuesArgs,
  CoauthorFilter,
  CoauthorPageArgs,
  CoauthorPage,
  countAuthorPapers,
  countCoauthors,
  PapersByYearArgs,
  readAuthorPapers,
  readAuthorsByIds,
  readAuthorsWithCoauthors,
  readAuthorVenues,
  readCoauthors,
} from "../author/author.store";
import { PaperByYearRow, PaperRecord } from "../paper/paper.record";
import { readPaperAuthors, readPapersByIds, readPaperVenues } from "../paper/paper.store";
import { VenueRecord } from "../venue/venue.record";
import { countVenuePapers, readVenuePapers, readVenuesByIds, VenuePapersArgs, VenuePapersFilter } from "../venue/venue.store";
import { byIdLoader, listByIdLoader, OwnedKey, ownedLoader } from "./grouped-loader";
import { NodeRecord, readNodesByIds } from "./node.store";

/**
 * Per-request DataLoaders: every nested field goes through one of these, so a query touching N
 * parents costs one statement per level (per distinct argument set), never N. Each batch is one
 * Cypher round trip and answers in key order. Created fresh for every request (createContext),
 * so caching never outlives a request and never leaks between users.
 */
export interface Loaders {
  authorById: DataLoader<string, AuthorRecord | null>;
  paperById: DataLoader<string, PaperRecord | null>;
  venueById: DataLoader<string, VenueRecord | null>;
  nodeById: DataLoader<string, NodeRecord | null>;
  /** Byline order, each author once. */
  paperAuthors: DataLoader<string, AuthorRecord[]>;
  paperVenue: DataLoader<string, VenueRecord | null>;
  authorPapers: DataLoader<OwnedKey<PapersByYearArgs>, PaperByYearRow[], string>;
  authorPaperCount: DataLoader<OwnedKey<YearWindow>, number, string>;
  authorCoauthors: DataLoader<OwnedKey<CoauthorPageArgs>, CoauthorPage, string>;
  /** An author and one all-time coauthor page in one statement; null for an unknown id. */
  authorWithCoauthors: DataLoader<OwnedKey<CoauthorPageArgs>, { author: AuthorRecord; page: CoauthorPage } | null, string>;
  authorCoauthorCount: DataLoader<OwnedKey<CoauthorFilter>, number, string>;
  authorVenues: DataLoader<OwnedKey<AuthorVenuesArgs>, AuthorVenueRow[], string>;
  venuePapers: DataLoader<OwnedKey<VenuePapersArgs>, PaperByYearRow[], string>;
  venuePaperCount: DataLoader<OwnedKey<VenuePapersFilter>, number, string>;
}

export function createLoaders(db: Database): Loaders {
  const empty = (): never[] => [];
  const zero = () => 0;
  return {
    authorById: byIdLoader((ids) => readAuthorsByIds(db, ids)),
    paperById: byIdLoader((ids) => readPapersByIds(db, ids)),
    venueById: byIdLoader((ids) => readVenuesByIds(db, ids)),
    nodeById: byIdLoader((ids) => readNodesByIds(db, ids)),
    paperAuthors: listByIdLoader((ids) => readPaperAuthors(db, ids)),
    paperVenue: byIdLoader((ids) => readPaperVenues(db, ids)),
    authorPapers: ownedLoader((ids, args) => readAuthorPapers(db, ids, args), empty),
    authorPaperCount: ownedLoader((ids, args) => countAuthorPapers(db, ids, args), zero),
    authorCoauthors: ownedLoader((ids, args) => readCoauthors(db, ids, args), () => ({ rows: [], total: 0 })),
    authorWithCoauthors: ownedLoader((ids, args) => readAuthorsWithCoauthors(db, ids, args), () => null),
    authorCoauthorCount: ownedLoader((ids, args) => countCoauthors(db, ids, args), zero),
    authorVenues: ownedLoader((ids, args) => readAuthorVenues(db, ids, args), empty),
    venuePapers: ownedLoader((ids, args) => readVenuePapers(db, ids, args), empty),
    venuePaperCount: ownedLoader((ids, args) => countVenuePapers(db, ids, args), zero),
  };
}
