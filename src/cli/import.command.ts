import { rmSync, writeFileSync } from "node:fs";
import { Command, Option } from "commander";
import { bulkImport, continueOnline, joinSummaries } from "../../import/bulk/bulk-import";
import { BULK_OVERFLOWS, BulkOverflow, bulkMemory } from "../../import/bulk/memory-budget";
import { FORMATS } from "../../import/canonical";
import { expandInputs } from "../../import/folders";
import { HandOff, importFiles, ImportSummary } from "../../import/import-runner";
import { createProgress } from "../../import/progress";
import { formatBulkFooter, formatImportSummary, rejectionLines } from "../../import/summary-report";
import { WRITE_BATCH_SIZE } from "../../import/writer/graph-writer";
import { loadConfig } from "../config";
import { openDatabase } from "../db/neo4j-provider";
import { bulkHeapFlags, describeBulkHeap, rerunWithFlags } from "./bulk-heap";
import { runFigures } from "./figures.command";
import { positiveInt } from "./options";

interface ImportCommandOptions {
  format: string;
  batchSize: number;
  rejects?: string;
  bulk?: boolean;
  /** commander's --no-wait: false refuses when another import holds the graph's import lock. */
  wait: boolean;
  /** commander's --no-figures: false skips the whole-graph figures at the end. */
  figures: boolean;
  overflow: BulkOverflow;
}

export function registerImportCommand(program: Command): void {
  program
    .command("import")
    .description("import bibliographic files (.gz read transparently; - for stdin) into the graph")
    .argument("<files...>", "files to import, in order; a folder stands for every file of a known format under it")
    .addOption(new Option("-f, --format <format>", "input format").choices(["auto", ...FORMATS]).default("auto"))
    .option("--batch-size <n>", "records per write transaction", positiveInt, WRITE_BATCH_SIZE)
    .option("--rejects <file>", "write every rejected record (file, line, reason) as JSON Lines")
    .option("--no-figures", "do not compute the whole-graph figures at the end (run `coauthor-graph figures` later)")
    .option("--no-wait", "refuse (exit 1) instead of waiting when another import is writing to the graph")
    .option(
      "--bulk",
      "first load of an EMPTY local database with neo4j-admin (Neo4j must be stopped); same graph as the online import, several times faster",
    )
    .addOption(
      new Option(
        "--overflow <what>",
        "--bulk, when the graph outgrows the memory it may use: load what fits and import the rest online, or refuse before writing",
      )
        .choices([...BULK_OVERFLOWS])
        .default("online"),
    )
    .action(async (args: string[], opts: ImportCommandOptions) => {
      const memory = opts.bulk ? bulkMemory(process.env) : null;
      const heapFlags = memory ? bulkHeapFlags(process.env, process.execArgv, memory.bytes) : null;
      if (memory && heapFlags) {
        // Before anything is read (standard input included): the rerun does the whole command.
        console.error(describeBulkHeap(heapFlags, memory));
        process.exitCode = await rerunWithFlags(heapFlags);
        return;
      }
      const { files, skipped } = await expandInputs(args, opts.format);
      if (skipped.length > 0) {
        console.error(`Skipped ${skipped.length} file(s) of the folder(s):\n${skipped.map((s) => `  ${s.file}: ${s.reason}`).join("\n")}`);
      }
      if (files.length === 0)
        throw new Error(`Nothing to import in ${args.join(", ")}: no file of a known format (see the skipped list above).`);
      const summary = opts.bulk ? await runBulk(files, opts) : await runOnline(files, opts);
      if (opts.rejects) writeFileSync(opts.rejects, rejectionLines(summary));
      if (!summary.ok) process.exitCode ??= 1;
    });
}

async function runOnline(files: string[], opts: ImportCommandOptions): Promise<ImportSummary> {
  const config = loadConfig();
  const session = await openDatabase({ config, log: (m) => console.error(m) });
  try {
    const { summary, interrupted } = await interruptible((signal) => importFiles(session.db, files, onlineOptions(opts, signal)));
    console.log(formatImportSummary(summary));
    if (interrupted) process.exitCode = interrupted;
    else if (opts.figures) await figuresAfterImport(() => runFigures(session.db, { wait: opts.wait }));
    return summary;
  } finally {
    await session.close();
  }
}

function onlineOptions(opts: ImportCommandOptions, signal: AbortSignal) {
  return {
    format: opts.format as never,
    batchSize: opts.batchSize,
    progress: createProgress(),
    lock: { wait: opts.wait, log: (m: string) => console.error(m) },
    signal,
  };
}

/** Two signals closer than this are one Ctrl-C delivered twice. */
const SAME_SIGNAL_MS = 1000;

/**
 * Runs an online import that Ctrl-C (or SIGTERM) stops between batches: the run is recorded as failed, the import
 * lock released and the local Neo4j this command started stopped, instead of a lock another import waits out and a
 * run left "running". `interrupted` is the exit code the signal asks for.
 */
