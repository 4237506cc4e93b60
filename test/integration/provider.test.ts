import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { loadConfig } from "../../src/config";
import { Database } from "../../src/db/database";
import { homeLayout } from "../../src/db/local/home-layout";
import { isProcessAlive, waitForExit } from "../../src/db/local/process-probe";
import { readState } from "../../src/db/local/server-state";
import { Neo4jSetupError, openDatabase, provideNeo4j, ProvidedNeo4j } from "../../src/db/neo4j-provider";
import { applySchema, readSchemaStatements } from "../../src/db/schema-setup";
import { toLuceneQuery } from "../../src/kernel/search-text";
import { clearGraph, testDatabase, testNeo4jTarget } from "../support/neo4j";
import { localConfig, localEnv, localNeo4jUnavailable, OwnerChild, removeHome, spawnOwnerChild, tempHome } from "./local-neo4j-helpers";

const COUNT_MARKERS = "MATCH (m:ProviderTestMarker) RETURN m.home AS home";
const CREATE_MARKER = "CREATE (:ProviderTestMarker {home: $home})";
const INDEX_STATE = "SHOW INDEXES YIELD name, type, state WHERE name = $name RETURN type, state";
const CREATE_AUTHOR = "CREATE (:Author {id: $id, name: $name, aliases: $aliases})";
const SEARCH_AUTHORS = "CALL db.index.fulltext.queryNodes('authorNames', $query) YIELD node RETURN node.id AS id";

describe("provideNeo4j: NEO4J_URI comes first", () => {
  it("passes a neo4j+s:// routing URI through untouched, without starting anything", async () => {
    const home = tempHome("env");
    try {
      const config = loadConfig({ NEO4J_URI: "neo4j+s://abc123.databases.neo4j.io", NEO4J_PASSWORD: "secret", COAUTHOR_GRAPH_HOME: home });
      const neo4j = await provideNeo4j({ config, env: { COAUTHOR_GRAPH_JAVA: "/nonexistent" } });
      assert.equal(neo4j.via, "env");
      assert.equal(neo4j.owned, false);
      assert.deepEqual(neo4j.target, { uri: "neo4j+s://abc123.databases.neo4j.io", user: "neo4j", password: "secret", database: "neo4j" });
      assert.equal(existsSync(homeLayout(home).stateFile), false);
    } finally {
      removeHome(home);
    }
  });

  it("connects to the server NEO4J_URI names and applies the schema", async () => {
    const target = testNeo4jTarget();
    const config = loadConfig({
      NEO4J_URI: target.uri,
      NEO4J_USER: target.user,
      NEO4J_PASSWORD: target.password,
      NEO4J_DATABASE: target.database,
    });
    const session = await openDatabase({ config });
    try {
      assert.equal(session.neo4j.via, "env");
      const [record] = await session.db.read("RETURN 1 AS one");
      assert.equal(record.get("one"), 1);
    } finally {
      await session.close();
    }
  });
});

describe("provideNeo4j: nothing available", () => {
  it("names the three options when there is no NEO4J_URI, no Docker and no Java", async () => {
    const home = tempHome("none");
    try {
      const env = { PATH: "/nonexistent-bin", COAUTHOR_GRAPH_JAVA: "/nonexistent/java", DOCKER_HOST: "unix:///nonexistent/docker.sock" };
      const config = loadConfig({ COAUTHOR_GRAPH_HOME: home });
      await assert.rejects(provideNeo4j({ config, env }), (error: Error) => {
        assert.ok(error instanceof Neo4jSetupError, `expected Neo4jSetupError, got ${error.name}`);
        assert.match(error.message, /three options/);
        assert.match(error.message, /NEO4J_URI/);
        assert.match(error.message, /Docker/);
        assert.match(error.message, /JDK 17 or 21 and Apache Maven/);
        assert.match(error.message, /\/nonexistent\/java/);
        return true;
      });
    } finally {
      removeHome(home);
    }
  });
});

