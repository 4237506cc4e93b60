import type { Database } from "../db/database";
import { AuthorLoaders, createAuthorLoaders } from "../author/author.loaders";
import { createNodeLoaders, NodeLoaders } from "../node/node.loaders";
import { createPaperLoaders, PaperLoaders } from "../paper/paper.loaders";
import { createVenueLoaders, VenueLoaders } from "../venue/venue.loaders";

/**
 * Per-request DataLoaders: every nested field goes through one of these, so a query touching N
 * parents costs one statement per level (per distinct argument set), never N. Each batch is one
 * Cypher round trip and answers in key order. Each domain declares its own (`<domain>.loaders.ts`);
 * this root puts them together, fresh for every request (createContext), so caching never
 * outlives a request and never leaks between users.
 */
export type Loaders = VenueLoaders & PaperLoaders & AuthorLoaders & NodeLoaders;

export function createLoaders(db: Database): Loaders {
  return { ...createVenueLoaders(db), ...createPaperLoaders(db), ...createAuthorLoaders(db), ...createNodeLoaders(db) };
}
