import { spawn } from "node:child_process";
import os from "node:os";
import { BULK_MEMORY_VARIABLE, type BulkMemory } from "../../import/bulk/memory-budget";
import { givenNodeFlags, hasNodeFlag } from "../util/node-flags";

/*
 * `import --bulk` holds the whole graph in Node's heap, and Node's default limit (about 4 GB on a 64-bit machine,
 * whatever its memory) stops it at a few million dblp records. A process cannot raise its own limit once started, so
 * the command runs itself again with one sized from the machine's memory (or keeps the limit the user chose), and
 * with a larger young generation: most of the read's garbage (parsed records, a batch's rows) then dies young instead of
 * being promoted and marked again and again in the old generation (`bench/SCALE.md` has the measured effect); and
 * with a fixed heap growth of half the live heap between full collections: V8's own choice let the heap grow to
 * several times what was alive (peak RSS 834 MiB for 315 MiB of graph at 1M generated records; 636 MiB with this,
 * the read and CSV stages no slower).
 */

/**
 * Share of the memory the import may use (the machine's, or COAUTHOR_GRAPH_BULK_MEMORY) the heap may take: the rest is
 * for the papers' columns outside the heap, the OS and the page cache; neo4j-admin runs after the graph is dropped.
 */
const HEAP_SHARE = 0.6;
/** Young generation semi-space, MiB (Node's default is 16 on 64-bit machines). */
const SEMI_SPACE_MIB = 32;
/** The old generation may grow by this share of the heap alive after a full collection before the next one. */
const HEAP_GROWING_PERCENT = 50;
/** Set in the rerun's environment, so that it never reruns itself again. */
const RERUN_MARK = "COAUTHOR_GRAPH_BULK_RERUN";

const MIB = 2 ** 20;

/**
 * The V8 flags the bulk import should run with that it does not have yet, or null when it runs as it is (it has them
 * all, or this process is already the rerun). A heap limit the user chose (in NODE_OPTIONS or on node's command line)
 * stays; the young generation and the heap growth are added beside it unless chosen too.
 */
export function bulkHeapFlags(env: NodeJS.ProcessEnv, execArgv: readonly string[], machineBytes: number): string[] | null {
  if (env[RERUN_MARK] === "1") return null;
  const given = givenNodeFlags(execArgv, env);
  const has = (name: string) => hasNodeFlag(given, name);
  const flags: string[] = [];
  if (!has("max-old-space-size")) flags.push(`--max-old-space-size=${Math.floor((HEAP_SHARE * machineBytes) / MIB)}`);
  if (!has("max-semi-space-size")) flags.push(`--max-semi-space-size=${SEMI_SPACE_MIB}`);
  if (!has("heap-growing-percent")) flags.push(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return flags.length > 0 ? flags : null;
}

/** What the rerun line says about the flags, and the memory they were sized from. */
export function describeBulkHeap(flags: readonly string[], memory: BulkMemory): string {
  const heapMiB = Number(/--max-old-space-size=(\d+)/.exec(flags.join(" "))?.[1]);
  const gib = (bytes: number) => (bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GiB` : `${Math.round(bytes / MIB)} MiB`);
  const limit = Number.isFinite(heapMiB)
    ? `a heap limit of ${gib(heapMiB * MIB)} (${Math.round(HEAP_SHARE * 100)}% of ` +
      `${memory.chosen ? `the ${gib(memory.bytes)} ${BULK_MEMORY_VARIABLE} allows` : `this machine's ${gib(memory.bytes)}`})`
    : "the heap limit you gave";
  const semi = flags.some((f) => f.startsWith("--max-semi-space-size")) ? `, ${SEMI_SPACE_MIB} MiB young-generation semi-spaces` : "";
  const growth = flags.some((f) => f.startsWith("--heap-growing-percent"))
    ? ` and a full collection whenever the heap grows by ${HEAP_GROWING_PERCENT}% of what was alive after the last one`
    : "";
  return (
    `import --bulk: running with ${limit}${semi}${growth}` +
    (Number.isFinite(heapMiB) ? "; set NODE_OPTIONS=--max-old-space-size=<MiB> to choose the limit yourself." : ".")
  );
}

/**
 * Runs this same command again in a child Node with the flags, standard streams shared, and returns the exit code
 * to leave with. SIGINT and SIGTERM sent to this process are passed on, so the child's own cleanup (neo4j-admin's
 * stop, the half-built store's removal) runs as it would have here.
 */
export function rerunWithFlags(flags: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const child = spawn(process.execPath, [...flags, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...env, [RERUN_MARK]: "1" },
  });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  const handlers = { SIGINT: forward("SIGINT"), SIGTERM: forward("SIGTERM") };
  for (const [signal, handler] of Object.entries(handlers)) process.on(signal, handler);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      for (const [name, handler] of Object.entries(handlers)) process.off(name, handler);
      resolve(code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0));
    });
  });
}
