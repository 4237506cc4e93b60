import os from "node:os";
import neo4j, { type BookmarkManager, type Driver } from "neo4j-driver";
import { GRAPH_VERSION_KEY, READ_GRAPH_VERSION } from "../src/db/graph-version";
import { benchTargetFromEnv } from "./lib/bench-target";
import { writeSection } from "./lib/results-section";
import { RESULTS_PATH } from "./results-md";

/*
 * What routing and bookmarks cost one server (README "Past one machine"): the graph version read (one small READ
 * transaction on a unique key, the API's most frequent statement shape) in its own session, four ways, in rounds taken
 * in turn so that a drifting load hits them alike:
 *   bolt://                      without a bookmark manager (main before the bookmark change: the baseline)
 *   bolt://  + bookmark manager  (what the code does now with a bolt URI)
 *   neo4j:// without             (routing alone)
 *   neo4j:// + bookmark manager  (what the code does now with a routing URI)
 *
 * Run: BENCH_NEO4J_URI=bolt://127.0.0.1:<port> [NEO4J_USER NEO4J_PASSWORD NEO4J_DATABASE] node dist/bench/bookmarks.bench.js [rounds] [per round]
 * The graph may be empty (the version node is then absent; the read is the same). Writes the "bookmarks" section of
 * bench/RESULTS.md.
 */

const target = benchTargetFromEnv("BENCH_NEO4J_URI", "Set BENCH_NEO4J_URI to a bolt:// URI of a running Neo4j (any data).");
const rounds = Number(process.argv[2] ?? 8);
const perRound = Number(process.argv[3] ?? 400);

interface Way {
  name: string;
  driver: Driver;
  bookmarks?: BookmarkManager;
  samples: number[];
}

/** ms per transaction over one round of `perRound` transactions, each in its own session. */
async function round(way: Way): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < perRound; i++) {
    const session = way.driver.session({
      database: target.database,
      defaultAccessMode: neo4j.session.READ,
      ...(way.bookmarks ? { bookmarkManager: way.bookmarks } : {}),
    });
    try {
      await session.executeRead((tx) => tx.run(READ_GRAPH_VERSION, { key: GRAPH_VERSION_KEY }));
    } finally {
      await session.close();
    }
  }
  return Number(process.hrtime.bigint() - started) / 1e6 / perRound;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function report(ways: Way[], startedAt: string, loadAtStart: number): string {
  const base = median(ways[0].samples);
  return [
    '## Routing and bookmarks on one server (README "Past one machine")',
    "",
    "```sh",
    `BENCH_NEO4J_URI=bolt://127.0.0.1:<port> node dist/bench/bookmarks.bench.js ${rounds} ${perRound}`,
    "```",
    "",
    `Run started ${startedAt}: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; ` +
      `1-minute load average ${loadAtStart.toFixed(1)} at the start and ${os.loadavg()[0].toFixed(1)} at the end. The machine is ` +
      "shared and noisy: read the ratios, from rounds taken in turn.",
    "",
    `The graph version read (one small READ transaction) in its own session, ${perRound} in a row per round, ${rounds} rounds ` +
      "per way, the ways in turn; the baseline is the way before sessions shared a bookmark manager.",
    "",
    "| way | median ms per transaction | rounds min–max | ratio to baseline |",
    "|---|---:|---|---:|",
    ...ways.map((way) => {
      const m = median(way.samples);
      const range = `${Math.min(...way.samples).toFixed(3)}–${Math.max(...way.samples).toFixed(3)}`;
      return `| ${way.name} | ${m.toFixed(3)} | ${range} | ${(m / base).toFixed(2)}× |`;
    }),
  ].join("\n");
}

async function main(): Promise<void> {
  const auth = neo4j.auth.basic(target.user, target.password);
  const quiet = { logging: { level: "error" as const, logger: () => undefined } };
  const hostPort = target.uri.replace(/^[a-z+]+:\/\//, "");
  const bolt = neo4j.driver(`bolt://${hostPort}`, auth, quiet);
  const routing = neo4j.driver(`neo4j://${hostPort}`, auth, quiet);
  const ways: Way[] = [
    { name: "bolt://, no bookmark manager (baseline)", driver: bolt, samples: [] },
    { name: "bolt://, one bookmark manager", driver: bolt, bookmarks: neo4j.bookmarkManager(), samples: [] },
    { name: "neo4j://, no bookmark manager", driver: routing, samples: [] },
    { name: "neo4j://, one bookmark manager", driver: routing, bookmarks: neo4j.bookmarkManager(), samples: [] },
  ];
  const startedAt = new Date().toISOString();
  const loadAtStart = os.loadavg()[0];
  try {
    for (const way of ways) await round(way); // warm-up: connections, plan, JIT
    for (let r = 0; r < rounds; r++) for (const way of ways) way.samples.push(await round(way));
  } finally {
    await bolt.close();
    await routing.close();
  }
  const text = report(ways, startedAt, loadAtStart);
  console.log(text);
  writeSection(RESULTS_PATH, "bookmarks", text);
  console.log(`\nwrote the bookmarks section of ${RESULTS_PATH}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
