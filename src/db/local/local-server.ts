import { ChildProcess, spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, truncateSync } from "node:fs";
import path from "node:path";
import { Socket } from "node:net";
import { HomeLayout } from "./home-layout";
import { JavaInstallation } from "./java-toolchain";
import { LocalNeo4jRuntime } from "./jar-cache";
import { liveLeases } from "./leases";
import { freePort, isProcessAlive, sleep, waitForExit } from "./process-probe";
import { clearState, ServerState, writeState } from "./server-state";
import { LocalNeo4jSettings, xmxFlag } from "./settings";
import { Neo4jSetupError } from "./setup-error";

export interface StartedLocalServer {
  state: ServerState;
  /** Clean shutdown (owner mode only; a detached server is stopped with stopRecordedServer). */
  stop(): Promise<void>;
  /** Owner mode: resolves with the reason when the server ends without stop() (it crashed or was killed). */
  lost?: Promise<string>;
}

/** Launcher exit codes, see LocalNeo4j.java. */
const EXIT_PORT_IN_USE = 3;
const START_TIMEOUT_MS = 180_000;
const MAX_LAUNCHER_LOG_BYTES = 5 * 1024 * 1024;

/** Flags Neo4j's own launcher sets that matter for the embedded engine too. */
const JVM_FLAGS = [
  "-XX:+UseG1GC",
  "-XX:+ExitOnOutOfMemoryError",
  "-XX:-OmitStackTraceInFastThrow",
  "-Djdk.nio.maxCachedBufferSize=1024",
  "-Dio.netty.tryReflectionSetAccessible=true",
  "-Dlog4j2.disable.jmx=true",
  "-Dfile.encoding=UTF-8",
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/java.io=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
];

/**
 * Starts LocalNeo4j.java on a free 127.0.0.1 port and resolves once the default database is online
 * and the state file is written. The caller holds the home's start lock.
 *  - owner: Java watches its stdin, a pipe from this process, and shuts down when it closes, so
 *    the server ends with this process however it ends (exit, Ctrl-C, SIGKILL).
 *  - detached: stdin closed; runs until `coauthor-graph db stop` sends SIGTERM.
 */
export async function startLocalServer(opts: {
  layout: HomeLayout;
  settings: LocalNeo4jSettings;
  java: JavaInstallation;
  runtime: LocalNeo4jRuntime;
  mode: "owner" | "detached";
  env: NodeJS.ProcessEnv;
  log: (msg: string) => void;
}): Promise<StartedLocalServer> {
  const { layout, settings } = opts;
  // Ready markers of starts that never got read (their starter died) are litter: we hold the start lock.
  rmSync(layout.runDir, { recursive: true, force: true });
  for (const dir of [layout.neo4jHome, layout.logsDir, layout.runDir]) mkdirSync(dir, { recursive: true });
  trimLog(layout.launcherLog);
  opts.log(
    `Starting a local Neo4j ${opts.runtime.version} (${opts.mode}): data ${layout.dataDir}, ` +
      `heap ${settings.heapText} (COAUTHOR_GRAPH_NEO4J_HEAP), page cache ${settings.pageCacheText} (COAUTHOR_GRAPH_NEO4J_PAGECACHE), ${opts.java.versionLine}`,
  );
  for (let attempt = 1; ; attempt++) {
    const started = Date.now();
    const port = await freePort();
    const launch = launchJava({ ...opts, port });
    const outcome = await waitUntilReady(launch.child, launch.readyFile);
    if (outcome.ready) {
      const state: ServerState = {
        via: "local",
        uri: `bolt://127.0.0.1:${port}`,
        host: "127.0.0.1",
        boltPort: port,
        user: "neo4j",
        password: "neo4j",
        database: "neo4j",
        version: opts.runtime.version,
        home: layout.home,
        mode: opts.mode,
        ownerPid: opts.mode === "owner" ? process.pid : undefined,
        pid: launch.child.pid,
        startedAt: new Date().toISOString(),
        logFile: layout.launcherLog,
      };
      writeState(layout, state);
      opts.log(`Local Neo4j is up on ${state.uri} after ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${state.pid}).`);
      if (opts.mode === "owner") return { state, ...ownerStop(launch.child, layout, state, opts.log) };
      launch.child.unref();
      return { state, stop: () => Promise.resolve() };
    }
    if (outcome.exitCode === EXIT_PORT_IN_USE && attempt < 3) continue;
    const output = launch.output();
    const summary = /start failed: (.*)$/m.exec(output)?.[1];
    const storeLocked = /store_lock|FileLockException/.test(output);
    throw new Neo4jSetupError(
      [
        `The local Neo4j did not start (${outcome.reason})${summary ? `: ${summary}` : "."}`,
        ...(storeLocked
          ? [
              `Another process holds the store in ${layout.dataDir}: stop the Neo4j that uses it ("coauthor-graph db stop", or the java process with --home ${layout.neo4jHome}).`,
            ]
          : []),
        ...(summary ? [] : [`Last lines of ${layout.launcherLog}:`, lastLines(output, 15)]),
        `Full output: ${layout.launcherLog}; Neo4j's own log: ${path.join(layout.logsDir, "debug.log")}.`,
        "Alternatives: set NEO4J_URI to a running Neo4j 5.26, or start a Docker engine.",
      ].join("\n"),
    );
  }
}

