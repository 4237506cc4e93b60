import type { Database } from "../../src/db/database";
import { READ_GRAPH_VERSION } from "../../src/db/graph-version";

export interface StatementCounter {
  /** Statements sent since the counter was installed. */
  readonly count: number;
  stop(): void;
}

/**
 * Counts every statement `db` and its per-request views send from now on (one Bolt round trip
 * each), through the Database's statement hook. For N+1 tests and "refused before Neo4j" checks.
 */
export function countStatements(db: Database, options: { versionRead?: boolean } = {}): StatementCounter {
  let count = 0;
  // Every request reads the graph version once for extensions.snapshotId, whatever it asks: left out of the count
  // (unless asked for), so that the counts say what the request's own fields cost.
  const stop = db.observe((event) => {
    if (!options.versionRead && event.cypher === READ_GRAPH_VERSION) return;
    count += 1;
  });
  return {
    get count() {
      return count;
    },
    stop,
  };
}
