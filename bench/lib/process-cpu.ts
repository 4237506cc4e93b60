import { readFileSync } from "node:fs";

/**
 * CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat (Linux), or undefined elsewhere.
 * On a shared 2-core machine the difference over a run says how much work Neo4j did, whatever else was running.
 */
export function processCpuSeconds(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) start after the last ")"; utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticksPerSecond = 100; // USER_HZ, 100 on every Linux this runs on
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return undefined;
  }
}
