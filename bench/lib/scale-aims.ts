import type { QueryBenchResult, QueryRow } from "../query-result";

/** Issue 13's latency aims at concurrency 1 (p95, ms), checked on ours over HTTP, with the floor beside it. */
const AIMS: Array<{ what: string; limitMs: number; rows: (r: QueryRow) => boolean }> = [
  { what: "lookups (author by id)", limitMs: 20, rows: (r) => r.query === "author by id" },
  { what: "coauthor pages (coauthors(first: 20))", limitMs: 20, rows: (r) => r.query.startsWith("coauthors(") },
  { what: "depth-2 networks (maxNodes 500)", limitMs: 300, rows: (r) => r.query.startsWith("coauthorNetwork depth 2") },
  { what: "paths of length 6", limitMs: 500, rows: (r) => r.query.startsWith("collaborationPath") && r.group === "distance 6" },
];

const ms = (n: number) => (Number.isNaN(n) ? "–" : n < 100 ? n.toFixed(1) : n.toFixed(0));

export function scaleAimLines(result: QueryBenchResult): string[] {
  return AIMS.map((aim) => {
    const rows = result.rows.filter(aim.rows);
    if (rows.length === 0) return `- **${aim.what}: p95 < ${aim.limitMs} ms**: not measured (no such input in this graph)`;
    const missed = rows.filter((r) => !(r.latency.ours[1].p95 < aim.limitMs));
    const figures = rows.map((r) => `${r.group} ${ms(r.latency.ours[1].p95)} ms (floor ${ms(r.latency.floor[1].p95)} ms)`).join("; ");
    return `- **${aim.what}: p95 < ${aim.limitMs} ms**: ${missed.length === 0 ? "met" : `missed on ${missed.length} of ${rows.length}`} — ours p95 ${figures}`;
  });
}
