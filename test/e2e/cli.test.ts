import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { generateDblp } from "../../bench/lib/dblp-model";
import { after, before, describe, it } from "node:test";
import { Database } from "../../src/db/database";
import { fromRoot } from "../../src/util/project-root";
import { localEnv, localNeo4jUnavailable, removeHome, tempHome } from "../integration/local-neo4j-helpers";
import { clearGraph, testDatabase, testNeo4jTarget } from "../support/neo4j";
import { coauthorEdgeMismatches } from "../support/graph-checks";

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

/** A gzipped dblp file of `records` generated records (seed 3) in `dir`. */
async function generatedDblpFile(dir: string, records: number): Promise<string> {
  const file = path.join(dir, `dblp-${records}.xml.gz`);
  // dblp's XML is ISO-8859-1, as the generator writes it.
  const latin1 = Readable.from(generateDblp({ records, seed: 3 }), { objectMode: true }).map((chunk: string) =>
    Buffer.from(chunk, "latin1"),
  );
  await pipeline(latin1, createGzip(), createWriteStream(file));
  return file;
}

/** The pids whose parent is `pid` (Linux's /proc). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name, in parentheses, may hold spaces: the fields after its closing parenthesis are fixed.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls `probe` until it gives a value, or fails after `limitMs`. */
async function eventually<T>(probe: () => T | undefined, limitMs: number): Promise<T> {
  const until = Date.now() + limitMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`not so after ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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
      // No heap limit given: the command reruns itself with one sized from the machine (src/cli/bulk-heap.ts).
      const env = { ...localEnv(home), NODE_OPTIONS: "" };
      const result = await runCliWith(env, ["import", "--bulk", fixture("acl-author-page", "acl-author-page-wei-xiong.txt")]);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stderr, /import --bulk: running with a heap limit of [\d.]+ GiB/);
      assert.match(result.stdout, /papers:\s+5 created, 0 updated/);
      assert.match(result.stdout, /bulk import loaded 5 papers, 23 authors, 5 venues, 40 authorships/);
      assert.match(result.stderr, /neo4j-admin: IMPORT DONE/);
    } finally {
      removeHome(home);
    }
  });

  it("stops --bulk cleanly when the in-memory graph will not fit in the heap, saying how much it needs", async () => {
    // 150,000 generated dblp records need about 125 MiB of heap with the program (about 160 with the CSV stage's
    // room); the CLI gets a 48 MB old space (96 MiB of heap in all, with the young generation). With 96 MB it now fits
    // (the papers' columns are outside the heap) and the import runs to the end. Without the budget V8 would abort
    // the process with a stack dump.
    const scratch = mkdtempSync(path.join(os.tmpdir(), "cli-bulk-heap-"));
    const home = tempHome("cli-bulk-heap");
    try {
      const file = await generatedDblpFile(scratch, 150_000);
      const env = { ...localEnv(home), NODE_OPTIONS: "--max-old-space-size=48" };
      const result = await runCliWith(env, ["import", "--bulk", "--overflow", "refuse", "--no-figures", file]);
      assert.equal(result.code, 1, result.stdout + result.stderr);
      assert.match(
        result.stderr,
        /running with the heap limit you gave, 32 MiB young-generation semi-spaces/,
        "a limit given in NODE_OPTIONS is kept",
      );
      const stated = /will not fit in this process's heap: after \d+ of (\d+) records/.exec(result.stdout);
      assert.ok(stated, result.stdout);
      // --bulk reads the file once, so the input's record count is estimated from the share of its bytes read.
      assert.ok(Math.abs(Number(stated[1]) / 150_000 - 1) < 0.15, `estimated ${stated[1]} records of about 150,000`);
      assert.match(result.stdout, /Nothing was written to the database/);
      assert.match(result.stdout, /NODE_OPTIONS=--max-old-space-size=\d+/);
      assert.doesNotMatch(result.stdout + result.stderr, /heap out of memory|FATAL ERROR/);
      assert.equal(existsSync(path.join(home, "neo4j", "data", "databases", "neo4j")), false, "no store was made");
    } finally {
      rmSync(scratch, { recursive: true, force: true });
      removeHome(home);
    }
  });

  it("stops --bulk cleanly when the graph, columns included, will not fit in the memory it may use", async () => {
    // A heap limit far above the need (so the heap's own budget never speaks) and COAUTHOR_GRAPH_BULK_MEMORY=64m:
    // the program's own heap (with its room to grow) and the papers' columns outside the heap pass 90% of it within
    // the first 30,000 generated records, long before the machine's memory would matter.
    const scratch = mkdtempSync(path.join(os.tmpdir(), "cli-bulk-memory-"));
    const home = tempHome("cli-bulk-memory");
    try {
      const file = await generatedDblpFile(scratch, 30_000);
      const env = { ...localEnv(home), NODE_OPTIONS: "--max-old-space-size=2048", COAUTHOR_GRAPH_BULK_MEMORY: "64m" };
      const result = await runCliWith(env, ["import", "--bulk", "--overflow", "refuse", "--no-figures", file]);
      assert.equal(result.code, 1, result.stdout + result.stderr);
      assert.match(
        result.stdout,
        /will not fit in the 64 MiB that COAUTHOR_GRAPH_BULK_MEMORY allows: after \d+ of \d+ records it holds \d+ MiB of heap and [\d.]+ (MiB|GiB) of papers' columns/,
      );
      assert.doesNotMatch(result.stdout, /this process's heap/, "the heap itself fits");
      assert.match(result.stdout, /Nothing was written to the database\. Next: import without --bulk/);
      assert.match(result.stdout, /raise COAUTHOR_GRAPH_BULK_MEMORY if the machine has it/);
      assert.equal(existsSync(path.join(home, "neo4j", "data", "databases", "neo4j")), false, "no store was made");

      const bad = await runCliWith({ ...env, COAUTHOR_GRAPH_BULK_MEMORY: "plenty" }, ["import", "--bulk", "--no-figures", file]);
      assert.notEqual(bad.code, 0);
      assert.match(bad.stdout + bad.stderr, /COAUTHOR_GRAPH_BULK_MEMORY=plenty is not a usable memory size: give e\.g\. 8g/);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
      removeHome(home);
    }
  });

  it(
    "bulk-loads what fits in the memory it may use and imports the rest online, within that memory",
    { skip: localNeo4jUnavailable() },
    async () => {
      // The program alone is about 160 MiB resident here (Node, V8's young generation under the rerun's flags, the
      // driver); 200,000 generated records take about 290 MiB in all with the CSV stage; the online part alone took
      // 207–238 MiB in runs with caps of 220–260 MiB (its heap may grow to 60% of the cap), so the cap is 260 MiB: the
      // budget fills at about 136,000 records, and the online part writes the other 62,000.
      const scratch = mkdtempSync(path.join(os.tmpdir(), "cli-bulk-overflow-"));
      const home = tempHome("cli-bulk-overflow");
      const budgetMiB = 260;
      try {
        const file = await generatedDblpFile(scratch, 200_000);
        const env = { ...localEnv(home), NODE_OPTIONS: "", COAUTHOR_GRAPH_BULK_MEMORY: `${budgetMiB}m` };
        const result = await runCliWith(env, ["import", "--bulk", "--no-figures", file]);
        const output = result.stdout + result.stderr;
        assert.equal(result.code, 0, output);
        const filled =
          /has filled the 260 MiB that COAUTHOR_GRAPH_BULK_MEMORY allows .*The first (\d+) records of .* are loaded; the rest of it goes on through the online import/.exec(
            result.stderr,
          );
        assert.ok(filled, result.stderr);
        const loaded = Number(filled[1]);
        const read = Number(/records read:\s+(\d+)/.exec(result.stdout)?.[1]);
        assert.ok(loaded > 0 && loaded < read, `${loaded} of ${read} records bulk-loaded`);
        assert.match(result.stdout, new RegExp(`bulk import loaded ${loaded} papers`));
        assert.match(result.stdout, new RegExp(`split:\\s+records 1–${loaded} bulk-loaded`));
        // Every record is one paper in this set: the two parts together made each once.
        assert.match(result.stdout, new RegExp(`papers:\\s+${read} created, 0 updated`));
        assert.match(result.stderr, /writing papers: \d+\/\d+ \| \d+\/s \| ETA/, "the online part shows its progress");
        const peak = Number(/peak memory of the importer, both parts: (\d+) MiB/.exec(result.stdout)?.[1]);
        assert.ok(peak > 0 && peak <= budgetMiB, `peak ${peak} MiB within ${budgetMiB}`);
        assert.doesNotMatch(output, /heap out of memory|FATAL ERROR/);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
        removeHome(home);
      }
    },
  );

  it("passes a SIGTERM on to the --bulk rerun it started, and leaves no process behind", async () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), "cli-bulk-signal-"));
    const home = tempHome("cli-bulk-signal");
    try {
      const file = await generatedDblpFile(scratch, 150_000);
      const parent = spawn(process.execPath, [CLI, "import", "--bulk", "--no-figures", file], {
        env: { ...localEnv(home), NODE_OPTIONS: "" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      parent.stdout.on("data", (d) => (output += d));
      parent.stderr.on("data", (d) => (output += d));
      const exited = new Promise<number | null>((resolve) => parent.on("close", (code) => resolve(code)));
      const rerun = await eventually(() => childrenOf(parent.pid!)[0], 30_000);
      // Into the read: on any machine well before neo4j-admin, so a store cannot have been begun.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      parent.kill("SIGTERM");
      assert.equal(await exited, 143, output);
      await eventually(() => (isAlive(rerun) ? undefined : true), 10_000);
      assert.match(output, /import --bulk: running with a heap limit/);
      assert.equal(existsSync(path.join(home, "neo4j", "data", "databases", "neo4j")), false, "no store was made");
    } finally {
      rmSync(scratch, { recursive: true, force: true });
      removeHome(home);
    }
  });

  it("stops an import at Ctrl-C between batches: the run is recorded as failed, the lock is free, the graph whole", async () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), "cli-import-interrupt-"));
    try {
      await clearGraph(db);
      const file = await generatedDblpFile(scratch, 10_000);
      const target = testNeo4jTarget();
      const env = { ...process.env, NEO4J_URI: target.uri, NEO4J_USER: target.user, NEO4J_PASSWORD: target.password };
      const child = spawn(process.execPath, [CLI, "import", "--batch-size", "100", "--no-figures", file], {
        env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (d) => (output += d));
      child.stderr.on("data", (d) => (output += d));
      const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
      await eventually(() => (/writing papers: [1-9]/.test(output) ? true : undefined), 120_000);
      child.kill("SIGINT");
      assert.equal(await exited, 130, output);
      assert.match(output, /SIGINT: stopping after the batch being written/);
      assert.match(output, /Interrupted after \d+ records were written: .* Import the same file again to complete it/);
      const runs = (await stats()).importRuns;
      assert.deepEqual(
        runs.map((r) => r.status),
        ["failed"],
        "recorded as failed, not left running",
      );
      // The lock is free at once (--no-wait refuses while another import holds it), and each batch landed whole.
      const next = await runCli(["import", "--no-wait", "--no-figures", fixture("acl-author-page", "acl-author-page-wei-xiong.txt")]);
      assert.equal(next.code, 0, next.stdout + next.stderr);
      assert.deepEqual(await coauthorEdgeMismatches(db), []);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
      await clearGraph(db);
    }
  });

  it("explains a missing file", async () => {
    const result = await runCli(["import", "/nonexistent/papers.bib"]);
    assert.equal(result.code, 1);
    assert.match(result.stdout + result.stderr, /No such file: \/nonexistent\/papers\.bib/);
  });
});
