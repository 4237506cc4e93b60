import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { ownedSections } from "./lib/results-section";
import { fromRoot } from "../src/util/project-root";
import { aimLines } from "./aims";
import type { ImportBenchResult, ImportFigures } from "./import.bench";
import type { BulkFigures } from "./lib/bulk-run";
import type { MachineInfo } from "./lib/machine-info";
import type { QueryBenchResult } from "./query-result";
import { queryReport } from "./query-report";

/**
 * bench/RESULTS.md: the last complete `npm run bench`, with the machine, the commands to reproduce
 * it, the import figures, the query tables, the aims checked against this run, and the hand-written
 * analysis of what limits each aim (bench/results-notes.md, included verbatim).
 */
export const RESULTS_PATH = fromRoot("bench", "RESULTS.md");
const NOTES_PATH = fromRoot("bench", "results-notes.md");

function importTable(figures: ImportFigures[]): string {
  const lines = [
    "| import | records | wall s | records/s | stages s (check / write / names / pairs) | rows/s papers · authors · authorships · venues · pairs | importer peak RSS MiB |",
    "|---|---:|---:|---:|---|---|---:|",
  ];
  for (const x of figures) {
    const s = x.stageSeconds;
    const r = x.rowsPerSecond;
    lines.push(
      `| ${x.label} | ${x.records} | ${x.wallSeconds.toFixed(1)} | ${x.recordsPerSecond} | ${s.check.toFixed(1)} / ${s.write.toFixed(1)} / ${s.names.toFixed(1)} / ${s.pairs.toFixed(1)} | ` +
        `${r.papers} · ${r.authors} · ${r.authorships} · ${r.venues} · ${r.coauthorPairs} | ${x.importerMaxRssMiB.toFixed(0)} |`,
    );
  }
  return lines.join("\n");
}

/** Whether adding new papers costs in proportion to them: seconds per record on top of 90% vs into an empty graph. */
function growthLine(imported: ImportBenchResult): string {
  const g = imported.growth;
  if (!g) return "";
  const perRecord = (f: ImportFigures) => f.wallSeconds / f.records;
  return (
    `The newest ${g.onTop.records} records (${g.onTop.fromYear} on) imported as new papers on top of the older ${g.base.records} ` +
    `(bulk-loaded): ${(perRecord(g.onTop) * 1000).toFixed(2)} ms per record, against ${(perRecord(imported.full) * 1000).toFixed(2)} ms per record for the ` +
    `whole file into an empty graph (${(perRecord(g.onTop) / perRecord(imported.full)).toFixed(2)}×); counts afterwards equal the full import's: ` +
    `${g.countsMatchFull ? "yes" : "NO"}. The re-import row changes nothing (every record is already there), so it writes no pairs.`
  );
}

function bulkSection(b: BulkFigures | undefined, online: ImportFigures): string {
  if (!b) return "`import --bulk` not run (--no-bulk).";
  const s = b.stageSeconds;
  const neo4jOwn = s.adminImport + s.indexes;
  return [
    "| import | records | wall s | records/s | stages s (read and resolve / CSV / neo4j-admin / start, schema and indexes) | importer peak RSS MiB | same graph as online |",
    "|---|---:|---:|---:|---|---:|---|",
    `| ${b.label} | ${b.records} | ${b.wallSeconds.toFixed(1)} | ${b.recordsPerSecond} | ${s.read.toFixed(1)} / ${s.csv.toFixed(1)} / ${s.adminImport.toFixed(1)} / ${s.indexes.toFixed(1)} | ` +
      `${b.importerMaxRssMiB.toFixed(0)} | ${b.sameAsOnline ? "yes (fingerprint of every property equal)" : "**NO**"} |`,
    "",
    `The floor for this graph is what Neo4j itself needs to load it: neo4j-admin plus starting on the new store and building the ` +
      `constraints and indexes, ${neo4jOwn.toFixed(1)} s here. \`import --bulk\` adds ${(b.wallSeconds - neo4jOwn).toFixed(1)} s of its own ` +
      `(parsing, identity resolution, CSV), so it runs at ${(b.wallSeconds / neo4jOwn).toFixed(2)}× the floor; the online import of the same file took ` +
      `${online.wallSeconds.toFixed(1)} s (${(online.wallSeconds / neo4jOwn).toFixed(2)}× the floor, ${(online.wallSeconds / b.wallSeconds).toFixed(1)}× the bulk path).`,
  ].join("\n");
}

export interface ResultsInput {
  machine: MachineInfo;
  startedAt: string;
  totalSeconds: number;
  imported: ImportBenchResult | null;
  query: QueryBenchResult;
  budgetMs: number;
}

