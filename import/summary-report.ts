import { FileImportSummary, ImportSummary } from "./import-runner";
import type { BulkImportResult } from "./bulk/bulk-import";

/** How many rejections the console summary lists by name; the rest are counted (and written with --rejects). */
const LISTED_REJECTIONS = 20;

export function formatImportSummary(summary: ImportSummary): string {
  return summary.files.map(formatFile).join("\n\n");
}

function formatFile(f: FileImportSummary): string {
  const lines: string[] = [];
  lines.push(
    `${f.status === "imported" ? "✔" : "✘"} ${f.file}${f.format ? ` (${f.format})` : ""} — ${f.status} in ${f.seconds.toFixed(1)}s, ${formatRate(f.read, f.seconds)} records/s`,
  );
  if (f.error) lines.push(`  error: ${f.error}`);
  if (f.runId) lines.push(`  import run: ${f.runId}${f.sha256 ? `  sha256 ${f.sha256.slice(0, 16)}…` : ""}`);
  if (f.bulkPart)
    lines.push(
      `  split:           records 1–${f.bulkPart.records} bulk-loaded (import run ${f.bulkPart.runId ?? "–"}), the rest online (the run above)`,
    );
  if (f.skippedRecords) lines.push(`  skipped:         the first ${f.skippedRecords} records, in the graph already`);
  lines.push(`  records read:    ${f.read}`);
  if (f.runId) {
    const w = f.writes;
    lines.push(`  papers:          ${w.papersCreated} created, ${w.papersUpdated} updated`);
    lines.push(`  authors:         ${w.authorsCreated} created, ${w.authorsUpdated} updated`);
    lines.push(`  venues:          ${w.venuesCreated} created, ${w.venuesUpdated} updated`);
    lines.push(`  authorships:     ${w.authorshipsCreated} created, ${w.authorshipsWritten} written`);
    const pairs = f.coauthorPairs;
    lines.push(`  coauthor pairs:  ${pairs.created} created, ${pairs.added} given new joint papers, ${pairs.recomputed} recomputed`);
    if (f.mentionsReattached) lines.push(`  name mentions re-attached: ${f.mentionsReattached}`);
  }
  if (f.handedOff) lines.push(`  handed on:       after record ${f.handedOff.records}: ${f.handedOff.reason}`);
  lines.push(`  rejected:        ${f.rejected}`);
  for (const r of f.rejections.slice(0, LISTED_REJECTIONS)) {
    const where = r.line !== undefined ? `:${r.line}` : r.offset !== undefined ? `@${r.offset}` : "";
    lines.push(`    ${r.file}${where}: ${r.reason}`);
  }
  if (f.rejected > LISTED_REJECTIONS) lines.push(`    … ${f.rejected - LISTED_REJECTIONS} more (use --rejects FILE to write them all)`);
  return lines.join("\n");
}

/** Small files finish in a second or two: show a decimal rather than "0 records/s". */
function formatRate(records: number, seconds: number): string {
  if (seconds <= 0) return String(records);
  const rate = records / seconds;
  return rate >= 10 ? String(Math.round(rate)) : rate.toFixed(1);
}

/** One JSON line per rejection, for --rejects. */
export function rejectionLines(summary: ImportSummary): string {
  return summary.files.flatMap((f) => f.rejections.map((r) => JSON.stringify(r))).join("\n") + "\n";
}

/** The last lines of `import --bulk`: what neo4j-admin loaded and where the time went, or why nothing was. */
export function formatBulkFooter(result: BulkImportResult): string {
  if (!result.written || !result.csv) {
    return "✘ bulk import: nothing was written (--bulk loads every file or none); do what the error above says, then run it again.";
  }
  const r = result.csv.rows;
  const s = result.stageSeconds;
  return [
    `✔ bulk import loaded ${r.papers} papers, ${r.authors} authors, ${r.venues} venues, ${r.authored} authorships, ` +
      `${r.publishedIn} venue links and ${r.coauthorPairs} coauthor pairs in ${result.seconds.toFixed(1)}s`,
    `  stages: read and resolve ${s.read.toFixed(1)}s, CSV ${s.csv.toFixed(1)}s, neo4j-admin ${s.adminImport.toFixed(1)}s, ` +
      `start and indexes ${s.indexes.toFixed(1)}s; peak memory of the importer ${result.peakRssMiB} MiB (the graph is held in memory)`,
    "  coauthor pairs are computed once, after the last file, and counted on that file's import run.",
    ...(result.handOff ? ["  the rest of the input goes on through the online import (below)."] : []),
  ].join("\n");
}
