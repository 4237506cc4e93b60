import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fromRoot } from "../../util/project-root";
import { withExclusiveLock } from "./file-lock";
import { findMaven, JavaInstallation } from "./java-toolchain";
import { Neo4jSetupError } from "./setup-error";

/** What the launcher needs on the class path: the Neo4j jars, plus either the compiled class or its source. */
export interface LocalNeo4jRuntime {
  version: string;
  libDir: string;
  /** Directory holding LocalNeo4j.class, or undefined when there is no javac and the source is run directly. */
  classesDir?: string;
  sourceFile: string;
}

export const LAUNCHER_SOURCE = () => fromRoot("src", "db", "local", "java", "LocalNeo4j.java");
const POM = () => fromRoot("src", "db", "local", "pom.xml");
const COMPLETE_MARKER = ".complete";

/**
 * Makes sure <cacheRoot>/neo4j-<version>/lib holds the Neo4j jars (fetched once with Maven) and the
 * launcher is compiled for the current source. Several processes and homes may share one cache:
 * the work happens under a lock, into a scratch folder that is renamed into place when complete.
 */
export async function ensureLocalRuntime(opts: {
  cacheRoot: string;
  version: string;
  java: JavaInstallation;
  env: NodeJS.ProcessEnv;
  log: (msg: string) => void;
}): Promise<LocalNeo4jRuntime> {
  const versionDir = path.join(opts.cacheRoot, `neo4j-${opts.version}`);
  const libDir = path.join(versionDir, "lib");
  const sourceFile = LAUNCHER_SOURCE();
  const classesDir = path.join(versionDir, `launcher-${sourceHash(sourceFile)}`);
  const ready = () =>
    existsSync(path.join(libDir, COMPLETE_MARKER)) && (!opts.java.javac || existsSync(path.join(classesDir, "LocalNeo4j.class")));
  if (!ready()) {
    mkdirSync(opts.cacheRoot, { recursive: true });
    await withExclusiveLock(
      path.join(opts.cacheRoot, `neo4j-${opts.version}.lock`),
      {
        timeoutMs: 15 * 60_000,
        purpose: `the Neo4j ${opts.version} jar cache in ${opts.cacheRoot}`,
        onWait: (pid) => opts.log(`Waiting for process ${pid ?? "?"}, which is filling the Neo4j jar cache ${opts.cacheRoot} …`),
      },
      async () => {
        if (!existsSync(path.join(libDir, COMPLETE_MARKER))) await downloadJars({ ...opts, versionDir, libDir });
        if (opts.java.javac && !existsSync(path.join(classesDir, "LocalNeo4j.class"))) {
          await compileLauncher(opts.java.javac, sourceFile, libDir, classesDir, opts.log);
        }
      },
    );
  }
  return { version: opts.version, libDir, classesDir: opts.java.javac ? classesDir : undefined, sourceFile };
}

/** True when the jars for `version` are complete in the cache, so Maven is not needed. */
export function isRuntimeCached(cacheRoot: string, version: string): boolean {
  return existsSync(path.join(cacheRoot, `neo4j-${version}`, "lib", COMPLETE_MARKER));
}

