import path from "node:path";
import { projectRoot } from "../../src/util/project-root";
import { queryReport } from "../query-report";
import type { ScaleResult } from "./scale-result";
import { scaleAimLines } from "./scale-aims";

/** "200k", "8m", "12500": the size in a section's and a file's name. */
export function sizeLabel(records: number): string {
  if (records % 1_000_000 === 0) return `${records / 1_000_000}m`;
  if (records % 1_000 === 0) return `${records / 1_000}k`;
  return String(records);
}

const int = (n: number) => Math.round(n).toLocaleString("en-US");
const mib = (n: number) => (Number.isNaN(n) ? "–" : `${int(n)} MiB`);
const s = (n: number) => `${n.toFixed(1)} s`;
const loads = (l: number[]) => l.map((x) => x.toFixed(2)).join(" / ");

function countsRow(name: string, c: ScaleResult["bulk"]["graph"]["counts"], version: string): string {
  return `| ${name} | ${int(c.papers)} | ${int(c.authors)} | ${int(c.venues)} | ${int(c.authored)} | ${int(c.coauthorPairs)} | ${int(c.coauthorPaperSum)} | ${version} |`;
}

/** The work directory as the committed text may name it: relative to the checkout, or a placeholder outside it. */
function shownDir(dir: string): string {
  const relative = path.relative(projectRoot(), dir);
  return relative.startsWith("..") || path.isAbsolute(relative) ? "<dir>" : relative;
}

/**
 * One owned section of bench/SCALE.md per size (`scale-200k`, `scale-8m`, …): a rerun at a size replaces its own
 * section and leaves the others and the hand-written text alone.
 */
export function scaleSection(r: ScaleResult): { name: string; body: string } {
  const o = r.options;
  const label = sizeLabel(o.records);
  const m = r.machine;
  const b = r.bulk;
  const mi = r.monthImport;
  const p = mi.pairs;
  const added = mi.after.counts.papers - mi.before.counts.papers;
  const baseProceedings = r.base.written.byKind.proceedings ?? 0;
  const command = `npm run bench:scale -- --records ${o.records} --seed ${o.seed} --month-records ${o.monthRecords} --budget-ms ${o.budgetMs}`;
  const body = [
    `## \`npm run bench:scale\` at ${int(o.records)} records (seed ${o.seed})`,
    "",
    `Run started ${r.startedAt}, ${(r.totalSeconds / 60).toFixed(1)} min in all. Every figure in this section comes from that one run of:`,
    "",
    "```sh",
    command,
    "```",
    "",
    `Machine: ${m.cores} cores, ${m.memoryGiB} GiB, ${m.cpuModel}; ${m.os}; Node ${m.node}; ${m.java}. Neo4j ${r.neo4j.version} (local jars), heap ${r.neo4j.heap}, ` +
      `page cache ${r.neo4j.pageCache}. Load average (1 / 5 / 15 min) at the start ${loads(r.loadStart)}, at the end ${loads(r.loadEnd)}: ` +
      "the machine is shared, so wall times are upper bounds and the ratios within the run are the figures to trust.",
    "",
    "### Stages",
    "",
    "| stage | what | wall | peak RSS |",
    "|---|---|---:|---:|",
    `| (a) generate | base set: ${int(r.base.written.publications)} records + ${int(r.base.written.personPages)} person pages, ${int(r.base.xmlMiB)} MiB of XML` +
      `${r.base.reused ? " (file reused; time of the run that made it)" : ""} | ${s(r.base.wallSeconds)} | ${mib(r.base.peakRssMiB)} |`,
    `| (a) generate | month 1: ${int(r.month.written.publications)} new + ${int(r.month.written.changed)} changed records, ${int(r.month.written.personPages)} person pages` +
      `${r.month.reused ? " (file reused)" : ""} | ${s(r.month.wallSeconds)} | ${mib(r.month.peakRssMiB)} |`,
    `| (b) \`import --bulk --no-figures\` | ${Object.entries(b.stageSeconds)
      .map(([k, v]) => `${k} ${s(v)}`)
      .join(
        ", ",
      )}; on disk ${mib(b.disk.dataBytes / 2 ** 20)} (store ${mib(b.disk.storeBytes / 2 ** 20)}, transaction logs ${mib(b.disk.txLogBytes / 2 ** 20)}) | ${s(b.wallSeconds)} | ${mib(b.peakRssMiB)} |`,
    `| start Neo4j on the new store | | ${s(b.neo4jStartSeconds)} | |`,
    `| (c) \`import --no-figures\` of month 1 (online) | ${int(added)} papers added; ${((mi.wallSeconds / Math.max(1, r.month.written.publications + r.month.written.changed)) * 1000).toFixed(2)} ms per record | ${s(mi.wallSeconds)} | ${mib(mi.peakRssMiB)} |`,
    `| (c) pair recount | every coauthor pair recounted from AUTHORED, one author at a time | ${s(p.seconds)} | |`,
    `| (d) query benchmark | four ways, concurrency 1, ${o.budgetMs} ms per cell | ${s(r.stageSeconds.query)} | |`,
    "",
    "Peak RSS is the child's own `VmHWM` (sampled each second from `/proc`); for `import --bulk` it is the importer's, not neo4j-admin's or Neo4j's (separate JVMs).",
    "",
    "### The graph",
    "",
    "| when | papers | authors | venues | authorships | coauthor pairs | joint-paper sum | graph version |",
    "|---|---:|---:|---:|---:|---:|---:|---|",
    countsRow("after the bulk load", b.graph.counts, b.graph.snapshotId),
    countsRow("after month 1", mi.after.counts, mi.after.snapshotId),
    "",
    `The bulk graph has ${int(b.graph.counts.papers)} papers for the generator's ${int(r.base.written.publications)} records less ${int(baseProceedings)} \`proceedings\` ` +
      `(which the importer skips by design): ${b.graph.counts.papers === r.base.written.publications - baseProceedings ? "equal" : "**not equal**"}. ` +
      `Month 1 changed the graph version (${mi.before.snapshotId} → ${mi.after.snapshotId}) and added ${int(added)} papers.`,
    "",
    `Pairs after month 1, recounted from the authorships: ${int(p.expectedPairs)} pairs with ${int(p.expectedPaperSum)} joint papers; stored ${int(p.storedPairs)} ` +
      `COAUTHORED_WITH edges with ${int(p.storedPaperSum)}; ${p.wrong} missing or wrong (papers, first or last year), ${p.stale} stale or reversed: ` +
      `**${p.exact ? "exact" : "NOT exact"}**.`,
    "",
    "The month's import summary, as the CLI printed it:",
    "",
    "```",
    ...mi.report.slice(-12).map((line) => line.split(o.dir).join(shownDir(o.dir))),
    "```",
    "",
    "### Queries on the graph after month 1",
    "",
    `Inputs as in bench/query-inputs.ts (seeded), plus collaborationPath pairs at each distance 1..6: an exact BFS from a median and a ` +
      `single-coauthor author, ${o.pairsPerDistance} targets drawn per distance from each; every path input is grouped by the distance the floor finds.`,
    "",
    ...scaleAimLines(r.query),
    "",
    queryReport(r.query).replace(/^### /gm, "#### "),
  ].join("\n");
  return { name: `scale-${label}`, body };
}
