import type { Database } from "../../src/db/database";

export interface StatementCounter {
  /** Statements sent since the counter was installed. */
  readonly count: number;
  stop(): void;
}

/**
 * Counts every statement `db` and its per-request views send from now on (one Bolt round trip
 * each), through the Database's statement hook. For N+1 tests and "refused before Neo4j" checks.
 */
export function countStatements(db: Database): StatementCounter {
  let count = 0;
  const stop = db.observe(() => {
    count += 1;
  });
  return {
    get count() {
      return count;
    },
    stop,
  };
}
