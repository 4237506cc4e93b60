import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { homeLayout } from "../../src/db/local/home-layout";
import { BulkImportRefused, withOfflineStore } from "../../src/db/offline-store";
import { localConfig, localEnv, localNeo4jUnavailable, removeHome, tempHome } from "./local-neo4j-helpers";

/** The store folders neo4j-admin writes for the database "neo4j". */
function storeDirs(home: string): string[] {
  const { dataDir } = homeLayout(home);
  return [path.join(dataDir, "databases", "neo4j"), path.join(dataDir, "transactions", "neo4j")];
}

describe("the offline store of a bulk load", () => {
  it("refuses COAUTHOR_GRAPH_NEO4J_VIA=docker before touching the home or running the load", async () => {
    const home = tempHome("offline-docker");
    const env: NodeJS.ProcessEnv = { ...localEnv(home), COAUTHOR_GRAPH_NEO4J_VIA: "docker" };
    let ran = false;
    try {
      await assert.rejects(
        withOfflineStore({ config: localConfig(env), env, log: () => undefined }, async () => {
          ran = true;
        }),
        (error: Error) =>
          error instanceof BulkImportRefused &&
          /COAUTHOR_GRAPH_NEO4J_VIA=docker/.test(error.message) &&
          /without --bulk/.test(error.message),
      );
      assert.equal(ran, false);
      assert.equal(existsSync(homeLayout(home).neo4jHome), false, "nothing was created in the home");
    } finally {
      removeHome(home);
    }
  });

  it("serves the loaded store once, and removes it again when the load fails afterwards", { skip: localNeo4jUnavailable() }, async () => {
    const home = tempHome("offline-fail");
    const env = localEnv(home);
    const nodes = path.join(home, "probe.csv");
    writeFileSync(nodes, "id:ID,name\np1,first\np2,second\n");
    const logged: string[] = [];
    let seen = -1;
    try {
      await assert.rejects(
        withOfflineStore({ config: localConfig(env), env, log: (m) => logged.push(m) }, async (store) => {
          await store.adminImport({
            nodes: [{ label: "Probe", file: nodes }],
            relationships: [],
            arrayDelimiter: ";",
            multiline: false,
            reportFile: path.join(home, "import.report"),
          });
          assert.equal(existsSync(storeDirs(home)[0]), true, "neo4j-admin wrote the store");
          await store.buildSchema(async (db) => {
            seen = (await db.read("MATCH (n:Probe) RETURN count(n) AS n"))[0].get("n") as number;
          });
          throw new Error("a failure after the load");
        }),
        /a failure after the load/,
      );
      assert.equal(seen, 2, "buildSchema's Database reads the loaded store");
      assert.ok(logged.some((m) => /Creating constraints and indexes/.test(m)));
      for (const dir of storeDirs(home)) assert.equal(existsSync(dir), false, `${dir} was removed`);
      assert.equal(existsSync(homeLayout(home).startLock), false, "the start lock was released");
      assert.equal(existsSync(homeLayout(home).stateFile), false, "no Neo4j is left running for the home");
    } finally {
      removeHome(home);
    }
  });
});
