import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { HomeLayout } from "./home-layout";
import { isProcessAlive } from "./process-probe";

/*
 * Leases on a running local Neo4j. A process that joins the server of its home (it did not start it)
 * writes <neo4j home>/leases/<its pid>. When the owner goes, the launcher (LocalNeo4j.java --lease-dir)
 * keeps serving while a lease names a live process, so the database stops when its last user is gone,
 * not its first. A crashed holder needs no clean-up: a lease of a dead pid counts for nothing.
 */

/** Takes a lease for this process; the returned function gives it back (also done when the process exits). */
export function takeLease(layout: HomeLayout): () => void {
  mkdirSync(layout.leaseDir, { recursive: true });
  const file = path.join(layout.leaseDir, String(process.pid));
  writeFileSync(file, `${new Date().toISOString()}\n`);
  const release = () => {
    process.off("exit", release);
    rmSync(file, { force: true });
  };
  process.on("exit", release);
  return release;
}

/** The pids of live processes that hold a lease, this one excluded. */
export function liveLeases(layout: HomeLayout): number[] {
  let names: string[];
  try {
    names = readdirSync(layout.leaseDir);
  } catch {
    return [];
  }
  return names
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => pid !== process.pid && isProcessAlive(pid));
}
