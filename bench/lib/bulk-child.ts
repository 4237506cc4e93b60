import { writeFileSync } from "node:fs";
import { bulkImport, continueOnline, joinSummaries } from "../../import/bulk/bulk-import";
import { createProgress } from "../../import/progress";
import { loadConfig } from "../../src/config";
import { openDatabase } from "../../src/db/neo4j-provider";

/**
 * `import --bulk` as a measured child process of the import benchmark (run with report-max-rss.js preloaded, so its
 * peak RSS is its own): node bulk-child.js <file> <result.json>. Same function as the CLI's --bulk; the result file
 * gets the figures the CLI prints as text.
 */
async function main(): Promise<void> {
  const [file, resultFile] = process.argv.slice(2);
  const result = await bulkImport({
    config: loadConfig(),
    env: process.env,
    paths: [file],
    options: { progress: createProgress() },
    log: (line) => console.error(line),
  });
  const { csv, stageSeconds, seconds, peakRssMiB, written, handOff } = result;
  let summary = result.summary;
  let onlineSeconds: number | undefined;
  if (handOff) {
    // The memory budget filled (COAUTHOR_GRAPH_BULK_MEMORY): the rest goes on online, as the CLI does.
    const started = Date.now();
    const session = await openDatabase({ config: loadConfig(), log: (line) => console.error(line) });
    try {
      summary = joinSummaries(summary, await continueOnline(session.db, handOff, { progress: createProgress() }));
    } finally {
      await session.close();
    }
    onlineSeconds = (Date.now() - started) / 1000;
  }
  const handedOff = handOff && { records: handOff.records, onlineSeconds, reason: handOff.reason };
  writeFileSync(
    resultFile,
    JSON.stringify({ written, seconds, stageSeconds, peakRssMiB, rows: csv?.rows, files: summary.files, handedOff }),
  );
  if (!written) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
