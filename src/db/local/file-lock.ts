import { closeSync, openSync, readFileSync, rmSync, statSync, utimesSync, writeSync } from "node:fs";
import { isProcessAlive, sleep } from "./process-probe";
import { Neo4jSetupError } from "./setup-error";

export interface LockOptions {
  /** How long to wait for another holder before giving up. */
  timeoutMs: number;
  /** A lock older than this is stale even if its pid lives (pid reuse); must exceed the longest legitimate hold. */
  staleAfterMs?: number;
  /** Called once when we start waiting, to say who holds the lock. */
  onWait?: (holderPid: number | undefined) => void;
  /** What the lock protects, for the timeout message. */
  purpose: string;
}

/** How often a holder touches its lock file, so that a long hold (a bulk import) never looks stale by age. */
const HEARTBEAT_MS = 30_000;

/**
 * Runs `work` while holding an exclusive lock file (created with O_EXCL, holding our pid).
 * Works across processes and within one: a second caller in the same process waits too.
 * A lock whose pid is dead is taken over, so a SIGKILLed holder never blocks anyone for long.
 */
export async function withExclusiveLock<T>(lockPath: string, options: LockOptions, work: () => Promise<T>): Promise<T> {
  const token = `${process.pid} ${Date.now()} ${Math.random().toString(36).slice(2)}`;
  await acquire(lockPath, token, options);
  const heartbeat = setInterval(() => touchIfHeld(lockPath, token), HEARTBEAT_MS);
  heartbeat.unref();
  try {
    return await work();
  } finally {
    clearInterval(heartbeat);
    release(lockPath, token);
  }
}

function touchIfHeld(lockPath: string, token: string): void {
  try {
    if (readFileSync(lockPath, "utf8") === token) {
      const now = new Date();
      utimesSync(lockPath, now, now);
    }
  } catch {
    // Gone (taken over): nothing to keep fresh.
  }
}

async function acquire(lockPath: string, token: string, options: LockOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  const staleAfterMs = options.staleAfterMs ?? 20 * 60_000;
  let announced = false;
  for (;;) {
    try {
      const fd = openSync(lockPath, "wx");
      try {
        writeSync(fd, token);
      } finally {
        closeSync(fd);
      }
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = readHolder(lockPath);
    if (holder && isStale(holder, staleAfterMs)) {
      // Only the content we judged stale is removed; a fresh lock written meanwhile survives.
      if (readHolder(lockPath)?.token === holder.token) rmSync(lockPath, { force: true });
      continue;
    }
    if (!announced) {
      options.onWait?.(holder?.pid);
      announced = true;
    }
    if (Date.now() > deadline) {
      throw new Neo4jSetupError(
        `Timed out waiting for ${options.purpose}: process ${holder?.pid ?? "?"} holds ${lockPath}. ` +
          `Wait for it to finish, or delete that file if no such process runs.`,
      );
    }
    await sleep(200);
  }
}

function isStale(holder: { pid: number; mtimeMs: number }, staleAfterMs: number): boolean {
  const age = Date.now() - holder.mtimeMs;
  // An empty or half-written lock belongs to a holder that is writing it right now.
  if (!Number.isInteger(holder.pid) || holder.pid <= 0) return age > 5_000;
  return !isProcessAlive(holder.pid) || age > staleAfterMs;
}

function readHolder(lockPath: string): { token: string; pid: number; mtimeMs: number } | undefined {
  try {
    const token = readFileSync(lockPath, "utf8");
    return { token, pid: Number(token.split(" ")[0]), mtimeMs: statSync(lockPath).mtimeMs };
  } catch {
    return undefined; // vanished between our attempts: the next loop takes it
  }
}

function release(lockPath: string, token: string): void {
  try {
    if (readFileSync(lockPath, "utf8") === token) rmSync(lockPath, { force: true });
  } catch {
    // Already gone (taken over as stale): nothing to release.
  }
}
