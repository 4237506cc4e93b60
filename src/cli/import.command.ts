import { writeFileSync } from "node:fs";
import { Command, Option } from "commander";
import { bulkImport } from "../../import/bulk/bulk-import";
import { bulkMemory } from "../../import/bulk/memory-budget";
import { FORMATS } from "../../import/canonical";
import { expandInputs } from "../../import/folders";
import { importFiles, ImportSummary } from "../../import/import-runner";
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
  // Ctrl-C (or SIGTERM) stops between batches: the run is recorded as failed, the import lock released and the local
  // Neo4j this command started stopped, instead of a lock another import waits out and a run left "running".
  const interrupt = new AbortController();
  const stop = (signal: NodeJS.Signals) => {
    if (interrupt.signal.aborted) process.exit(signal === "SIGINT" ? 130 : 143); // a second one: at once
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
    let summary: ImportSummary;
    try {
      summary = await importFiles(session.db, files, {
        format: opts.format as never,
        batchSize: opts.batchSize,
        progress: createProgress(),
        lock: { wait: opts.wait, log: (m) => console.error(m) },
        signal: interrupt.signal,
      });
    } finally {
      listen(false); // the figures step after it stops as any command does
    }
    console.log(formatImportSummary(summary));
    if (interrupt.signal.aborted) process.exitCode = interrupt.signal.reason === "SIGINT" ? 130 : 143;
    else if (opts.figures) await figuresAfterImport(() => runFigures(session.db, { wait: opts.wait }));
    return summary;
  } finally {
    await session.close();
  }
}

async function runBulk(files: string[], opts: ImportCommandOptions): Promise<ImportSummary> {
  const result = await bulkImport({
    config: loadConfig(),
    env: process.env,
    paths: files,
    options: { format: opts.format as never, batchSize: opts.batchSize, progress: createProgress() },
    log: (m) => console.error(m),
  });
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
