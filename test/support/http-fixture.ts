import { after, before } from "node:test";
import { importFiles } from "../../import/import-runner";
import { startHttpServer, type RunningHttpServer } from "../../src/api/http";
import { loadConfig, type Config } from "../../src/config";
import type { Database } from "../../src/db/database";
import { clearGraph, testDatabase } from "./neo4j";

/**
 * The set-up of the tests that talk to the real HTTP server (not the in-process API of api.ts): a test database
 * emptied and filled from `files` once for the file, and `serve`'s HTTP server over it on a free local port, with the
 * configuration the test asks for. Closed again after the last test.
 */
export interface HttpFixture {
  readonly db: Database;
  readonly server: RunningHttpServer;
}

/** The test's configuration, from the defaults (`loadConfig({})`). */
export type Configure = (defaults: Config) => Config;

/** A further server over the same database, for a test that needs other limits; the test closes it. */
export function startTestServer(db: Database, configure: Configure): Promise<RunningHttpServer> {
  return startHttpServer({ db, config: configure(loadConfig({})), port: 0, host: "127.0.0.1" });
}

/** Registers the file's before/after hooks. Call at the top of a describe; the accessors work inside its tests. */
export function useSeededHttpServer(files: string[], configure: Configure): HttpFixture {
  let db: Database | undefined;
  let server: RunningHttpServer | undefined;

  before(async () => {
    db = await testDatabase();
    await clearGraph(db);
    await importFiles(db, files);
    server = await startTestServer(db, configure);
  });

  after(async () => {
    try {
      await server?.close();
    } finally {
      await db?.close();
    }
  });

  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`the HTTP fixture's ${name} is used before its before hook ran (or that hook failed)`);
    return value;
  };
  return {
    get db() {
      return ready(db, "db");
    },
    get server() {
      return ready(server, "server");
    },
  };
}
