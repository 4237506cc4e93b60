import type { QueryBenchResult, QueryRow, Way } from "./query-result";

/** Markdown tables of the query benchmark; the same text is printed and written to RESULTS.md. */

const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? "–" : n < 10 ? n.toFixed(1) : n.toFixed(0));
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b) || b === 0 ? "–" : `${(a / b).toFixed(2)}×`;

function trips(values: number[]): string {
  if (values.length === 0) return "–";
  const min = Math.min(...values);
  const max = Math.max(...values);
  return min === max ? String(min) : `${min}–${max}`;
}

export function latencyTable(result: QueryBenchResult, concurrency: number): string {
  const lines = [
    `| query | inputs | ours p50 | ours p95 | in-process p50 | in-process p95 | floor p50 | floor p95 | peer p50 | peer p95 | ours/floor p50 | in-process/floor p50 | ours/peer p50 |`,
    `|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`,
  ];
  for (const row of result.rows) {
    const cell = (way: Way) => row.latency[way][concurrency];
    lines.push(
      `| ${row.query} — ${row.group} | ${row.inputs} | ${ms(cell("ours")?.p50)} | ${ms(cell("ours")?.p95)} | ${ms(cell("inproc")?.p50)} | ${ms(cell("inproc")?.p95)} | ` +
        `${ms(cell("floor")?.p50)} | ${ms(cell("floor")?.p95)} | ${ms(cell("peer")?.p50)} | ${ms(cell("peer")?.p95)} | ${ratio(cell("ours")?.p50, cell("floor")?.p50)} | ` +
        `${ratio(cell("inproc")?.p50, cell("floor")?.p50)} | ${ratio(cell("ours")?.p50, cell("peer")?.p50)} |`,
    );
  }
  return lines.join("\n");
}

function checksTable(rows: QueryRow[]): string {
  const lines = [
    `| query | Bolt round trips per request: ours | peer | timed requests ours/in-process/floor/peer (c=1/c=8) | errors | answers differing from the floor: ours (HTTP or in-process) | peer | slowest input (ours p50 / floor p50 ms, c=1) |`,
    `|---|---:|---:|---|---:|---:|---:|---|`,
  ];
  for (const row of rows) {
    const n = (way: Way) => `${row.latency[way][1]?.samples ?? 0}/${row.latency[way][8]?.samples ?? "–"}`;
    const errors = (["ours", "inproc", "floor", "peer"] as Way[]).reduce(
      (sum, w) => sum + (row.latency[w][1]?.errors ?? 0) + (row.latency[w][8]?.errors ?? 0),
      0,
    );
    lines.push(
      `| ${row.query} — ${row.group} | ${trips(row.roundTrips.ours)} | ${trips(row.roundTrips.peer)} | ` +
        `${n("ours")}, ${n("inproc")}, ${n("floor")}, ${n("peer")} | ${errors} | ${row.mismatches.oursVsFloor}/${row.inputs} | ${row.mismatches.peerVsFloor}/${row.inputs} | ` +
        `${row.slowest ? `${row.slowest.input.replace(/\|/g, "\\|")} (${ms(row.slowest.oursMs)} / ${ms(row.slowest.floorMs)})` : "–"} |`,
    );
  }
  return lines.join("\n");
}

export function queryReport(result: QueryBenchResult): string {
  const mismatches = result.rows.filter((r) => r.mismatches.example).map((r) => `- ${r.query} — ${r.group}: ${r.mismatches.example}`);
  return [
    `### Latency at concurrency 1 (ms)`,
    "",
    latencyTable(result, 1),
    "",
    // A run may time concurrency 1 only (the scale benchmark): no empty table then.
    ...(result.rows.some((r) => r.latency.ours[8]) ? [`### Latency at concurrency 8 (ms)`, "", latencyTable(result, 8), ""] : []),
    `### Round trips and agreement`,
    "",
    checksTable(result.rows),
    "",
    mismatches.length === 0
      ? "All four ways agreed on every input."
      : ["Differences (first example per row):", "", ...mismatches].join("\n"),
  ].join("\n");
}
