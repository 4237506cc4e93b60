import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { after, before, describe, it } from "node:test";
import { importFiles } from "../../../import/import-runner";
import { Database } from "../../../src/db/database";
import { fromRoot } from "../../../src/util/project-root";
import { coauthorEdgeMismatches, fullGraphSnapshot } from "../../support/graph-checks";
import { clearGraph, testDatabase, testNeo4jTarget } from "../../support/neo4j";

// One writer at a time, enforced in Neo4j: two imports started together give the sequential graph.

const CLI = fromRoot("dist", "src", "cli", "main.js");

interface Run {
  file: string;
  code: number | null;
  stderr: string;
  endedAt: number;
}

function importCli(file: string, ...flags: string[]): Promise<Run> {
  const target = testNeo4jTarget();
  const env = { ...process.env, NEO4J_URI: target.uri, NEO4J_USER: target.user, NEO4J_PASSWORD: target.password };
  // --no-figures: what is compared is the writers' graph; the figures that import adds at its end (another slot, a
  // timestamp) are tested in test/integration/figures, and the sequential run below imports without them too.
  const child = spawn(process.execPath, [CLI, "import", "--no-figures", ...flags, file], { env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const timer = setTimeout(() => child.kill("SIGKILL"), 600_000);
  return new Promise((resolve) =>
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ file, code, stderr, endedAt: Date.now() });
    }),
  );
}

describe("concurrent imports", { timeout: 1_200_000 }, () => {
  let db: Database;
  const dir = mkdtempSync(path.join(os.tmpdir(), "coauthor-graph-concurrent-"));
  const first = path.join(dir, "lines-1-1500.csl.jsonl");
  const second = path.join(dir, "lines-751-2250.csl.jsonl");

  before(async () => {
    db = await testDatabase();
    await clearGraph(db);
    // Two overlapping slices of the ML anthology: 750 papers in both, and their authors' pairs.
    const lines = gunzipSync(readFileSync(fromRoot("bench", "data", "ml-anthology.csl.jsonl.gz")))
      .toString("utf8")
      .split("\n");
    writeFileSync(first, lines.slice(0, 1500).join("\n") + "\n");
    writeFileSync(second, lines.slice(750, 2250).join("\n") + "\n");
  });

  after(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("two imports started together both succeed, one waits with a message, and the graph is the sequential one", async () => {
    const runs = await Promise.all([importCli(first), importCli(second)]);
    for (const run of runs) assert.equal(run.code, 0, run.stderr);
    const waited = runs.filter((run) => /Another import is writing to this graph .*waiting for it to finish/.test(run.stderr));
    assert.equal(waited.length, 1, runs.map((r) => r.stderr).join("\n---\n"));
    assert.match(waited[0].stderr, /The other import finished; this one starts now/);
    const order = waited[0] === runs[0] ? [second, first] : [first, second];
    assert.deepEqual(await coauthorEdgeMismatches(db), []);
    const together = await fullGraphSnapshot(db);

    await clearGraph(db);
    for (const file of order) assert.ok((await importFiles(db, [file])).ok);
    const sequential = await fullGraphSnapshot(db);
    assert.deepEqual(together, sequential);
  });

  it("--no-wait refuses clearly while another import holds the lock", async () => {
    await db.write(
      "CREATE (:ImportLock {name: 'import', holder: 'other', host: 'elsewhere', pid: 1, since: timestamp(), heartbeatAt: timestamp()})",
    );
    try {
      const run = await importCli(first, "--no-wait");
      assert.equal(run.code, 1);
      assert.match(run.stderr, /Another import is writing to this graph \(pid 1 on elsewhere, for \d+ s\); imports run one at a time/);
    } finally {
      await db.write("MATCH (l:ImportLock) DELETE l");
    }
  });

  it("a lock whose holder stopped renewing it is taken over after the lease", async () => {
    await db.write(
      "CREATE (:ImportLock {name: 'import', holder: 'crashed', host: 'h', pid: 1, since: timestamp() - 600000, heartbeatAt: timestamp() - 120000})",
    );
    const logged: string[] = [];
    const summary = await importFiles(db, [first], { lock: { log: (m) => logged.push(m) } });
    assert.ok(summary.ok);
    assert.ok(
      logged.some((m) => /Took over the import lock/.test(m)),
      logged.join("\n"),
    );
    assert.equal((await db.read("MATCH (l:ImportLock) RETURN l")).length, 0, "released after the import");
  });

  it("a second COAUTHORED_WITH for one pair is refused by the database", async () => {
    const [pair] = await db.read("MATCH (a:Author)-[r:COAUTHORED_WITH]->(b:Author) RETURN a.id AS a, b.id AS b, r.pair AS pair LIMIT 1");
    assert.equal(pair.get("pair"), `${pair.get("a")}|${pair.get("b")}`);
    await assert.rejects(
      db.write("MATCH (a:Author {id: $a}), (b:Author {id: $b}) CREATE (a)-[:COAUTHORED_WITH {pair: $a + '|' + $b, papers: 1}]->(b)", {
        a: pair.get("a") as string,
        b: pair.get("b") as string,
      }),
    );
  });
});
