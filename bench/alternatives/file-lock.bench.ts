import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import * as properLockfile from "proper-lockfile";
import { withExclusiveLock } from "../../src/db/local/file-lock";
import { childArgs, fixed, interleavedRounds, isChild, median, reportFromChild, table } from "./measure";

/*
 * `npm run build && node dist/bench/alternatives/file-lock.bench.js [cycles] [rounds]`
 * Our lock file (src/db/local/file-lock.ts) against proper-lockfile, the maintained npm lock library:
 * uncontended lock/unlock cycles (each variant in a child process of its own), then the two situations the lock exists for, with real processes: a holder SIGKILLed mid-hold, and a
 * holder whose event loop is blocked for a while (the bulk import writes its CSV files synchronously).
 */

type Variant = "ours" | "proper-lockfile";
const VARIANTS: Variant[] = ["ours", "proper-lockfile"];
/** Ours polls every 200 ms; proper-lockfile is given the same retry interval, so waits compare like with like. */
const POLL_MS = 200;
/** proper-lockfile's default: a lock whose mtime is older is taken over (it refreshes its own every stale/2). */
const PROPER_STALE_MS = 10_000;

type Hold = <T>(lockPath: string, timeoutMs: number, work: () => Promise<T>, onWait?: (pid: number | undefined) => void) => Promise<T>;

const holds: Record<Variant, Hold> = {
  ours: (lockPath, timeoutMs, work, onWait) => withExclusiveLock(lockPath, { timeoutMs, purpose: "the benchmark", onWait }, work),
  "proper-lockfile": async (lockPath, timeoutMs, work) => {
    const release = await properLockfile.lock(lockPath, {
      lockfilePath: lockPath,
      realpath: false,
      stale: PROPER_STALE_MS,
      retries: { retries: Math.ceil(timeoutMs / POLL_MS), factor: 1, minTimeout: POLL_MS, maxTimeout: POLL_MS },
    });
    try {
      return await work();
    } finally {
      await release();
    }
  },
};

async function cyclesChild(variant: Variant, lockPath: string, cycles: number): Promise<void> {
  const hold = holds[variant];
  await reportFromChild(async () => {
    for (let i = 0; i < cycles; i++) await hold(lockPath, 5_000, async () => undefined);
    return { cycles };
  });
}

/** Takes the lock, says so on stdout, blocks its event loop for `blockMs` (as synchronous work does), then releases. */
async function holderChild(variant: Variant, lockPath: string, blockMs: number): Promise<void> {
  await holds[variant](lockPath, 5_000, async () => {
    process.stdout.write("held\n");
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, blockMs);
  });
  process.stdout.write("released\n");
}

