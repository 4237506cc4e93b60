import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { after, before, describe, it } from "node:test";
import { Database } from "../../src/db/database";
import { fromRoot } from "../../src/util/project-root";
import { clearGraph, testDatabase, testNeo4jTarget } from "../support/neo4j";

// `coauthor-graph import DIR`: every file of a known format under DIR (recursively, .gz included), the rest listed as skipped.

function importCli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const target = testNeo4jTarget();
  const env = { ...process.env, NEO4J_URI: target.uri, NEO4J_USER: target.user, NEO4J_PASSWORD: target.password };
  const child = spawn(process.execPath, [fromRoot("dist", "src", "cli", "main.js"), "import", ...args], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const timer = setTimeout(() => child.kill("SIGKILL"), 300_000);
  return new Promise((resolve) =>
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

describe("import DIR", { timeout: 400_000 }, () => {
  let db: Database;
  const dir = mkdtempSync(path.join(os.tmpdir(), "coauthor-graph-folder-"));

  before(async () => {
    db = await testDatabase();
    await clearGraph(db);
    copyFileSync(fromRoot("test", "fixtures", "acl-author-page", "acl-author-page-wei-xiong.txt"), path.join(dir, "wei-xiong.txt"));
    mkdirSync(path.join(dir, "more", "deeper"), { recursive: true });
    const bib = readFileSync(fromRoot("import", "samples", "nlp-project-anthology.bib"));
    writeFileSync(path.join(dir, "more", "deeper", "anthology.bib.gz"), gzipSync(bib));
    writeFileSync(path.join(dir, "README.md"), "# Notes\n\nThese files came from the ACL Anthology.\n");
    writeFileSync(path.join(dir, "more", "notes.txt"), "nothing to see here\n");
    writeFileSync(path.join(dir, ".DS_Store"), "x");
  });

  after(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("imports the data files recursively (.gz included) and lists what it skipped and why", async () => {
    const result = await importCli(dir);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /Skipped 3 file\(s\)/);
    assert.match(result.stderr, new RegExp(`${path.join(dir, ".DS_Store").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: hidden`));
    assert.match(result.stderr, /README\.md: not a known format \(its first bytes look like none of the supported formats\)/);
    assert.match(result.stderr, /notes\.txt: not a known format/);
    assert.match(result.stdout, /wei-xiong\.txt/);
    assert.match(result.stdout, /anthology\.bib\.gz/);
    const [row] = await db.read("MATCH (r:ImportRun) RETURN count(r) AS runs");
    assert.equal(Number(row.get("runs")), 2);
  });

  it("a folder with nothing importable fails and says so", async () => {
    const empty = path.join(dir, "empty");
    mkdirSync(empty);
    writeFileSync(path.join(empty, "README.md"), "# nothing\n");
    const result = await importCli(empty);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /Nothing to import in .*no file of a known format/);
  });
});
