import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import type { BulkImportResult } from "../../import/bulk/bulk-import";

export interface ChildImportResult {
  wallSeconds: number;
  /** Peak RSS of the importer process (getrusage), MiB. */
  maxRssMiB: number;
  /** CPU seconds (user + system) the importer used: robust to other load on a shared machine, unlike wall time. */
  cpuSeconds: number;
  stdout: string;
}

/**
 * Runs a node script as its own process with report-max-rss.js preloaded, so its peak RSS and CPU are the
 * importer's alone (not the benchmark's). stderr (progress lines) goes to `log`.
 */
async function runMeasuredChild(opts: {
  args: string[];
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  what: string;
}): Promise<ChildImportResult> {
  const preload = path.join(__dirname, "report-max-rss.js");
  const scratch = mkdtempSync(path.join(os.tmpdir(), "cg-import-bench-"));
  const rssFile = path.join(scratch, "rss.json");
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ["-r", preload, ...opts.args], {
    env: { ...opts.env, BENCH_MAX_RSS_FILE: rssFile },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  createInterface({ input: child.stderr }).on("line", (line) => opts.log(`  importer: ${line}`));
  const code: number = await new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (c) => resolve(c ?? 1));
  });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  try {
    if (code !== 0) throw new Error(`${opts.what} exited with ${code}:\n${stdout}`);
    const { maxRssKiB, cpuSeconds } = JSON.parse(readFileSync(rssFile, "utf8")) as { maxRssKiB: number; cpuSeconds: number };
    return { wallSeconds, maxRssMiB: maxRssKiB / 1024, cpuSeconds, stdout };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** `coauthor-graph import <file>` (the online import) against the Neo4j at `uri`. */
export function runImportChild(opts: {
  file: string;
  uri: string;
  batchSize?: number;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}): Promise<ChildImportResult> {
  const cli = path.join(__dirname, "..", "..", "src", "cli", "main.js");
  return runMeasuredChild({
    args: [cli, "import", ...(opts.batchSize ? ["--batch-size", String(opts.batchSize)] : []), opts.file],
    env: { ...opts.env, NEO4J_URI: opts.uri, NEO4J_USER: "neo4j", NEO4J_PASSWORD: "neo4j" },
    log: opts.log,
    what: `coauthor-graph import ${opts.file}`,
  });
}

export type BulkChildFigures = Pick<BulkImportResult, "seconds" | "stageSeconds" | "peakRssMiB"> & {
  rows: NonNullable<BulkImportResult["csv"]>["rows"];
  /** Set when the memory budget filled: the records bulk-loaded, and the seconds of the online part after them. */
  handedOff?: { records: number; onlineSeconds?: number; reason: string };
};

/** `import --bulk <file>` (bulk-child.js) into the empty local home named by env.COAUTHOR_GRAPH_HOME. */
export async function runBulkChild(opts: {
  file: string;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}): Promise<ChildImportResult & { bulk: BulkChildFigures }> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "cg-bulk-bench-"));
  const resultFile = path.join(scratch, "bulk.json");
  try {
    const child = await runMeasuredChild({
      args: [path.join(__dirname, "bulk-child.js"), opts.file, resultFile],
      env: opts.env,
      log: opts.log,
      what: `coauthor-graph import --bulk ${opts.file}`,
    });
    return { ...child, bulk: JSON.parse(readFileSync(resultFile, "utf8")) as BulkChildFigures };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
