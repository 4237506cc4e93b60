import type { QueryBenchResult, QueryRow } from "./query-result";

/** Issue 3, section 3, checked against one run. Each line says met / missed with the figures behind it. */

const f = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));
const label = (r: QueryRow) => `${r.query} — ${r.group}`;
const NETWORK_AND_FRIENDS = /coauthorNetwork|sharedVenues|collaborationPath/;

export function aimLines(result: QueryBenchResult): string[] {
  const rows = result.rows;
  const lines: string[] = [];

  const overFloor = rows.filter((r) => r.latency.ours[1].p50 > 1.3 * r.latency.floor[1].p50);
  lines.push(
    `- **GraphQL p50 ≤ 1.3× the Cypher floor on every query (c=1)**: ${overFloor.length === 0 ? "met" : `missed on ${overFloor.length} of ${rows.length} rows`}` +
      (overFloor.length
        ? ` — ${overFloor.map((r) => `${label(r)} ${(r.latency.ours[1].p50 / r.latency.floor[1].p50).toFixed(2)}×`).join("; ")}`
        : ""),
  );

  const peerRows = rows.filter((r) => NETWORK_AND_FRIENDS.test(r.query));
  const notTwice = peerRows.filter((r) => r.latency.peer[1].p50 < 2 * r.latency.ours[1].p50);
  lines.push(
    `- **≥ 2× faster than @neo4j/graphql on coauthorNetwork, sharedVenues, collaborationPath (c=1 p50)**: ` +
      `${notTwice.length === 0 ? "met" : `missed on ${notTwice.length} of ${peerRows.length} rows`}` +
      (notTwice.length
        ? ` — ${notTwice.map((r) => `${label(r)} peer/ours ${(r.latency.peer[1].p50 / r.latency.ours[1].p50).toFixed(2)}×`).join("; ")}`
        : ""),
  );

  const median = rows.find((r) => r.query.startsWith("coauthorNetwork depth 2") && r.group === "median");
  if (median) {
    const p95 = median.latency.ours[1].p95;
    lines.push(
      `- **coauthorNetwork depth 2, median author, p95 < 100 ms (c=1)**: ${p95 < 100 ? "met" : "missed"} — ours p95 ${f(p95)} ms ` +
        `(p50 ${f(median.latency.ours[1].p50)} ms; floor p95 ${f(median.latency.floor[1].p95)} ms)`,
    );
  }

  const varying = rows.filter((r) => new Set(r.roundTrips.ours).size > 1);
  const maxTrips = Math.max(...rows.map((r) => Math.max(...r.roundTrips.ours)));
  lines.push(
    `- **Constant Bolt round trips, no N+1**: ${maxTrips <= 4 ? "met" : "missed"} — at most ${maxTrips} statement${maxTrips === 1 ? "" : "s"} per request on any input; ` +
      (varying.length === 0
        ? "the count never depends on the input's size."
        : `it varies only with the shape of the answer (${varying.map((r) => `${label(r)}: ${[...new Set(r.roundTrips.ours)].sort().join(" or ")}`).join("; ")}), never with the number of rows.`),
  );
  return lines;
}
