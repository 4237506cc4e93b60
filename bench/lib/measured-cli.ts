import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";

/** What one child process of the scale pipeline took. */
export interface MeasuredRun {
  wallSeconds: number;
  /** Highest VmHWM seen in /proc/PID/status (the kernel's own peak RSS of the child), MiB; NaN where /proc is missing. */
  peakRssMiB: number;
  stdout: string;
  /** stderr lines, kept for the stage times and counts the CLI prints. */
  stderr: string[];
}

/** VmHWM of a live process, KiB, or undefined when it is gone (or not Linux). */
function highWaterKiB(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs `node <args>` under `nice -n <niceness>` when asked (the machine is shared), streams its stderr to `log`
 * and samples its VmHWM every `sampleMs`. VmHWM is a high-water mark, so sampling misses nothing but the last
 * interval's growth; the last sample is taken as late as the process lets us. Rejects on a non-zero exit.
 */
export async function runMeasured(opts: {
  args: string[];
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  what: string;
  niceness?: number;
  sampleMs?: number;
}): Promise<MeasuredRun> {
  // nice(1) execs node, so the PID we sample is node's own.
  const [command, args] = opts.niceness
    ? ["nice", ["-n", String(opts.niceness), process.execPath, ...opts.args]]
    : [process.execPath, opts.args];
  const started = process.hrtime.bigint();
  const child = spawn(command, args, { env: opts.env, stdio: ["ignore", "pipe", "pipe"] });
  let peakKiB = Number.NaN;
  const sample = () => {
    const kib = child.pid === undefined ? undefined : highWaterKiB(child.pid);
    if (kib !== undefined) peakKiB = Number.isNaN(peakKiB) ? kib : Math.max(peakKiB, kib);
  };
  const timer = setInterval(sample, opts.sampleMs ?? 1000);
  let stdout = "";
  const stderr: string[] = [];
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    sample();
  });
  createInterface({ input: child.stderr }).on("line", (line) => {
    stderr.push(line);
    opts.log(`  ${line}`);
  });
  const code: number = await new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (c, signal) => {
      sample();
      resolve(c ?? (signal ? 128 : 1));
    });
  });
  clearInterval(timer);
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (code !== 0) throw new Error(`${opts.what} exited with ${code}:\n${stdout.slice(-2000)}\n${stderr.slice(-20).join("\n")}`);
  return { wallSeconds, peakRssMiB: peakKiB / 1024, stdout, stderr };
}
