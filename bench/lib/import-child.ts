import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";

export interface ChildImportResult {
  wallSeconds: number;
  /** Peak RSS of the importer process (getrusage), MiB. */
  maxRssMiB: number;
  /** CPU seconds (user + system) the importer used: robust to other load on a shared machine, unlike wall time. */
  cpuSeconds: number;
  stdout: string;
}

/**
 * Runs `coauthor-graph import` as its own node process against `uri`, so its peak RSS is the importer's alone
 * (not the benchmark's). stderr (progress lines) goes to `log`.
 */
export async function runImportChild(opts: {
  file: string;
  uri: string;
  batchSize?: number;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}): Promise<ChildImportResult> {
  const distRoot = path.join(__dirname, "..", "..");
  const cli = path.join(distRoot, "src", "cli", "main.js");
  const preload = path.join(__dirname, "report-max-rss.js");
  const scratch = mkdtempSync(path.join(os.tmpdir(), "cg-import-bench-"));
  const rssFile = path.join(scratch, "rss.json");
  const args = ["-r", preload, cli, "import", ...(opts.batchSize ? ["--batch-size", String(opts.batchSize)] : []), opts.file];
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, args, {
    env: { ...opts.env, NEO4J_URI: opts.uri, NEO4J_USER: "neo4j", NEO4J_PASSWORD: "neo4j", BENCH_MAX_RSS_FILE: rssFile },
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
    if (code !== 0) throw new Error(`coauthor-graph import ${opts.file} exited with ${code}:\n${stdout}`);
    const { maxRssKiB, cpuSeconds } = JSON.parse(readFileSync(rssFile, "utf8")) as { maxRssKiB: number; cpuSeconds: number };
    return { wallSeconds, maxRssMiB: maxRssKiB / 1024, cpuSeconds, stdout };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
