import type DataLoader from "dataloader";
import type { Database } from "../db/database";
import { byIdLoader } from "../kernel/grouped-loader";
import { NodeRecord, readNodesByIds } from "./node.store";

/** Per-request DataLoaders of node(id)/nodes(ids) (see src/api/loaders.ts for the rules every loader follows). */
export interface NodeLoaders {
  nodeById: DataLoader<string, NodeRecord | null>;
}

export function createNodeLoaders(db: Database): NodeLoaders {
  return { nodeById: byIdLoader((ids) => readNodesByIds(db, ids)) };
}
