import { spawn } from "node:child_process";
import path from "node:path";

/** The bare HTTP floor (bench/bare-server.ts) in a process of its own, as the serving benchmarks run it. */
export interface BareProcess {
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

const BARE_SCRIPT = path.resolve(__dirname, "..", "bare-server.js");

/** `env`: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE of the graph to serve. */
export function startBare(env: NodeJS.ProcessEnv): Promise<BareProcess> {
  const child = spawn(process.execPath, [BARE_SCRIPT, "0"], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  let out = "";
  let err = "";
  child.stderr.on("data", (d) => (err += d));
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`bare server exited (${code}) before it was ready: ${err.slice(-1000)}`)));
    child.stdout.on("data", (d) => {
      out += d;
      const url = /bare server ready: (\S+)/.exec(out)?.[1];
      if (url)
        resolve({
          url,
          pid: child.pid!,
          stop: async () => {
            child.kill("SIGTERM");
            await exited;
            process.off("exit", killOnExit);
          },
        });
    });
  });
}
