import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeBulkCsv } from "../../../import/bulk/bulk-csv";
import { bulkImport, BulkImportResult } from "../../../import/bulk/bulk-import";
import { MemoryGraph } from "../../../import/bulk/memory-graph";
import { importInto, ImportOptions } from "../../../import/import-runner";
import { Database } from "../../../src/db/database";
import { provideNeo4j } from "../../../src/db/neo4j-provider";
import { bulkCsvSnapshot } from "../../support/bulk-csv-graph";
import { authorStatMismatches, coauthorEdgeMismatches, fullGraphSnapshot } from "../../support/graph-checks";
import { localConfig, localEnv, removeHome, tempHome } from "../local-neo4j-helpers";

/** Bulk-loads `files` into a new home, then reads the resulting graph back through a local Neo4j on that home. */
export async function bulkSnapshot(
  files: string[],
  batchSize?: number,
): Promise<{ snapshot: string[]; result: BulkImportResult; problems: string[] }> {
  const home = tempHome("bulk");
  const env = localEnv(home);
  try {
    const result = await bulkImport({ config: localConfig(env), env, paths: files, options: { batchSize }, log: () => undefined });
    assert.equal(result.written, true, result.summary.files.map((f) => f.error).join("\n"));
    const neo4j = await provideNeo4j({ config: localConfig(env), env, mode: "owner" });
    try {
      const db = await Database.connect(neo4j.target, 60_000);
      try {
        const problems = [...(await coauthorEdgeMismatches(db)), ...(await authorStatMismatches(db))];
        return { snapshot: await fullGraphSnapshot(db), result, problems };
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
