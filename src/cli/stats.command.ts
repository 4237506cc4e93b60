import { Command } from "commander";
import { loadConfig } from "../config";
import { openDatabase } from "../db/neo4j-provider";
import { readGraphCounts, readImportRuns } from "../stats/stats.store";
import { positiveInt } from "./options";

export function registerStatsCommand(program: Command): void {
  program
    .command("stats")
    .description("print the graph's counts and the most recent import runs behind them")
    .option("--runs <n>", "how many import runs to list", positiveInt, 10)
    .option("--json", "print JSON instead of a table")
    .action(async (opts: { runs: number; json?: boolean }) => {
      const session = await openDatabase({ config: loadConfig(), log: (m: string) => console.error(m) });
      try {
        const db = session.db.forOperation("stats");
        const counts = await readGraphCounts(db);
        const runs = await readImportRuns(db, opts.runs);
        if (opts.json) {
          console.log(JSON.stringify({ ...counts, importRuns: runs }, null, 2));
          return;
        }
        console.log(`authors         ${counts.authors}`);
        console.log(`papers          ${counts.papers}`);
        console.log(`venues          ${counts.venues}`);
        console.log(`authorships     ${counts.authorships}`);
        console.log(`coauthor pairs  ${counts.coauthorPairs}`);
        console.log(`import runs     ${counts.importRunCount}${runs.length ? " (newest first):" : ""}`);
        for (const run of runs) {
          const read = String(run.counts?.read ?? "?");
          console.log(
            `  ${run.finishedAt ?? run.startedAt ?? "?"}  ${run.status ?? "?"}  ${run.format ?? "?"}  ${read} records  ${run.source ?? "?"}`,
          );
        }
      } finally {
        await session.close();
      }
    });
}
