import { after, before } from "node:test";
import type { Database } from "../../src/db/database";
import { createTestApi, TestApi, TestApiOptions } from "./graphql";
import { clearGraph, testDatabase } from "./neo4j";
import { loadSampleGraph } from "./sample-graph";
import { countStatements, StatementCounter } from "./statements";

/**
 * The set-up most API tests share: a test database emptied and filled once for the file, the
 * in-process API over it, and a counter of the statements sent from the start (so "refused before
 * Neo4j" checks compare counts). Call at the top of a test file; the accessors are usable inside
 * tests and hooks, once the file's `before` hook ran.
 */
export interface ApiFixture {
  readonly db: Database;
  readonly api: TestApi;
  readonly statements: StatementCounter;
}

export interface ApiFixtureOptions extends TestApiOptions {
  /** Fills the emptied graph before the API starts. */
  load?: (db: Database) => Promise<void>;
}

/** Registers the file's before/after hooks: empty graph, `load`, API; closed again after the last test. */
export function useTestApi(options: ApiFixtureOptions = {}): ApiFixture {
  const { load, ...apiOptions } = options;
  let db: Database | undefined;
  let api: TestApi | undefined;
  let statements: StatementCounter | undefined;

  before(async () => {
    db = await testDatabase();
    statements = countStatements(db);
    await clearGraph(db);
    await load?.(db);
    api = await createTestApi(db, apiOptions);
  });

  after(async () => {
    // The database is closed even when stopping the API fails; that failure is still reported.
    try {
      await api?.stop();
    } finally {
      await db?.close();
    }
  });

  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) {
      throw new Error(`the API fixture's ${name} is used before its before hook ran (or that hook failed: see the first error above)`);
    }
    return value;
  };
  return {
    get db() {
      return ready(db, "db");
    },
    get api() {
      return ready(api, "api");
    },
    get statements() {
      return ready(statements, "statements");
    },
  };
}

/**
 * useTestApi over the hand-worked sample graph (test/support/sample-graph.ts); `also` adds to it
 * before the API starts.
 */
export function useSampleApi(options: TestApiOptions & { also?: (db: Database) => Promise<void> } = {}): ApiFixture {
  const { also, ...apiOptions } = options;
  return useTestApi({
    ...apiOptions,
    load: async (db) => {
      await loadSampleGraph(db);
      await also?.(db);
    },
  });
}