export function resultsMarkdown(input: ResultsInput): string {
  const { machine, imported, query } = input;
  const neo = imported?.neo4j;
  const figures = imported
    ? [
        imported.full,
        ...(imported.growth ? [imported.growth.onTop] : []),
        imported.incremental,
        ...(imported.reimport ? [imported.reimport] : []),
      ]
    : [];
  const notes = existsSync(NOTES_PATH) ? readFileSync(NOTES_PATH, "utf8").trim() : "";
  const authors = query.inputs.authors;
  return [
    "# Benchmark results",
    "",
    `Last complete run of \`npm run bench\`, started ${input.startedAt}, ${input.totalSeconds.toFixed(0)} s in all. Every figure below comes from this one run.`,
    "",
    "## Reproduce",
    "",
    "```sh",
    "npm install",
    "npm run bench            # build, import bench/data/ml-anthology.csl.jsonl.gz into a fresh local Neo4j under bench/.data/, bulk-load it, query four ways, write this file",
    "# knobs: COAUTHOR_GRAPH_NEO4J_HEAP / COAUTHOR_GRAPH_NEO4J_PAGECACHE, BENCH_BUDGET_MS (time per query cell, default 2000)",
    "# query half only, against a database that is already populated:",
    "BENCH_NEO4J_URI=bolt://127.0.0.1:7687 node dist/bench/query.bench.js",
    "# import half only (online, bulk, new papers on top, re-import):",
    "node dist/bench/import.bench.js [--check-reimport] [--no-bulk]",
    "```",
    "",
    "## Machine",
    "",
    `- ${machine.cores} cores (\`nproc\`), ${machine.memoryGiB} GiB memory, ${machine.cpuModel}; ${machine.os}`,
    `- Node ${machine.node}; Java: ${machine.java}`,
    neo
      ? `- Neo4j ${neo.version} Community, embedded by coauthor-graph (local jars, Bolt on 127.0.0.1): heap ${neo.heap}, page cache ${neo.pageCache}; data in ${neo.home}`
      : "- Neo4j: an already populated database (BENCH_NEO4J_URI)",
    `- 1-minute load average at the start: ${machine.loadAverage} (the machine is shared; ratios within one run are the figures to trust)`,
    "",
    "## 1. Import",
    "",
    imported
      ? [
          importTable(figures),
          "",
          `Graph after the full import: ${JSON.stringify(imported.full.countsAfter)}; counts as expected: ${imported.fullCountsAsExpected ? "yes" : "NO"}.`,
          growthLine(imported),
          "",
          bulkSection(imported.bulk, imported.full),
          imported.batchSize ? `Batch size ${imported.batchSize}.` : "",
        ].join("\n")
      : "Not run (query half only).",
    "",
    "## 2. Query latency, four ways",
    "",
    "- **ours**: coauthor-graph's GraphQL over HTTP (POST, keep-alive), server in the same process on port 0.",
    "- **in-process**: the same requests to the same server through Apollo's `executeOperation` (same plugins, limits and execution; no HTTP, no JSON): " +
      "ours minus in-process is what HTTP and JSON cost, in-process minus floor what GraphQL costs.",
    "- **floor**: the hand-written Cypher of `bench/query-floor.cypher.ts` through neo4j-driver (one managed read transaction, same driver settings).",
    "- **peer**: `@neo4j/graphql` 7 over HTTP (Apollo Server 5, same stack), schema `bench/neo4j-graphql/type-defs.ts`; coauthorNetwork, sharedVenues and " +
      "collaborationPath are `@cypher` fields running the floor's statements (for the network the same search with an object per edge, which its GraphQL type needs), the rest is its generated Cypher.",
    `- Inputs (seed fixed in bench/query-inputs.ts): the 10 authors with the most coauthors (${authors
      .filter((a) => a.class === "top")
      .map((a) => a.coauthors)
      .join(", ")}), ` +
      `10 with the median count (${query.inputs.medianCoauthors}), 10 with one coauthor; 50 random pairs of authors with a coauthor; ` +
      `name searches: ${query.inputs.authorSearches.map((s) => `"${s}"`).join(", ")}; title searches: ${query.inputs.paperSearches.map((s) => `"${s}"`).join(", ")}.`,
    `- Each input is asked once of each way first (warm-up, agreement, round trips), then each (query, way, concurrency) cell runs closed-loop for ${input.budgetMs} ms ` +
      `(and at least once per input), in four slices taken in turn by the four ways so that drifting load on the shared machine hits them alike. p50/p95 are nearest-rank over the cell's requests of that group. Query part: ${query.seconds.toFixed(0)} s.`,
    "",
    queryReport(query),
    "",
    "## 3. Aims, checked against this run",
    "",
    ...aimLines(query),
    "",
    notes,
    "",
  ].join("\n");
}

export function writeResults(input: ResultsInput): string {
  // The sections other benchmarks own (load, fault) are carried over as they are.
  const kept = existsSync(RESULTS_PATH) ? ownedSections(readFileSync(RESULTS_PATH, "utf8")) : [];
  const text = [resultsMarkdown(input).trimEnd(), ...kept].join("\n\n") + "\n";
  writeFileSync(RESULTS_PATH, text);
  return text;
}
