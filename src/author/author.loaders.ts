import type DataLoader from "dataloader";
import type { Database } from "../db/database";
import type { YearWindow } from "../kernel/argument-rules";
import { byIdLoader, listByIdLoader, OwnedKey, ownedLoader } from "../kernel/grouped-loader";
import type { PaperByYearRow } from "../paper/paper.record";
import type { AuthorRecord } from "./author.record";
import { readWeightedCoauthors, type WeightedCoauthorPage, type WeightedCoauthorPageArgs } from "./coauthor-ties.store";
import {
  AuthorVenueRow,
  AuthorVenuesArgs,
  CoauthorFilter,
  CoauthorPage,
  CoauthorPageArgs,
  countAuthorPapers,
  countCoauthors,
  PapersByYearArgs,
  readAuthorPapers,
  readAuthorsByIds,
  readAuthorsWithCoauthors,
  readAuthorVenues,
  readCoauthors,
  readPaperAuthors,
} from "./author.store";

/** Per-request DataLoaders of the author domain (see src/api/loaders.ts for the rules every loader follows). */
export interface AuthorLoaders {
  authorById: DataLoader<string, AuthorRecord | null>;
  /** Byline order, each author once. */
  paperAuthors: DataLoader<string, AuthorRecord[]>;
  authorPapers: DataLoader<OwnedKey<PapersByYearArgs>, PaperByYearRow[], string>;
  authorPaperCount: DataLoader<OwnedKey<YearWindow>, number, string>;
  authorCoauthors: DataLoader<OwnedKey<CoauthorPageArgs>, CoauthorPage, string>;
  /** An author and one all-time coauthor page in one statement; null for an unknown id. */
  authorWithCoauthors: DataLoader<OwnedKey<CoauthorPageArgs>, { author: AuthorRecord; page: CoauthorPage } | null, string>;
  authorCoauthorCount: DataLoader<OwnedKey<CoauthorFilter>, number, string>;
  authorVenues: DataLoader<OwnedKey<AuthorVenuesArgs>, AuthorVenueRow[], string>;
  /** Coauthor pages under a tie strength scheme or a byline cap (coauthor-ties.cypher.ts). */
  authorWeightedCoauthors: DataLoader<OwnedKey<WeightedCoauthorPageArgs>, WeightedCoauthorPage, string>;
}

export function createAuthorLoaders(db: Database): AuthorLoaders {
  return {
    authorById: byIdLoader((ids) => readAuthorsByIds(db, ids)),
    paperAuthors: listByIdLoader((ids) => readPaperAuthors(db, ids)),
    authorPapers: ownedLoader(
      (ids, args) => readAuthorPapers(db, ids, args),
      () => [],
    ),
    authorPaperCount: ownedLoader(
      (ids, args) => countAuthorPapers(db, ids, args),
      () => 0,
    ),
    authorCoauthors: ownedLoader(
      (ids, args) => readCoauthors(db, ids, args),
      () => ({ rows: [], total: 0 }),
    ),
    authorWithCoauthors: ownedLoader(
      (ids, args) => readAuthorsWithCoauthors(db, ids, args),
      () => null,
    ),
    authorCoauthorCount: ownedLoader(
      (ids, args) => countCoauthors(db, ids, args),
      () => 0,
    ),
    authorVenues: ownedLoader(
      (ids, args) => readAuthorVenues(db, ids, args),
      () => [],
    ),
    authorWeightedCoauthors: ownedLoader(
      (ids, args) => readWeightedCoauthors(db, ids, args),
      () => ({ rows: [], total: 0 }),
    ),
  };
}
