import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * `coauthor-graph serve` as an operator runs it: a child process of its own (production mode unless the environment
 * says otherwise), so that its RSS is the server's alone and a signal reaches it as it would in a deployment.
 */
export interface ServeProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  graphqlUrl: string;
  baseUrl: string;
  /** Everything it wrote to stderr so far (its log). */
  log: () => string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code (or signal name). */
  stop: (graceMs?: number) => Promise<string>;
}

export interface ServeOptions {
  /** COAUTHOR_GRAPH_HOME of the graph to serve. */
  home: string;
  env?: NodeJS.ProcessEnv;
  /** The CLI to run (another build's `dist/src/cli/main.js`, to compare builds); this build's by default. */
  cli?: string;
  /** Extra CLI arguments after `serve --port 0`. */
  args?: string[];
  /** Give up when it has not said where it listens within this (a cold Neo4j takes a while). */
  startTimeoutMs?: number;
  onLog?: (line: string) => void;
}

const CLI = path.resolve(__dirname, "..", "..", "src", "cli", "main.js");
const LISTENING = /HTTP server listening on (\S+):(\d+)/;

export function startServe(options: ServeOptions): Promise<ServeProcess> {
  const child = spawn(process.execPath, [options.cli ?? CLI, "serve", "--port", "0", ...(options.args ?? [])], {
    env: { ...process.env, NODE_ENV: "production", ...options.env, COAUTHOR_GRAPH_HOME: options.home },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  let partial = "";
  child.stdout.resume();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`serve did not listen within ${options.startTimeoutMs ?? 600_000} ms:\n${stderr.slice(-2000)}`));
    }, options.startTimeoutMs ?? 600_000);
    const onExit = (code: number | null, signal: string | null) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code ?? signal}) before listening:\n${stderr.slice(-2000)}`));
    };
    child.once("exit", onExit);
    let resolved = false;
    child.stderr.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      stderr += text;
      partial += text;
      const lines = partial.split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) options.onLog?.(line);
      const match = LISTENING.exec(stderr);
      if (match && !resolved) {
        resolved = true;
        clearTimeout(timer);
        child.off("exit", onExit);
        const port = Number(match[2]);
        const baseUrl = `http://127.0.0.1:${port}`;
        const exited = new Promise<string>((done) => child.once("exit", (code, signal) => done(String(code ?? signal))));
        resolve({
          child,
          pid: child.pid!,
          port,
          baseUrl,
          graphqlUrl: `${baseUrl}/graphql`,
          log: () => stderr,
          stop: async (graceMs = 40_000) => {
            if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
            const timer2 = setTimeout(() => child.kill("SIGKILL"), graceMs);
            const how = await exited;
            clearTimeout(timer2);
            return how;
          },
        });
      }
    });
  });
}

/** The running local Neo4j of a home, as its state file records it (bolt URI, credentials, Java pid). */
export interface HomeNeo4j {
  uri: string;
  user: string;
  password: string;
  database: string;
  pid?: number;
}

export function homeNeo4j(home: string): HomeNeo4j | undefined {
  try {
    const state = JSON.parse(readFileSync(path.join(home, "neo4j", "server.json"), "utf8")) as HomeNeo4j;
    return typeof state.uri === "string" ? state : undefined;
  } catch {
    return undefined;
  }
}
