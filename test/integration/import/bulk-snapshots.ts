import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeBulkCsv } from "../../../import/bulk/bulk-csv";
import { bulkImport, BulkImportResult, continueOnline, joinSummaries } from "../../../import/bulk/bulk-import";
import type { GraphBudget } from "../../../import/bulk/memory-budget";
import { MemoryGraph } from "../../../import/bulk/memory-graph";
import { importInto, ImportOptions, ImportSummary } from "../../../import/import-runner";
import { Database } from "../../../src/db/database";
import { provideNeo4j } from "../../../src/db/neo4j-provider";
import { bulkCsvSnapshot } from "../../support/bulk-csv-graph";
import { authorStatMismatches, coauthorEdgeMismatches, fullGraphSnapshot } from "../../support/graph-checks";
import { localConfig, localEnv, removeHome, tempHome } from "../local-neo4j-helpers";

/**
 * Bulk-loads `files` into a new home, then reads the resulting graph back through a local Neo4j on that home. With
 * a `budget` that fills before the input ends, the rest is imported online into the loaded graph first (`summary`
 * is then both parts' joined).
 */
export async function bulkSnapshot(
  files: string[],
  batchSize?: number,
  budget?: GraphBudget,
): Promise<{ snapshot: string[]; result: BulkImportResult; summary: ImportSummary; problems: string[] }> {
  const home = tempHome("bulk");
  const env = localEnv(home);
  try {
    const result = await bulkImport({ config: localConfig(env), env, paths: files, options: { batchSize }, log: () => undefined, budget });
    assert.equal(result.written, true, result.summary.files.map((f) => f.error).join("\n"));
    const neo4j = await provideNeo4j({ config: localConfig(env), env, mode: "owner" });
    try {
      const db = await Database.connect(neo4j.target, 60_000);
      try {
        let summary = result.summary;
        if (result.handOff) summary = joinSummaries(summary, await continueOnline(db, result.handOff, { batchSize }));
        const problems = [...(await coauthorEdgeMismatches(db)), ...(await authorStatMismatches(db))];
        return { snapshot: await fullGraphSnapshot(db), result, summary, problems };
      } finally {
        await db.close();
      }
    } finally {
      await neo4j.stop();
    }
  } finally {
    removeHome(home);
  }
}

/**
 * What `import --bulk` would load from `files`, read straight from the CSVs it writes (bulk-csv-graph.ts) without
 * running neo4j-admin. Refused files throw: bulk writes nothing then. bulk-equivalence.test.ts checks that this
 * reading equals the real load on every fixture.
 */
export async function bulkCsvGraph(files: string[], options: ImportOptions = {}): Promise<string[]> {
  const graph = new MemoryGraph();
  const summary = await importInto(graph, files, options);
  const refused = summary.files.filter((f) => f.status !== "imported");
  assert.equal(refused.length, 0, `bulk refuses: ${refused.map((f) => f.error).join("\n")}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "bulk-csv-"));
  try {
    return bulkCsvSnapshot(writeBulkCsv(graph, dir));
  } finally {
    graph.release();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A budget that fills once `records` records are in the graph, whatever memory they take. */
export function budgetFillingAt(records: number): GraphBudget {
  let done = 0;
  return {
    begin: () => undefined,
    check: (n) => void (done += n),
    get full() {
      return done >= records ? `filled at ${records} records (a test's budget)` : undefined;
    },
    stop: () => undefined,
  };
}
