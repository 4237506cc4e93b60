import { type ChildProcess, spawn } from "node:child_process";
import { fromRoot } from "../../src/util/project-root";
import { testNeo4jTarget } from "./neo4j";

const CLI = fromRoot("dist", "src", "cli", "main.js");

export interface ServeProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stderr so far (its log). */
  stderr(): string;
  /** Resolves with the exit code once the process has ended (at once if it has). */
  exited: Promise<number | null>;
  /** SIGTERM (or `signal`), then SIGKILL after `killAfterMs`; resolves with the exit code. */
  stop(signal?: NodeJS.Signals, killAfterMs?: number): Promise<number | null>;
}

/** The test Neo4j as NEO4J_URI, with NODE_ENV and HOST removed: the environment of a plain `serve`. */
export function serveEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const target = testNeo4jTarget();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_URI: target.uri,
    NEO4J_USER: target.user,
    NEO4J_PASSWORD: target.password,
    NEO4J_DATABASE: target.database,
    ...extra,
  };
  for (const name of ["NODE_ENV", "HOST"]) if (!(name in extra)) delete env[name];
  return env;
}

/**
 * Starts the real CLI (`serve --port 0` by default) and resolves once it prints its URL. The process
 * is SIGKILLed if it is not ready within `readyMs`, and always when the test process exits.
 */
export function startServe(env: NodeJS.ProcessEnv, args: string[] = ["serve", "--port", "0"], readyMs = 120_000): Promise<ServeProcess> {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code, signal) => {
      process.off("exit", killOnExit);
      resolve(code ?? (signal ? 128 : null));
    }),
  );
  const stop = async (signal: NodeJS.Signals = "SIGTERM", killAfterMs = 30_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return exited;
    child.kill(signal);
    const timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`coauthor-graph ${args.join(" ")} was not ready in ${readyMs} ms\n${stdout}\n${stderr}`));
    }, readyMs);
    child.stdout.on("data", (d) => {
      stdout += d;
      const url = /ready: playground (http:\/\/\S+?)\/ /.exec(stdout)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, child, stderr: () => stderr, exited, stop });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`coauthor-graph ${args.join(" ")} exited with ${code} before it was ready\n${stdout}\n${stderr}`));
    });
  });
}
