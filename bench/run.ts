import "./lib/production-mode";
import { loadConfig } from "../src/config";
import { runImportBench, describe, type ImportBenchResult } from "./import.bench";
import { machineInfo } from "./lib/machine-info";
import { runQueryBench } from "./query.bench";
import { queryReport } from "./query-report";
import { RESULTS_PATH, writeResults } from "./results-md";

/**
 * `npm run bench`: from a clean clone, import the committed dataset into a fresh local Neo4j
 * (bench/import.bench.ts), run the three-way query benchmark against it, print the tables and
 * write bench/RESULTS.md. The Neo4j it started is stopped at the end, also on failure.
 */
async function main(): Promise<void> {
  const started = new Date();
  const log = (line: string) => console.log(line);
  const machine = machineInfo();
  log(
    `machine: ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.cpuModel}, node ${machine.node}, ${machine.java}, load ${machine.loadAverage}`,
  );
  const budgetMs = Number(process.env.BENCH_BUDGET_MS || 2000);

  let imported: ImportBenchResult | undefined;
  try {
    imported = await runImportBench({ log });
    log(describe(imported.full));
    log(describe(imported.incremental));
    const defaults = loadConfig({ ...process.env, NEO4J_URI: "" });
    const target = {
      uri: imported.neo4j.uri,
      user: defaults.neo4j.user,
      password: defaults.neo4j.password,
      database: defaults.neo4j.database,
    };
    const query = await runQueryBench({ target, log, budgetMs });
    log("");
    log(queryReport(query));
    const totalSeconds = (Date.now() - started.getTime()) / 1000;
    const text = writeResults({ machine, startedAt: started.toISOString(), totalSeconds, imported, query, budgetMs });
    const aims = text.slice(text.indexOf("## 3. Aims"));
    log("");
    log(aims.split("\n").slice(0, 8).join("\n"));
    log(`\nwrote ${RESULTS_PATH} (${totalSeconds.toFixed(0)} s in all)`);
  } finally {
    await imported?.stop().catch(() => undefined);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
