import os from "node:os";

const MIB = 1024 * 1024;
const UNIT: Record<string, number> = { "": 1, k: 1024, m: MIB, g: 1024 * MIB, t: 1024 * 1024 * MIB };

/** "512m", "2g", "1.5G", "4096MB", "1073741824" -> bytes; null when the text is not a size. */
export function parseMemorySize(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?$/i.exec(text.trim());
  const bytes = match ? Math.floor(Number(match[1]) * UNIT[match[2].toLowerCase()]) : NaN;
  return Number.isFinite(bytes) ? bytes : null;
}

/**
 * The memory this process can have: the machine's, or less where a container (a cgroup) limits it. Node reports "no
 * limit" as 0 or as about 2^64, so only a constraint below the machine's memory counts.
 */
export function machineMemoryBytes(): number {
  const total = os.totalmem();
  const constrained = process.constrainedMemory?.() ?? 0;
  return constrained > 0 && constrained < total ? constrained : total;
}
