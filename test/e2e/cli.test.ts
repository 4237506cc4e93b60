import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createReadStream } from "node:fs";
import { after, before, describe, it } from "node:test";
import { Database } from "../../src/db/database";
import { fromRoot } from "../../src/util/project-root";
import { localEnv, localNeo4jUnavailable, removeHome, tempHome } from "../integration/local-neo4j-helpers";
import { clearGraph, testDatabase, testNeo4jTarget } from "../support/neo4j";

const CLI = fromRoot("dist", "src", "cli", "main.js");
const fixture = (...p: string[]) => fromRoot("test", "fixtures", ...p);

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a child process against the test Neo4j (through NEO4J_URI, the first route of the provider). */
function runCli(args: string[], stdinFile?: string): Promise<CliResult> {
  const target = testNeo4jTarget();
  const env = {
    ...process.env,
    NEO4J_URI: target.uri,
    NEO4J_USER: target.user,
    NEO4J_PASSWORD: target.password,
    NEO4J_DATABASE: target.database,
  };
  return runCliWith(env, args, stdinFile);
}

const CLI_LIMIT_MS = 300_000;

function runCliWith(env: NodeJS.ProcessEnv, args: string[], stdinFile?: string): Promise<CliResult> {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: [stdinFile ? "pipe" : "ignore", "pipe", "pipe"] });
  if (stdinFile && child.stdin) createReadStream(stdinFile).pipe(child.stdin);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    // A bulk load starts and stops a Neo4j of its own (a minute or two on a busy machine). Past the limit: SIGTERM
    // first, so that the CLI stops the Neo4j it started, and SIGKILL only if it does not exit.
    let kill: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      kill = setTimeout(() => child.kill("SIGKILL"), 30_000);
      reject(new Error(`coauthor-graph ${args.join(" ")} did not finish in ${CLI_LIMIT_MS / 1000} s\n${stdout}\n${stderr}`));
    }, CLI_LIMIT_MS);
    child.on("close", (code) => {
      clearTimeout(timer);
      clearTimeout(kill);
      resolve({ code, stdout, stderr });
    });
  });
}

async function stats(): Promise<{ papers: number; authors: number; venues: number; importRuns: Array<{ status: string }> }> {
  const result = await runCli(["stats", "--json"]);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout);
}

describe("the coauthor-graph command line", () => {
  let db: Database;
  before(async () => {
    db = await testDatabase();
    await clearGraph(db);
  });
  after(async () => db?.close());

  it("imports a file, prints the summary, and `stats` reports the graph", async () => {
    const result = await runCli(["import", fixture("acl-author-page", "acl-author-page-wei-xiong.txt")]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /records read:\s+5/);
    assert.match(result.stdout, /papers:\s+5 created, 0 updated/);
    assert.match(result.stdout, /authors:\s+23 created/);
    assert.match(result.stdout, /rejected:\s+0/);
    const s = await stats();
    assert.equal(s.papers, 5);
    assert.equal(s.authors, 23);
    assert.equal(s.venues, 5);
    assert.equal(s.importRuns.length, 1);
    assert.equal(s.importRuns[0].status, "completed");
  });

  it("refuses an unparseable file with a clear message and a non-zero exit, leaving the graph as it was", async () => {
    const result = await runCli(["import", fixture("identity", "truncated.xml")]);
    assert.equal(result.code, 1);
    assert.match(result.stdout + result.stderr, /truncated\.xml.*cannot be parsed/);
    assert.match(result.stdout + result.stderr, /Nothing from this file was written/);
    const s = await stats();
    assert.equal(s.papers, 5);
    assert.equal(s.importRuns.length, 1);
  });

  it("reads gzip from standard input with --format", async () => {
    const gz = fixture("csl-json", "ml-anthology-slice.csl.jsonl.gz");
    const result = await runCli(["import", "--format", "csl-json", "-"], gz);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /<stdin> \(csl-json\)/);
    const s = await stats();
    assert.ok(s.papers > 5, `expected more than the seed's 5 papers, got ${s.papers}`);
  });

  it("refuses --bulk against the server at NEO4J_URI, saying what to do instead, and leaves the graph as it was", async () => {
    const before = await stats();
    const result = await runCli(["import", "--bulk", fixture("acl-author-page", "acl-author-page-wei-xiong.txt")]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /--bulk writes the store files of coauthor-graph's local Neo4j/);
    assert.match(result.stderr, /Import without --bulk/);
    assert.deepEqual(await stats(), before);
  });

  it("bulk-loads an empty local home with --bulk and prints the loaded counts", { skip: localNeo4jUnavailable() }, async () => {
    const home = tempHome("cli-bulk");
    try {
      const result = await runCliWith(localEnv(home), ["import", "--bulk", fixture("acl-author-page", "acl-author-page-wei-xiong.txt")]);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /papers:\s+5 created, 0 updated/);
      assert.match(result.stdout, /bulk import loaded 5 papers, 23 authors, 5 venues, 40 authorships/);
      assert.match(result.stderr, /neo4j-admin: IMPORT DONE/);
    } finally {
      removeHome(home);
    }
  });

  it("explains a missing file", async () => {
    const result = await runCli(["import", "/nonexistent/papers.bib"]);
    assert.equal(result.code, 1);
    assert.match(result.stdout + result.stderr, /No such file: \/nonexistent\/papers\.bib/);
  });
});
