import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { Neo4jSetupError } from "./setup-error";

/** One CSV file for `--nodes=<label>=<file>` or `--relationships=<type>=<file>`. */
export interface AdminImportInput {
  label: string;
  file: string;
}

export interface AdminImportOptions {
  java: string;
  /** The Neo4j jars (the local runtime's lib folder). */
  libDir: string;
  /** The Neo4j home whose data/databases/neo4j is (re)written. No Neo4j may be running on it. */
  neo4jHome: string;
  nodes: AdminImportInput[];
  relationships: AdminImportInput[];
  /** Unicode code point separating list elements inside a field. */
  arrayDelimiter: string;
  /** Quoted fields may hold line breaks (slower parsing; only ask for it when needed). */
  multiline: boolean;
  /** Where neo4j-admin writes its report of bad entries. */
  reportFile: string;
  /** Each line neo4j-admin prints, for progress. */
  onLine?: (line: string) => void;
}

/**
 * Neo4j's own bulk loader, `neo4j-admin database import full neo4j`, run from the same jars as the local Neo4j
 * (org.neo4j.cli.AdminTool). It builds the store of the database "neo4j" offline, replacing whatever store is
 * there: the caller proves the database empty and holds the home's start lock. Any bad row fails the import
 * (--bad-tolerance=0), so nothing is dropped silently. Resolves with the wall seconds it took.
 */
export async function runAdminImport(opts: AdminImportOptions): Promise<number> {
  mkdirSync(path.join(opts.neo4jHome, "conf"), { recursive: true });
  const args = [
    "-XX:+UseG1GC",
    "-cp",
    `${opts.libDir}${path.sep}*`,
    "org.neo4j.cli.AdminTool",
    "database",
    "import",
    "full",
    "neo4j",
    "--overwrite-destination=true",
    "--bad-tolerance=0",
    `--multiline-fields=${opts.multiline}`,
    `--array-delimiter=U+${opts.arrayDelimiter.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`,
    `--report-file=${opts.reportFile}`,
    ...opts.nodes.map((n) => `--nodes=${n.label}=${n.file}`),
    ...opts.relationships.map((r) => `--relationships=${r.label}=${r.file}`),
  ];
  const started = process.hrtime.bigint();
  const child = spawn(opts.java, args, {
    env: { ...process.env, NEO4J_HOME: opts.neo4jHome, NEO4J_CONF: path.join(opts.neo4jHome, "conf") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const tail: string[] = [];
  let partial = "";
  const onData = (chunk: Buffer) => {
    const lines = (partial + chunk.toString("utf8")).split(/\r?\n/);
    partial = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > 40) tail.shift();
      opts.onLine?.(line);
    }
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  // Should this process end first (a crash, or a signal's exit), neo4j-admin must not go on writing the store alone,
  // as an orphan holding the home: the 'exit' event still runs on an uncaught exception and on process.exit. A
  // SIGKILL runs nothing here, so a watchdog process holds a pipe from this one and stops neo4j-admin when the pipe
  // closes without a word (this process gone, however).
  const stopAdmin = () => void child.kill("SIGTERM");
  process.once("exit", stopAdmin);
  const watchdog = child.pid === undefined ? undefined : startWatchdog(child.pid);
  let code: number;
  try {
    code = await new Promise<number>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (c) => resolve(c ?? 1));
    });
  } finally {
    process.off("exit", stopAdmin);
    watchdog?.stdin?.end("done\n"); // neo4j-admin ended: the watchdog leaves it alone and exits
  }
  if (code !== 0) {
    throw new Neo4jSetupError(
      `neo4j-admin database import failed (exit code ${code}); nothing usable was written to ${opts.neo4jHome}. ` +
        `Its last lines:\n${tail.join("\n")}\nThe bad-entry report, if any, is ${opts.reportFile}.`,
    );
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/**
 * Stops `pid` (SIGTERM) when the pipe from this process closes before "done" came through it: this process died
 * without running its exit hooks (SIGKILL, the OOM killer). Exits by itself when `pid` does.
 */
const WATCHDOG = `
const pid = Number(process.argv[1]);
let said = "";
process.stdin.on("data", (d) => (said += d));
process.stdin.on("end", () => {
  if (!said.includes("done")) try { process.kill(pid, "SIGTERM"); } catch {}
  process.exit(0);
});
setInterval(() => { try { process.kill(pid, 0); } catch { process.exit(0); } }, 1000);
`;

function startWatchdog(pid: number): ChildProcess {
  const watchdog = spawn(process.execPath, ["-e", WATCHDOG, String(pid)], { stdio: ["pipe", "ignore", "ignore"] });
  watchdog.on("error", () => undefined); // without it, neo4j-admin still runs; only a SIGKILL of this process is uncovered
  watchdog.stdin?.on("error", () => undefined);
  watchdog.unref();
  return watchdog;
}
