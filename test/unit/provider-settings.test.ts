import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { withExclusiveLock } from "../../src/db/local/file-lock";
import { findJava, parseJavaMajor } from "../../src/db/local/java-toolchain";
import { localNeo4jSettings, memorySize, xmxFlag } from "../../src/db/local/settings";
import { Neo4jSetupError } from "../../src/db/local/setup-error";
import { dataVolumeName, probeDocker } from "../../src/db/docker";
import { noNeo4jAvailable } from "../../src/db/neo4j-provider";
import { readSchemaStatements, splitCypherStatements } from "../../src/db/schema-setup";

describe("local Neo4j settings", () => {
  it("reads memory sizes the way people write them", () => {
    assert.equal(memorySize("X", "512m", 1), 512 * 1024 * 1024);
    assert.equal(memorySize("X", "2G", 1), 2 * 1024 ** 3);
    assert.equal(memorySize("X", "1.5g", 1), 1.5 * 1024 ** 3);
    assert.equal(memorySize("X", "4096MB", 1), 4096 * 1024 ** 2);
    assert.equal(xmxFlag(2 * 1024 ** 3), "-Xmx2048m");
    assert.throws(() => memorySize("COAUTHOR_GRAPH_NEO4J_HEAP", "lots", 1), /COAUTHOR_GRAPH_NEO4J_HEAP=lots is not a usable memory size/);
    assert.throws(() => memorySize("X", "1m", 128 * 1024 * 1024), Neo4jSetupError);
  });

  it("defaults to 2g heap, 1g page cache and a 5.26 version, and rejects other versions", () => {
    const settings = localNeo4jSettings({});
    assert.equal(settings.heapText, "2g");
    assert.equal(settings.pageCacheText, "1g");
    assert.match(settings.version, /^5\.26\.\d+$/);
    assert.equal(settings.route, "auto");
    assert.throws(() => localNeo4jSettings({ COAUTHOR_GRAPH_NEO4J_VERSION: "2025.01.0" }), /not a Neo4j 5\.26/);
    assert.throws(() => localNeo4jSettings({ COAUTHOR_GRAPH_NEO4J_VIA: "kubernetes" }), /auto, docker, local/);
  });

  it("parses java -version lines", () => {
    assert.equal(parseJavaMajor('openjdk version "17.0.15" 2025-04-15'), 17);
    assert.equal(parseJavaMajor('openjdk version "21" 2023-09-19'), 21);
    assert.equal(parseJavaMajor('java version "1.8.0_202"'), 8);
    assert.equal(parseJavaMajor("garbage"), undefined);
  });

  it("reports a missing java without throwing", () => {
    const found = findJava({ COAUTHOR_GRAPH_JAVA: "/nonexistent/java", PATH: "" });
    assert.equal(found.ok, false);
    assert.match(!found.ok ? found.problem : "", /COAUTHOR_GRAPH_JAVA: \/nonexistent\/java/);
  });

  it("names all three options when nothing can provide Neo4j", () => {
    const message = noNeo4jAvailable({ reachable: false, endpoint: "unix:///var/run/docker.sock", problem: "ENOENT" }, "no java").message;
    assert.match(message, /1\. NEO4J_URI/);
    assert.match(message, /2\. Docker/);
    assert.match(message, /3\. Local Neo4j: install a JDK 17 or 21 and Apache Maven/);
  });
});

describe("schema file splitting", () => {
  it("splits on ; at line ends and skips // comment lines", () => {
    const text =
      "// heading\nCREATE INDEX a IF NOT EXISTS\n  FOR (n:A) ON (n.x);\n\n// next\nCREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.y);\nRETURN 'a;b'";
    assert.deepEqual(splitCypherStatements(text), [
      "CREATE INDEX a IF NOT EXISTS\n  FOR (n:A) ON (n.x)",
      "CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.y)",
      "RETURN 'a;b'",
    ]);
  });

  it("reads schema/neo4j in file-name order, constraints before the full-text indexes", () => {
    const statements = readSchemaStatements();
    const files = statements.map((s) => s.file);
    assert.deepEqual(files, [...files].sort());
    assert.ok(statements.some((s) => /FULLTEXT INDEX authorNames/.test(s.cypher)));
    assert.ok(
      statements.every((s) => /IF NOT EXISTS/.test(s.cypher)),
      "every schema statement must be idempotent",
    );
  });
});

describe("exclusive lock file", () => {
  it("serialises holders in one process and takes over a lock left by a dead process", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "coauthor-graph-lock-"));
    const lock = path.join(dir, "x.lock");
    try {
      const order: string[] = [];
      const hold = (name: string) =>
        withExclusiveLock(lock, { timeoutMs: 5_000, purpose: "test" }, async () => {
          order.push(`${name}+`);
          await new Promise((resolve) => setTimeout(resolve, 50));
          order.push(`${name}-`);
        });
      await Promise.all([hold("a"), hold("b")]);
      assert.deepEqual(
        order.map((o) => o[1]),
        ["+", "-", "+", "-"],
      );

      writeFileSync(lock, "999999999 0 stale"); // no such pid
      assert.equal(await withExclusiveLock(lock, { timeoutMs: 2_000, purpose: "test" }, async () => "taken over"), "taken over");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("Docker probe", () => {
  it("answers within a couple of seconds, yes for an engine that pings back, no for a missing socket", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "coauthor-graph-docker-"));
    const socketPath = path.join(dir, "docker.sock");
    const fakeEngine = http.createServer((req, res) => res.writeHead(req.url === "/_ping" ? 200 : 404).end("OK"));
    await new Promise<void>((resolve) => fakeEngine.listen(socketPath, resolve));
    try {
      const up = await probeDocker({ DOCKER_HOST: `unix://${socketPath}` });
      assert.equal(up.reachable, true);
      const started = Date.now();
      const down = await probeDocker({ DOCKER_HOST: `unix://${path.join(dir, "missing.sock")}` });
      assert.equal(down.reachable, false);
      assert.ok(Date.now() - started < 3_000);
    } finally {
      fakeEngine.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("gives every home its own data volume", () => {
    assert.notEqual(dataVolumeName("/home/a/.local/share/coauthor-graph"), dataVolumeName("/tmp/other"));
    assert.match(dataVolumeName("/x"), /^coauthor-graph-[0-9a-f]{12}$/);
  });
});
