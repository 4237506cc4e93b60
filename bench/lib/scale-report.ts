import path from "node:path";
import { projectRoot } from "../../src/util/project-root";
import { queryReport } from "../query-report";
import { MAX_FRONTIER } from "./distance-pairs";
import type { PairCheck } from "./pair-check";
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

const ms = (seconds: number, records: number) => `${((seconds / Math.max(1, records)) * 1000).toFixed(2)} ms per record`;
const loadAt = (r: ScaleResult, stage: keyof ScaleResult["stageLoad"]) => {
  const l = r.stageLoad?.[stage];
  return l ? `; load ${l[0].toFixed(1)} → ${l[1].toFixed(1)}` : "";
};

/** The command behind a run, as a user would type it (a loaded home and its log as placeholders). */
function commandOf(r: ScaleResult): string {
  const o = r.options;
  const parts = [
    `npm run bench:scale -- --records ${o.records} --seed ${o.seed} --month-records ${o.monthRecords} --budget-ms ${o.budgetMs}`,
  ];
  if (o.loadedHome) parts.push(`--loaded-home <home>${o.loadedLog ? " --loaded-log <bulk log>" : ""}`);
  if (o.stages && o.stages.length < 3) parts.push(`--stages ${o.stages.join(",")}`);
  if (o.pairCheck && o.pairCheck !== "auto") parts.push(`--pair-check ${o.pairCheck}`);
  if (o.pairCheck !== "full" && o.pairSampleStep && o.pairSampleStep !== 100) parts.push(`--pair-sample-step ${o.pairSampleStep}`);
  return parts.join(" ");
}