async function downloadJars(opts: {
  cacheRoot: string;
  version: string;
  versionDir: string;
  libDir: string;
  env: NodeJS.ProcessEnv;
  log: (msg: string) => void;
}): Promise<void> {
  const mvn = findMaven(opts.env);
  if (!mvn.ok) {
    throw new Neo4jSetupError(
      `The Neo4j ${opts.version} jars are not cached yet (${opts.libDir}) and ${mvn.problem}. ` +
        `Install Apache Maven (or set COAUTHOR_GRAPH_MVN), or point COAUTHOR_GRAPH_JAR_CACHE at a filled cache, or set NEO4J_URI to use a running Neo4j.`,
    );
  }
  const scratch = path.join(opts.versionDir, `lib.partial-${process.pid}`);
  const mavenLog = path.join(opts.cacheRoot, `neo4j-${opts.version}-maven.log`);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  opts.log(
    `First run: fetching the Neo4j ${opts.version} Community jars from Maven Central (about 125 MB, once per machine) into ${opts.libDir} …`,
  );
  const started = Date.now();
  const args = [
    "-B",
    "--no-transfer-progress",
    "-f",
    POM(),
    "dependency:copy-dependencies",
    `-Dneo4j.version=${opts.version}`,
    `-DoutputDirectory=${scratch}`,
  ];
  const code = await runLogged(mvn.value, args, mavenLog, opts.env, () =>
    opts.log(`  … still fetching jars (${Math.round((Date.now() - started) / 1000)} s)`),
  );
  const jars = readdirSync(scratch).filter((f) => f.endsWith(".jar"));
  if (code !== 0 || !jars.some((f) => f.startsWith(`neo4j-bolt-${opts.version}`))) {
    rmSync(scratch, { recursive: true, force: true });
    throw new Neo4jSetupError(
      `Fetching the Neo4j ${opts.version} jars with Maven failed (exit ${code}). The last lines of ${mavenLog}:\n${tail(mavenLog, 12)}\n` +
        `Check that Maven can reach Maven Central (proxy settings in ~/.m2/settings.xml), or set NEO4J_URI to use a running Neo4j.`,
    );
  }
  writeFileSync(path.join(scratch, COMPLETE_MARKER), `${new Date().toISOString()} ${jars.length} jars\n`);
  rmSync(opts.libDir, { recursive: true, force: true });
  renameSync(scratch, opts.libDir);
  opts.log(`Fetched ${jars.length} jars in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

async function compileLauncher(
  javac: string,
  sourceFile: string,
  libDir: string,
  classesDir: string,
  log: (msg: string) => void,
): Promise<void> {
  const scratch = `${classesDir}.partial-${process.pid}`;
  const compileLog = `${classesDir}.javac.log`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  log("Compiling the local Neo4j launcher (once per version of its source) …");
  // --release 17: one cached class serves every supported java, whichever javac compiled it.
  const code = await runLogged(
    javac,
    ["--release", "17", "-d", scratch, "-cp", path.join(libDir, "*"), sourceFile],
    compileLog,
    process.env,
  );
  if (code !== 0) {
    rmSync(scratch, { recursive: true, force: true });
    throw new Neo4jSetupError(`Compiling ${sourceFile} failed (javac exit ${code}):\n${tail(compileLog, 12)}`);
  }
  rmSync(classesDir, { recursive: true, force: true });
  renameSync(scratch, classesDir);
  pruneOtherLaunchers(classesDir);
}

/** Builds of earlier launcher sources are never used again; running JVMs have already loaded their class. */
function pruneOtherLaunchers(current: string): void {
  const dir = path.dirname(current);
  for (const name of readdirSync(dir)) {
    if (name.startsWith("launcher-") && !name.startsWith(path.basename(current))) {
      rmSync(path.join(dir, name), { recursive: true, force: true, maxRetries: 2 });
    }
  }
}

/** Runs a tool with its output in a log file; `onHeartbeat` every 15 s so a long download does not look hung. */
function runLogged(command: string, args: string[], logFile: string, env: NodeJS.ProcessEnv, onHeartbeat?: () => void): Promise<number> {
  const fd = openSync(logFile, "w");
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ["ignore", fd, fd], env, shell: process.platform === "win32" });
    const heartbeat = onHeartbeat ? setInterval(onHeartbeat, 15_000) : undefined;
    let finished = false;
    const finish = (code: number) => {
      if (finished) return;
      finished = true;
      if (heartbeat) clearInterval(heartbeat);
      closeSync(fd);
      resolve(code);
    };
    child.once("error", (error) => {
      writeFileSync(logFile, `${error.message}\n`, { flag: "a" });
      finish(-1);
    });
    child.once("exit", (code, signal) => finish(code ?? (signal ? 128 : -1)));
  });
}

export function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, "utf8")
      .trimEnd()
      .split("\n")
      .slice(-lines)
      .map((l) => `  ${l}`)
      .join("\n");
  } catch {
    return "  (no log)";
  }
}

function sourceHash(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 12);
}