function launchJava(opts: {
  layout: HomeLayout;
  settings: LocalNeo4jSettings;
  java: JavaInstallation;
  runtime: LocalNeo4jRuntime;
  mode: "owner" | "detached";
  env: NodeJS.ProcessEnv;
  port: number;
}): { child: ChildProcess; readyFile: string; output: () => string } {
  const { layout, runtime } = opts;
  const readyFile = path.join(layout.runDir, `ready-${process.pid}-${Date.now()}`);
  const classPath = [path.join(runtime.libDir, "*"), ...(runtime.classesDir ? [runtime.classesDir] : [])].join(path.delimiter);
  const args = [
    xmxFlag(opts.settings.heapBytes),
    ...JVM_FLAGS,
    "-cp",
    classPath,
    runtime.classesDir ? "LocalNeo4j" : runtime.sourceFile,
    ...["--home", layout.neo4jHome, "--port", String(opts.port), "--pagecache-bytes", String(opts.settings.pageCacheBytes)],
    ...["--ready-file", readyFile, "--state-file", layout.stateFile, "--watch-stdin", String(opts.mode === "owner")],
    ...(opts.mode === "owner" ? ["--lease-dir", layout.leaseDir] : []),
    ...["--start-timeout-ms", String(START_TIMEOUT_MS)],
  ];
  const logOffset = existsSync(layout.launcherLog) ? statSync(layout.launcherLog).size : 0;
  const logFd = openSync(layout.launcherLog, "a");
  let child: ChildProcess;
  try {
    child = spawn(opts.java.java, args, {
      stdio: [opts.mode === "owner" ? "pipe" : "ignore", logFd, logFd],
      // Its own process group in both modes: a Ctrl-C in the terminal reaches only the Node owner,
      // which then stops Java in order (after closing its own clients), or Java sees stdin close.
      detached: true,
      env: opts.env,
      windowsHide: true,
    });
  } finally {
    closeSync(logFd); // the child has its own descriptor
  }
  child.on("error", () => undefined); // reported through waitUntilReady
  /** What this launch wrote to the launcher log. */
  const output = () => {
    try {
      return readFileSync(layout.launcherLog).subarray(logOffset).toString("utf8").trimEnd();
    } catch {
      return "";
    }
  };
  return { child, readyFile, output };
}

type ReadyOutcome = { ready: true } | { ready: false; exitCode?: number; reason: string };

async function waitUntilReady(child: ChildProcess, readyFile: string): Promise<ReadyOutcome> {
  let failure: ReadyOutcome | undefined;
  child.once("error", (error) => (failure = { ready: false, reason: `cannot run java: ${error.message}` }));
  child.once("exit", (code, signal) => {
    failure ??= {
      ready: false,
      exitCode: code ?? undefined,
      reason: code === EXIT_PORT_IN_USE ? "port in use" : `java exited with ${code ?? signal}`,
    };
  });
  const deadline = Date.now() + START_TIMEOUT_MS + 10_000;
  for (;;) {
    if (existsSync(readyFile)) {
      rmSync(readyFile, { force: true });
      return { ready: true };
    }
    if (failure) return failure;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      return { ready: false, reason: `not ready after ${START_TIMEOUT_MS / 1000} s` };
    }
    await sleep(100);
  }
}

/**
 * Owner side. Nothing here keeps Node's event loop alive: if the program ends without calling
 * stop(), the pipe closes with the process and Java shuts itself down, once no process that joined
 * it holds a lease (leases.ts).
 */
function ownerStop(
  child: ChildProcess,
  layout: HomeLayout,
  state: ServerState,
  log: (msg: string) => void,
): { stop: () => Promise<void>; lost: Promise<string> } {
  let stopping: Promise<void> | undefined;
  const lost = new Promise<string>((resolve) => {
    child.once("exit", (code, signal) => {
      clearState(layout, state);
      if (stopping) return;
      const reason = `exited on its own (${code ?? signal})`;
      log(`The local Neo4j (pid ${state.pid}) ${reason}; see ${layout.launcherLog}.`);
      resolve(reason);
    });
  });
  child.unref();
  (child.stdin as Socket | null)?.unref?.();
  const stop = () => {
    stopping ??= (async () => {
      if (!isProcessAlive(state.pid)) return;
      child.stdin?.end();
      const leased = liveLeases(layout);
      if (leased.length > 0) {
        log(
          `The local Neo4j (pid ${state.pid}) keeps serving the process(es) that joined it (pid ${leased.join(", ")}); it stops when the last of them ends.`,
        );
        return;
      }
      if (!(await waitForExit(state.pid!, 30_000))) {
        log(`The local Neo4j (pid ${state.pid}) did not stop within 30 s; sending SIGTERM.`);
        child.kill("SIGTERM");
        if (!(await waitForExit(state.pid!, 15_000))) child.kill("SIGKILL");
      }
      clearState(layout, state);
    })();
    return stopping;
  };
  return { stop, lost };
}

function lastLines(text: string, count: number): string {
  return text
    ? text
        .split("\n")
        .slice(-count)
        .map((l) => `  ${l}`)
        .join("\n")
    : "  (no output)";
}

function trimLog(file: string): void {
  try {
    if (statSync(file).size > MAX_LAUNCHER_LOG_BYTES) truncateSync(file, 0);
  } catch {
    // no log yet
  }
}