describe("applySchema", () => {
  let db: Database;
  before(async () => {
    db = await testDatabase();
    await clearGraph(db);
  });
  after(async () => {
    await clearGraph(db);
    await db.close();
  });

  it("applies twice without error and leaves every index online", async () => {
    const first = await applySchema(db);
    const second = await applySchema(db);
    const expected = readSchemaStatements().length;
    assert.ok(expected >= 11, `expected the constraints and indexes of schema/neo4j, found ${expected} statements`);
    assert.equal(first.statements, expected);
    assert.equal(second.statements, expected);
    const [record] = await db.read(INDEX_STATE, { name: "authorNames" });
    assert.equal(record.get("type"), "FULLTEXT");
    assert.equal(record.get("state"), "ONLINE");
  });

  it("makes the full-text index find authors by a word that only occurs in their aliases list", async () => {
    await db.write(CREATE_AUTHOR, { id: "t:1", name: "Ann Other", aliases: ["Zorblax Quennington", "A. Other"] });
    await db.write(CREATE_AUTHOR, { id: "t:2", name: "Wei Xiong", aliases: [] });
    await db.read("CALL db.awaitIndexes(60)");
    // Full-text indexes are eventually consistent; a refresh is normally done within a second.
    const deadline = Date.now() + 10_000;
    let ids: string[] = [];
    while (Date.now() < deadline) {
      ids = (await db.read(SEARCH_AUTHORS, { query: "quennington" })).map((r) => r.get("id"));
      if (ids.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.deepEqual(ids, ["t:1"]);
  });

  it("folds diacritics (Núñez, nunez), and makes again a full-text index made with the analyzer it had before", async () => {
    // The index as the schema made it before: the default analyzer, which keeps "núñez" and "nunez" apart.
    await db.write("DROP INDEX authorNames IF EXISTS");
    await db.write("CREATE FULLTEXT INDEX authorNames FOR (a:Author) ON EACH [a.name, a.aliases]");
    const lines: string[] = [];
    await applySchema(db, { log: (line) => lines.push(line) });
    assert.ok(
      lines.some((line) => /authorNames was made with the standard-no-stop-words analyzer/.test(line)),
      lines.join("\n"),
    );
    const [index] = await db.read(
      "SHOW FULLTEXT INDEXES YIELD name, options WHERE name = 'authorNames' RETURN options.indexConfig['fulltext.analyzer'] AS analyzer",
    );
    assert.equal(index.get("analyzer"), "standard-folding");
    await db.write(CREATE_AUTHOR, { id: "t:3", name: "José Núñez", aliases: [] });
    await db.read("CALL db.awaitIndexes(60)");
    const deadline = Date.now() + 10_000;
    let ids: string[] = [];
    while (Date.now() < deadline) {
      ids = (await db.read(SEARCH_AUTHORS, { query: toLuceneQuery("jose nunez") })).map((r) => r.get("id"));
      if (ids.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.deepEqual(ids, ["t:3"]);
    for (const typed of ["José Núñez", "JOSE NUÑ", "jose nu"])
      assert.deepEqual(
        (await db.read(SEARCH_AUTHORS, { query: toLuceneQuery(typed) })).map((r) => r.get("id")),
        ["t:3"],
        typed,
      );
  });
});

describe("local Neo4j", { skip: localNeo4jUnavailable() }, () => {
  const homeA = tempHome("home-a");
  const homeB = tempHome("home-b");
  const envA = localEnv(homeA);
  const envB = localEnv(homeB);
  const provided: ProvidedNeo4j[] = [];
  let owner: OwnerChild | undefined;

  after(async () => {
    for (const neo4j of provided) await neo4j.stop();
    if (owner && owner.child.exitCode === null) owner.child.kill("SIGKILL");
    if (owner) await waitForExit(owner.javaPid, 30_000);
    removeHome(homeA);
    removeHome(homeB);
  });

  it("starts one server when two callers provide at once on the same home; the second joins it", async () => {
    // Home B starts meanwhile in its own process, to save wall-clock time.
    const ownerStarting = spawnOwnerChild(envB);
    const both = await Promise.all([0, 1].map(() => provideNeo4j({ config: localConfig(envA), env: envA })));
    provided.push(...both);
    owner = await ownerStarting;
    assert.equal(both[0].target.uri, both[1].target.uri);
    assert.deepEqual(both.map((n) => n.owned).sort(), [false, true]);
    assert.deepEqual(
      both.map((n) => n.via),
      ["local", "local"],
    );
    const later = await provideNeo4j({ config: localConfig(envA), env: envA });
    assert.equal(later.owned, false);
    assert.equal(later.target.uri, both[0].target.uri);
  });

  it("runs two homes side by side, on different ports with different data", async () => {
    const a = provided[0].target;
    assert.ok(owner);
    assert.notEqual(owner.uri, a.uri);
    const dbA = await Database.connect(a);
    const dbB = await Database.connect({ ...a, uri: owner.uri });
    try {
      await dbA.write(CREATE_MARKER, { home: "A" });
      assert.deepEqual(
        (await dbA.read(COUNT_MARKERS)).map((r) => r.get("home")),
        ["A"],
      );
      assert.deepEqual(await dbB.read(COUNT_MARKERS), []);
    } finally {
      await dbA.close();
      await dbB.close();
    }
  });

  it("lets another process join a server it does not own (same URI, owned=false)", async () => {
    assert.ok(owner);
    const joined = await provideNeo4j({ config: localConfig(envB), env: envB });
    assert.equal(joined.owned, false);
    assert.equal(joined.target.uri, owner.uri);
    await joined.stop(); // a no-op for a non-owner
    assert.ok(isProcessAlive(owner.javaPid));
  });

  it("stops Java when its owning process is SIGKILLed", async () => {
    assert.ok(owner);
    owner.child.kill("SIGKILL");
    assert.ok(await waitForExit(owner.javaPid, 30_000), `java pid ${owner.javaPid} still runs 30 s after its owner was killed`);
    assert.equal(readState(homeLayout(homeB)), undefined, "the launcher clears the state file as it shuts down");
  });

  it("stop() of the owner shuts the server down cleanly and clears its state", async () => {
    const javaPid = readState(homeLayout(homeA))?.pid;
    assert.ok(javaPid && isProcessAlive(javaPid));
    const ownerOfA = provided.find((n) => n.owned)!;
    await ownerOfA.stop();
    assert.equal(isProcessAlive(javaPid), false);
    assert.equal(readState(homeLayout(homeA)), undefined);
  });
});