function startHolder(
  variant: Variant,
  lockPath: string,
  blockMs: number,
): { child: ChildProcess; held: Promise<void>; exited: Promise<{ code: number | null; stderr: string; released: boolean }> } {
  const child = spawn(process.execPath, [__filename, "--bench-child", variant, "holder", lockPath, String(blockMs)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
  const held = new Promise<void>((resolve) =>
    child.stdout.setEncoding("utf8").on("data", (text: string) => ((out += text), out.includes("held") && resolve())),
  );
  const exited = new Promise<{ code: number | null; stderr: string; released: boolean }>((resolve) =>
    child.once("exit", (code) => resolve({ code, stderr, released: out.includes("released") })),
  );
  return { child, held, exited };
}

interface Scenario {
  waitedSeconds: number;
  /** The waiter got the lock while the first holder was still inside its critical section. */
  overlapped: boolean;
  /** The waiter's own lock was still on disk at the end of its critical section (nobody removed it under it). */
  keptOwnLock: boolean;
  holderPidInMessage: boolean;
  holderEnd: string;
}

async function scenario(variant: Variant, dir: string, kind: "killed" | "stalled"): Promise<Scenario> {
  const lockPath = path.join(dir, `${variant}-${kind}.lock`);
  const blockMs = kind === "killed" ? 60_000 : PROPER_STALE_MS + 3_000;
  const holder = startHolder(variant, lockPath, blockMs);
  await holder.held;
  if (kind === "killed") holder.child.kill("SIGKILL");
  let holderDone = false;
  void holder.exited.then(() => (holderDone = true));
  let messagePid: number | undefined;
  const started = performance.now();
  let waitedSeconds = 0;
  let keptOwnLock = false;
  const overlapped = await holds[variant](
    lockPath,
    60_000,
    async () => {
      waitedSeconds = (performance.now() - started) / 1000;
      const overlapping = kind === "stalled" && !holderDone;
      // Stay inside long enough for a stalled first holder to wake up and release "its" lock.
      if (overlapping) await Promise.race([holder.exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      keptOwnLock = existsSync(lockPath);
      return overlapping;
    },
    (pid) => (messagePid = pid),
  );
  const end = await holder.exited;
  const compromised = /ECOMPROMISED|ERELEASED|compromised|already released/i.exec(end.stderr)?.[0];
  return {
    waitedSeconds,
    overlapped,
    keptOwnLock,
    holderPidInMessage: messagePid === holder.child.pid,
    holderEnd:
      kind === "killed"
        ? "killed"
        : end.code === 0 && end.released
          ? "released normally"
          : `exit ${end.code}${compromised ? ` (${compromised})` : ""}`,
  };
}

async function main(): Promise<void> {
  const cycles = Number(process.argv[2] ?? 2000);
  const rounds = Number(process.argv[3] ?? 3);
  const dir = mkdtempSync(path.join(os.tmpdir(), "coauthor-graph-lock-bench-"));
  try {
    console.log(
      `${cycles} uncontended cycles per run, ${rounds} rounds, medians; node ${process.version}, ${os.cpus()[0]?.model.trim()}, load ${os.loadavg()[0].toFixed(2)}`,
    );
    const cycleRuns = await interleavedRounds(__filename, VARIANTS, rounds, ["cycles", path.join(dir, "cycles.lock"), String(cycles)]);
    const perCycle = (variant: Variant) => (median(cycleRuns.get(variant)!.map((r) => r.seconds)) / cycles) * 1e6;
    const rows = [["variant", "µs per lock+unlock", "vs ours", "peak RSS MiB"]];
    for (const variant of VARIANTS) {
      rows.push([
        variant,
        fixed(perCycle(variant), 1),
        `${fixed(perCycle(variant) / perCycle("ours"))}x`,
        fixed(median(cycleRuns.get(variant)!.map((r) => r.maxRssMiB)), 0),
      ]);
    }
    console.log(`\n${table(rows)}\n`);

    const behaviour = [
      [
        "situation",
        "variant",
        "waiter got the lock after s",
        "two holders at once",
        "waiter's lock intact",
        "wait message names holder pid",
        "first holder",
      ],
    ];
    for (const kind of ["killed", "stalled"] as const) {
      for (const variant of VARIANTS) {
        const result = await scenario(variant, dir, kind);
        behaviour.push([
          kind === "killed" ? "holder SIGKILLed" : `holder's loop blocked ${(PROPER_STALE_MS + 3_000) / 1000} s`,
          variant,
          fixed(result.waitedSeconds, 1),
          result.overlapped ? "YES" : "no",
          result.keptOwnLock ? "yes" : "NO",
          result.holderPidInMessage ? "yes" : "no",
          result.holderEnd,
        ]);
      }
    }
    console.log(
      `${table(behaviour)}\n(proper-lockfile with stale = ${PROPER_STALE_MS / 1000} s, its default; ours takes over a dead pid at once and a live one after 20 min)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function child(): Promise<void> {
  const [variant, mode, lockPath, count] = childArgs() as [Variant, string, string, string];
  if (mode === "holder") return holderChild(variant, lockPath, Number(count));
  return cyclesChild(variant, lockPath, Number(count));
}

(isChild() ? child() : main()).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