function pairLine(p: PairCheck, after: string): string {
  const scope = p.scope
    ? `: not every pair but every pair with at least one of ${int(p.scope.authors)} authors, each counted once: the ${int(p.scope.monthAuthors)} authors ` +
      `of the ${int(p.scope.monthPapers)} papers that carry a dblp key of month 1's records, and every ${p.scope.sampleStep}th author in id order ` +
      `(${int(p.scope.sampledAuthors)}, a sample of the rest)`
    : "";
  return (
    `Pairs ${after}, recounted from the authorships${scope}. Recounted ${int(p.expectedPairs)} pairs with ${int(p.expectedPaperSum)} joint papers; stored ${int(p.storedPairs)} ` +
    `COAUTHORED_WITH edges with ${int(p.storedPaperSum)}; ${p.wrong} missing or wrong (papers, first or last year, each joint paper's year and byline size), ` +
    `${p.stale} stale or reversed; ${p.wrongAuthors ?? "–"} authors with a wrong paperCount, firstYear or lastYear: ` +
    `**${p.exact ? "exact" : "NOT exact"}**${p.scope ? " for those pairs" : ""} (${s(p.seconds)}).`
  );
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
  const p = mi?.pairs;
  const added = mi ? mi.after.counts.papers - mi.before.counts.papers : 0;
  const monthRecords = r.month ? r.month.written.publications + r.month.written.changed : 0;
  const bulkStages = Object.entries(b.stageSeconds ?? {})
    .map(([k, v]) => `${k} ${s(v)}`)
    .join(", ");
  const loaded = o.loadedHome
    ? r.loaded?.logWrittenAt
      ? ` **from an earlier run** (its saved output, written ${r.loaded.logWrittenAt.slice(0, 16).replace("T", " ")} UTC), not this one`
      : " **not measured by this run** (a home loaded earlier; no bulk log given)"
    : "";
  const stageRows = [
    r.base
      ? `| (a) generate | base set: ${int(r.base.written.publications)} records + ${int(r.base.written.personPages)} person pages, ${int(r.base.xmlMiB)} MiB of XML` +
        `${r.base.reused ? " (file reused; time of the run that made it)" : ""} | ${s(r.base.wallSeconds)} | ${mib(r.base.peakRssMiB)} |`
      : undefined,
    r.month
      ? `| (a) generate | month 1: ${int(r.month.written.publications)} new + ${int(r.month.written.changed)} changed records, ${int(r.month.written.personPages)} person pages` +
        `${r.month.reused ? " (file reused)" : ""} | ${s(r.month.wallSeconds)} | ${mib(r.month.peakRssMiB)} |`
      : undefined,
    `| (b) ${o.loadedHome ? "`import --bulk`" : "`import --bulk --no-figures`"}${loaded} | ${bulkStages ? `${bulkStages}; ` : ""}on disk ${o.loadedHome ? "before month 1 " : ""}${mib(b.disk.dataBytes / 2 ** 20)} ` +
      `(store ${mib(b.disk.storeBytes / 2 ** 20)}, transaction logs ${mib(b.disk.txLogBytes / 2 ** 20)}) | ${b.wallSeconds === undefined ? "–" : s(b.wallSeconds)} | ` +
      `${b.peakRssMiB === undefined ? "–" : mib(b.peakRssMiB)} |`,
    b.neo4jStartSeconds === undefined
      ? "| Neo4j | joined one already running for the home (not started by this run) | | |"
      : `| start Neo4j on the ${o.loadedHome ? "loaded" : "new"} store | | ${s(b.neo4jStartSeconds)} | |`,
  ];
  const queryRow = r.query
    ? `| (d) query benchmark | four ways, concurrency 1, ${o.budgetMs} ms per cell, on the graph ${r.queriesBeforeMonth ? "as loaded (before month 1)" : "after month 1"}${loadAt(r, "query")} | ${s(r.stageSeconds.query)} | |`
    : undefined;
  if (r.queriesBeforeMonth && queryRow) stageRows.push(queryRow);
  if (mi)
    stageRows.push(
      `| (c) \`import --no-figures\` of month 1 (online) | ${int(added)} papers added; ${ms(mi.wallSeconds, monthRecords)}, ${int(monthRecords / mi.wallSeconds)} records/s${loadAt(r, "month")} | ${s(mi.wallSeconds)} | ${mib(mi.peakRssMiB)} |`,
    );
  if (p)
    stageRows.push(
      `| (c) pair recount | ${p.scope ? `the pairs of ${int(p.scope.authors)} authors (month 1's and a sample)` : "every coauthor pair recounted from AUTHORED"}, one author at a time${loadAt(r, "pairCheck")} | ${s(p.seconds)} | |`,
    );
  if (!r.queriesBeforeMonth && queryRow) stageRows.push(queryRow);
  const proceedings = r.base?.written.byKind.proceedings ?? 0;
  const body = [
    `## \`npm run bench:scale\` at ${int(o.records)} records (seed ${o.seed})`,
    "",
    `Run started ${r.startedAt}, ${(r.totalSeconds / 60).toFixed(1)} min in all. Every figure in this section comes from that one run of` +
      `${o.loadedHome ? " (but the bulk load's, which come from the earlier run that loaded the home)" : ""}:`,
    "",
    "```sh",
    commandOf(r),
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
    ...stageRows.filter((x): x is string => x !== undefined),
    "",
    "Peak RSS is the child's own `VmHWM` (sampled each second from `/proc`); for `import --bulk` it is the importer's, not neo4j-admin's or Neo4j's (separate JVMs).",
    "",
    "### The graph",
    "",
    "| when | papers | authors | venues | authorships | coauthor pairs | joint-paper sum | graph version |",
    "|---|---:|---:|---:|---:|---:|---:|---|",
    countsRow("after the bulk load", b.graph.counts, b.graph.snapshotId),
    ...(mi ? [countsRow("after month 1", mi.after.counts, mi.after.snapshotId)] : []),
    "",
    (r.base
      ? `The bulk graph has ${int(b.graph.counts.papers)} papers for the generator's ${int(r.base.written.publications)} records less ${int(proceedings)} \`proceedings\` ` +
        `(which the importer skips by design): ${b.graph.counts.papers === r.base.written.publications - proceedings ? "equal" : "**not equal**"}. `
      : "") +
      (mi
        ? `Month 1 changed the graph version (${mi.before.snapshotId} → ${mi.after.snapshotId}) and added ${int(added)} papers.`
        : "Month 1 was not run."),
    "",
    ...(p ? [pairLine(p, mi ? "after month 1" : "as loaded"), ""] : []),
    ...(mi
      ? [
          "The month's import summary, as the CLI printed it:",
          "",
          "```",
          ...mi.report.slice(-12).map((line) => line.split(o.dir).join(shownDir(o.dir))),
          "```",
          "",
        ]
      : []),
    ...(r.query
      ? [
          `### Queries on the graph ${r.queriesBeforeMonth ? "as loaded (before month 1)" : "after month 1"}`,
          "",
          `Inputs as in bench/query-inputs.ts (seeded), plus collaborationPath pairs at each distance 1..6: a BFS from a median and a ` +
            `single-coauthor author (exact while a layer holds at most ${int(MAX_FRONTIER)} authors, from a seeded sample of that many beyond), ` +
            `${o.pairsPerDistance} targets drawn per distance from each; every path input is grouped by the distance the floor finds.`,
          "",
          ...scaleAimLines(r.query),
          "",
          queryReport(r.query).replace(/^### /gm, "#### "),
        ]
      : []),
  ].join("\n");
  return { name: `scale-${label}`, body };
}
