import { existsSync, lstatSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DblpGenCounts } from "./dblp-model";
import { runMeasured } from "./measured-cli";

/*
 * The child processes of the scale pipeline (bench/scale.bench.ts): the generator, `import --bulk` and the online
 * import, each spawned as a user runs it, so its time and peak memory are its own.
 */

const DIST = path.resolve(__dirname, "..", "..");
const CLI = path.join(DIST, "src", "cli", "main.js");
const GENERATOR = path.join(DIST, "bench", "dblp-gen.js");

export interface Generated {
  file: string;
  /** The generator's own summary line (what it wrote), or the one kept beside a reused file. */
  written: DblpGenCounts;
  xmlMiB: number;
  wallSeconds: number;
  peakRssMiB: number;
  reused: boolean;
}

/** "dblp-gen: 120000 records, 60 MiB of XML…" */
const GEN_PROGRESS = /dblp-gen: (\d+) records/;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  return seconds < 90 ? `${seconds.toFixed(0)} s` : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

/** The summary kept beside a generated file when it was made with `args`, else undefined (nothing is generated). */
export function keptSummary(file: string, args: string[]): Generated | undefined {
  const summaryFile = `${file}.summary.json`;
  if (!existsSync(summaryFile)) return undefined;
  const kept = JSON.parse(readFileSync(summaryFile, "utf8")) as Generated & { key: string };
  return kept.key === args.join(" ") ? { ...kept, reused: true } : undefined;
}

/**
 * `dblp-gen.js` into `file`, unless the file is there with the summary of the same arguments beside it (a second
 * run at 8M records should not spend its first hour again). Progress lines get a rate and an ETA on the way.
 */
export async function generate(opts: {
  file: string;
  args: string[];
  /** Records expected, for the ETA (the base set's size, or the month's). */
  total: number;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}): Promise<Generated> {
  const summaryFile = `${opts.file}.summary.json`;
  const key = opts.args.join(" ");
  if (existsSync(opts.file) && existsSync(summaryFile)) {
    const kept = JSON.parse(readFileSync(summaryFile, "utf8")) as Generated & { key: string };
    if (kept.key === key) {
      opts.log(`  reusing ${opts.file} (made by dblp-gen ${key} in ${kept.wallSeconds.toFixed(0)} s)`);
      return { ...kept, reused: true };
    }
  }
  const started = Date.now();
  const run = await runMeasured({
    args: [GENERATOR, ...opts.args, "--out", opts.file],
    env: opts.env,
    what: `dblp-gen ${key}`,
    log: (line) => {
      const match = GEN_PROGRESS.exec(line);
      if (!match) return opts.log(line);
      const done = Number(match[1]);
      const seconds = (Date.now() - started) / 1000;
      const rate = done / seconds;
      opts.log(`${line} ${rate.toFixed(0)} records/s, ETA ${duration((opts.total - done) / rate)}`);
    },
  });
  const summary = JSON.parse(run.stdout.trim().split("\n").pop() ?? "{}") as { written: DblpGenCounts; xmlMiB: number };
  const generated: Generated = {
    file: opts.file,
    written: summary.written,
    xmlMiB: summary.xmlMiB,
    wallSeconds: run.wallSeconds,
    peakRssMiB: run.peakRssMiB,
    reused: false,
  };
  writeFileSync(summaryFile, JSON.stringify({ ...generated, key }));
  return generated;
}

export interface BulkLoad {
  wallSeconds: number;
  peakRssMiB: number;
  /** The stage times the CLI prints ("stages: read and resolve 18.9s, CSV 10.4s, …"), by its own names. */
  stageSeconds: Record<string, number>;
  /** Its summary lines (counts loaded, stages), as printed. */
  report: string[];
}

/**
 * The stage times of the CLI's bulk footer, whatever the stages are called (the bulk path is being redesigned, and
 * its stages with it): every "<name> <seconds>s" of the line that starts with "stages:".
 */
export function parseStageSeconds(text: string): Record<string, number> {
  const line = text.split("\n").find((l) => l.trim().startsWith("stages:"));
  if (!line) return {};
  const stages: Record<string, number> = {};
  const body = line.trim().slice("stages:".length).split(";")[0];
  for (const part of body.split(",")) {
    const match = /^\s*(.+?)\s+(\d+(?:\.\d+)?)\s?s\s*$/.exec(part);
    if (match) stages[match[1]] = Number(match[2]);
  }
  return stages;
}

