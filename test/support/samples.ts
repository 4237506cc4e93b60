import { readdirSync } from "node:fs";
import { importFiles } from "../../import/import-runner";
import { loadConfig } from "../../src/config";
import type { Database } from "../../src/db/database";
import { startHttpServer, type RunningHttpServer } from "../../src/api/http";
import { fromRoot } from "../../src/util/project-root";
import { clearGraph, testDatabase } from "./neo4j";

/** The graph `npm start` serves: every file of import/samples/, imported into the wiped test database. */
export async function sampleGraph(): Promise<Database> {
  const db = await testDatabase();
  await clearGraph(db);
  const dir = fromRoot("import", "samples");
  const files = readdirSync(dir)
    .filter((name) => !name.endsWith(".md"))
    .map((name) => `${dir}/${name}`);
  await importFiles(db, files);
  return db;
}

export async function startTestServer(db: Database, env: NodeJS.ProcessEnv = {}): Promise<RunningHttpServer> {
  const config = { ...loadConfig(env), corsOrigins: "*" as const, production: false };
  return startHttpServer({ db, config, port: 0, host: "127.0.0.1" });
}

/** One GraphQL request over HTTP, as a browser would send it; fails on errors. */
export async function queryApi<T = any>(serverUrl: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${serverUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}
