import { writeFileSync } from "node:fs";
import { bulkImport } from "../../import/bulk/bulk-import";
import { createProgress } from "../../import/progress";
import { loadConfig } from "../../src/config";

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
  const { summary, csv, stageSeconds, seconds, peakRssMiB, written } = result;
  writeFileSync(resultFile, JSON.stringify({ written, seconds, stageSeconds, peakRssMiB, rows: csv?.rows, files: summary.files }));
  if (!written) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
