import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";

/*
 * Shared by the hand-written-versus-library benchmarks in this folder: each variant runs in a child
 * process of its own, so one variant's heap, JIT state and loaded modules never flatter or burden
 * another, and the kernel's peak RSS of that child is the variant's memory figure.
 */

export interface ChildFigures {
  seconds: number;
  /** Peak resident set size of the child (getrusage ru_maxrss). */
  maxRssMiB: number;
  /** Highest heapUsed + arrayBuffers seen by a 10 ms sampler (garbage included, no forced GC). */
  peakHeapMiB: number;
  /** What the variant produced, for checking that all variants agree. */
  summary: unknown;
}

const CHILD_FLAG = "--bench-child";
const MiB = 1024 * 1024;

/** True in a child started by runChild; then `childArgs()` are the arguments after the flag. */
export function isChild(): boolean {
  return process.argv[2] === CHILD_FLAG;
}

export function childArgs(): string[] {
  return process.argv.slice(3);
}

/** Runs `work` once in this (child) process and prints its figures as one JSON line on stdout. */
export async function reportFromChild(work: () => Promise<unknown>): Promise<void> {
  let peak = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    peak = Math.max(peak, usage.heapUsed + usage.arrayBuffers);
  };
  const sampler = setInterval(sample, 10);
  sampler.unref(); // a variant that throws must still let its child exit
  const started = performance.now();
  let summary: unknown;
  try {
    summary = await work();
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  sample();
  const figures: ChildFigures = {
    seconds,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    peakHeapMiB: peak / MiB,
    summary,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

/** Starts this same script as a child with `args`, and returns what it reported. */
export function runChild(script: string, args: string[]): Promise<ChildFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, CHILD_FLAG, ...args], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => (out += text));
    child.once("error", reject);
    child.once("exit", (code) => {
      const last = out.trim().split("\n").pop() ?? "";
      if (code !== 0) reject(new Error(`benchmark child ${args.join(" ")} exited with ${code}; see its stderr above`));
      else resolve(JSON.parse(last) as ChildFigures);
    });
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A plain-text table with aligned columns; the first row is the header. */
export function table(rows: readonly string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: readonly string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ");
  return [line(rows[0]), widths.map((width) => "-".repeat(width)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

export const fixed = (value: number, digits = 2) => value.toFixed(digits);

/** Runs `rounds` rounds of every variant, interleaved so that a busy moment on the machine hits all of them. */
export async function interleavedRounds(
  script: string,
  variants: readonly string[],
  rounds: number,
  extraArgs: string[] = [],
): Promise<Map<string, ChildFigures[]>> {
  const results = new Map<string, ChildFigures[]>(variants.map((variant) => [variant, []]));
  for (let round = 0; round < rounds; round++) {
    for (const variant of variants) results.get(variant)!.push(await runChild(script, [variant, ...extraArgs]));
  }
  return results;
}