async function interruptible(
  run: (signal: AbortSignal) => Promise<ImportSummary>,
): Promise<{ summary: ImportSummary; interrupted?: number }> {
  const interrupt = new AbortController();
  let firstAt = 0;
  const stop = (signal: NodeJS.Signals) => {
    if (interrupt.signal.aborted) {
      // The same Ctrl-C can come twice: from the terminal to the whole process group, and passed on by the parent of
      // import --bulk's rerun (bulk-heap.ts). Only one a second later means "at once".
      if (Date.now() - firstAt < SAME_SIGNAL_MS) return;
      process.exit(signal === "SIGINT" ? 130 : 143);
    }
    firstAt = Date.now();
    console.error(`\n${signal}: stopping after the batch being written (again to stop at once, leaving the lock to expire).`);
    interrupt.abort(signal);
  };
  const listen = (on: boolean) => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      if (on) process.on(signal, stop);
      else process.off(signal, stop);
    }
  };
  listen(true);
  try {
    const summary = await run(interrupt.signal);
    return { summary, interrupted: interrupt.signal.aborted ? (interrupt.signal.reason === "SIGINT" ? 130 : 143) : undefined };
  } finally {
    listen(false); // the figures step after it stops as any command does
  }
}

async function runBulk(files: string[], opts: ImportCommandOptions): Promise<ImportSummary> {
  const result = await bulkImport({
    config: loadConfig(),
    env: process.env,
    paths: files,
    options: { format: opts.format as never, batchSize: opts.batchSize, progress: createProgress() },
    log: (m) => console.error(m),
    overflow: opts.overflow,
  });
  if (result.handOff) return runHandOff(result.summary, result.handOff, opts, formatBulkFooter(result));
  console.log(formatImportSummary(result.summary));
  console.log(formatBulkFooter(result));
  if (opts.figures && result.written) {
    // The bulk load leaves Neo4j stopped; the figures need it once more.
    await figuresAfterImport(async () => {
      const session = await openDatabase({ config: loadConfig(), log: (m) => console.error(m) });
      try {
        await runFigures(session.db, { wait: opts.wait });
      } finally {
        await session.close();
      }
    });
  }
  return result.summary;
}

/** What a bulk load that filled its memory handed on, imported online into the graph it loaded; then the figures. */
async function runHandOff(bulk: ImportSummary, handOff: HandOff, opts: ImportCommandOptions, footer: string): Promise<ImportSummary> {
  console.log(footer);
  const file = handOff.stdinSpool || handOff.paths[0] === "-" ? "<stdin>" : handOff.paths[0];
  const later = handOff.paths.length - 1;
  const loaded = handOff.records > 0 ? `The first ${handOff.records} records of ${file}` : `The files before ${file}`;
  const goes = `${handOff.records > 0 ? "the rest of it" : file}${later > 0 ? ` and the ${later} file(s) after it go` : " goes"}`;
  console.error(
    `import --bulk: ${handOff.reason}. ${loaded} are loaded; ${goes} on through the online import (memory bounded by a ` +
      `batch, slower per record; progress below). To bulk-load more at once, give the import more memory.`,
  );
  // What completes the import when the online part cannot: the bulk part stays, and --bulk needs an empty store.
  const rest = handOff.paths.map((p) => (p === "-" ? "<stdin, piped again>" : p)).join(" ");
  const toComplete =
    `${loaded} are in the graph. To complete the import, run ` +
    `\`coauthor-graph import ${rest}\` (without --bulk: the store is not empty now; re-importing is idempotent, the ` +
    `records already in the graph are written again as they are).`;
  let session: Awaited<ReturnType<typeof openDatabase>>;
  try {
    session = await openDatabase({ config: loadConfig(), log: (m) => console.error(m) });
  } catch (error) {
    if (handOff.stdinSpool) rmSync(handOff.stdinSpool, { force: true });
    throw new Error(`${error instanceof Error ? error.message : String(error)} ${toComplete}`, { cause: error });
  }
  try {
    const { summary: online, interrupted } = await interruptible((signal) =>
      continueOnline(session.db, handOff, onlineOptions(opts, signal)),
    ).catch((error: unknown) => {
      // Refused (--no-wait and another import holds the lock) or the database gone before a summary: still say what completes it.
      throw new Error(`${error instanceof Error ? error.message : String(error)} ${toComplete}`, { cause: error });
    });
    const summary = joinSummaries(bulk, online);
    console.log(formatImportSummary(summary));
    const peak = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(`peak memory of the importer, both parts: ${peak} MiB`);
    if (!summary.ok) console.log(toComplete);
    if (interrupted) process.exitCode = interrupted;
    else if (opts.figures && summary.ok) await figuresAfterImport(() => runFigures(session.db, { wait: opts.wait }));
    return summary;
  } finally {
    await session.close();
  }
}

/**
 * The figures step after an import that is already committed: when it fails, the message says the import stands and
 * only the figures are missing, so nobody runs an hour-long bulk load again for what `coauthor-graph figures` redoes.
 */
async function figuresAfterImport(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `The import above is complete and committed; only the whole-graph figures that follow it failed: ${reason} ` +
        "Run `coauthor-graph figures` to compute them (the API answers everything else meanwhile, and says the figures are missing).",
      { cause: error },
    );
  }
}