/**
 * The bulk figures of an earlier `import --bulk`, from its saved output: the wall time of its "bulk import loaded …
 * in Ns" line, the stage times, and the peak RSS from /usr/bin/time -v's "Maximum resident set size" when it ran
 * under it, else the CLI's own "peak memory of the importer N MiB".
 */
export function bulkFromLog(text: string): BulkLoad {
  const lines = text.split("\n");
  const loaded = lines.find((l) => /bulk import loaded/.test(l));
  const wall = loaded ? /in (\d+(?:\.\d+)?)\s?s\s*$/.exec(loaded) : null;
  const timeRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
  const cliRss = /peak memory of the importer (\d+) MiB/.exec(text);
  return {
    wallSeconds: wall ? Number(wall[1]) : Number.NaN,
    peakRssMiB: timeRss ? Number(timeRss[1]) / 1024 : cliRss ? Number(cliRss[1]) : Number.NaN,
    stageSeconds: parseStageSeconds(text),
    report: lines.filter((l) => /bulk import loaded|stages:/.test(l)).map((l) => l.trim()),
  };
}

/** `coauthor-graph import --bulk --no-figures <file>` into the empty home named by env.COAUTHOR_GRAPH_HOME. */
export async function bulkLoad(opts: { file: string; env: NodeJS.ProcessEnv; log: (line: string) => void }): Promise<BulkLoad> {
  const run = await runMeasured({
    args: [CLI, "import", "--bulk", "--no-figures", opts.file],
    env: opts.env,
    what: `coauthor-graph import --bulk ${opts.file}`,
    log: opts.log,
  });
  const report = run.stdout.split("\n").filter((l) => /bulk import|stages:|split:|both parts/.test(l));
  // The command reruns itself with a heap sized from the machine (src/cli/bulk-heap.ts): the process sampled here is
  // then only the parent, and the importer's own peak is the one its report states (over both parts when the memory
  // budget handed the rest of the input to the online import).
  const importerRss = [...run.stdout.matchAll(/peak memory of the importer(?:, both parts:)? (\d+) MiB/g)].map((m) => Number(m[1]));
  const peakRssMiB = Math.max(run.peakRssMiB, ...importerRss);
  return { wallSeconds: run.wallSeconds, peakRssMiB, stageSeconds: parseStageSeconds(run.stdout), report };
}

export interface OnlineImport {
  wallSeconds: number;
  peakRssMiB: number;
  /** The CLI's summary, as printed. */
  report: string[];
}

/** `coauthor-graph import --no-figures <file>` (the online path) into the running Neo4j at `uri`. */
export async function onlineImport(opts: {
  file: string;
  target: { uri: string; user: string; password: string; database: string };
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}): Promise<OnlineImport> {
  const { uri, user, password, database } = opts.target;
  const run = await runMeasured({
    args: [CLI, "import", "--no-figures", opts.file],
    env: {
      ...opts.env,
      NEO4J_URI: uri,
      NEO4J_USER: user,
      NEO4J_PASSWORD: password,
      NEO4J_DATABASE: database,
      // A batch's transaction on a busy shared machine can pass the 15 s default (bench/SCALE.md, section 2).
      NEO4J_TX_TIMEOUT_MS: opts.env.NEO4J_TX_TIMEOUT_MS || "600000",
    },
    what: `coauthor-graph import ${opts.file}`,
    log: opts.log,
  });
  return { wallSeconds: run.wallSeconds, peakRssMiB: run.peakRssMiB, report: run.stdout.trim().split("\n") };
}

/** Bytes a directory takes on disk (allocated blocks, as `du` counts them), links not followed. */
export function diskUsageBytes(dir: string): number {
  let total = 0;
  const walk = (at: string) => {
    const stat = lstatSync(at);
    total += stat.blocks * 512;
    if (stat.isDirectory()) for (const name of readdirSync(at)) walk(path.join(at, name));
  };
  if (existsSync(dir)) walk(dir);
  return total;
}
