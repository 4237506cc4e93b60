import { Command } from "commander";
import { loadConfig } from "../config";
import type { Database } from "../db/database";
import { openDatabase } from "../db/neo4j-provider";
import { DEFAULT_PIVOTS, DEFAULT_SEED, FiguresOutcome, refreshGraphFigures } from "../figures/figures.compute";
import { positiveInt } from "./options";

interface FiguresCommandOptions {
  pivots: number;
  seed: number;
  threads?: number;
  force?: boolean;
}

export function registerFiguresCommand(program: Command): void {
  program
    .command("figures")
    .description(
      "compute the whole-graph figures (components, distributions, PageRank and betweenness of every author) for the graph's snapshot; `import` does it at its end",
    )
    .option("--pivots <n>", "betweenness sources sampled (exact when the graph has no more authors)", positiveInt, DEFAULT_PIVOTS)
    .option("--seed <n>", "seed of the pivot sample", positiveInt, DEFAULT_SEED)
    .option(
      "--threads <n>",
      "worker threads for betweenness (default: one per core, at most 8); the figures do not depend on it",
      positiveInt,
    )
    .option("--force", "recompute even when the figures are of the current snapshot")
    .action(async (opts: FiguresCommandOptions) => {
      const session = await openDatabase({ config: loadConfig(), log: (m: string) => console.error(m) });
      try {
        await runFigures(session.db, opts);
      } finally {
        await session.close();
      }
    });
}

/** The figures step, as `figures` and the end of `import` run it; its lines go to stderr, like the import's progress. */
export async function runFigures(db: Database, opts: Partial<FiguresCommandOptions> & { wait?: boolean } = {}): Promise<FiguresOutcome> {
  const log = (m: string) => console.error(m);
  const outcome = await refreshGraphFigures(db, { ...opts, log, lock: { wait: opts.wait, log } });
  if (outcome.status === "up-to-date") console.error(`Figures are up to date with snapshot ${outcome.snapshotId}.`);
  return outcome;
}
