import { writeFileSync } from "node:fs";
import { Command, Option } from "commander";
import { FORMATS } from "../../import/canonical";
import { importFiles } from "../../import/import-runner";
import { createProgress } from "../../import/progress";
import { formatImportSummary, rejectionLines } from "../../import/summary-report";
import { WRITE_BATCH_SIZE } from "../../import/writer/graph-writer";
import { loadConfig } from "../config";
import { openDatabase } from "../db/neo4j-provider";
import { positiveInt } from "./options";

export function registerImportCommand(program: Command): void {
  program
    .command("import")
    .description("import bibliographic files (.gz read transparently; - for stdin) into the graph")
    .argument("<files...>", "files to import, in order")
    .addOption(new Option("-f, --format <format>", "input format").choices(["auto", ...FORMATS]).default("auto"))
    .option("--batch-size <n>", "records per write transaction", positiveInt, WRITE_BATCH_SIZE)
    .option("--rejects <file>", "write every rejected record (file, line, reason) as JSON Lines")
    .action(async (files: string[], opts: { format: string; batchSize: number; rejects?: string }) => {
      const config = loadConfig();
      const session = await openDatabase({ config, log: (m) => console.error(m) });
      try {
        const summary = await importFiles(session.db, files, {
          format: opts.format as never,
          batchSize: opts.batchSize,
          progress: createProgress(),
        });
        console.log(formatImportSummary(summary));
        if (opts.rejects) writeFileSync(opts.rejects, rejectionLines(summary));
        if (!summary.ok) process.exitCode = 1;
      } finally {
        await session.close();
      }
    });
}
