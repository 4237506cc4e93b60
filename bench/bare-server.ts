import http from "node:http";
import { FloorClient } from "./query-clients";
import { queryCases, type QueryCase } from "./query-cases";
import type { BenchInputs } from "./query-inputs";
import { benchTargetFromEnv } from "./lib/bench-target";

/*
 * The bare HTTP floor of the serving benchmark (issue 12): a minimal node:http server, in its own process, that answers
 * the benchmark's GraphQL POSTs by running the floor's hand-written Cypher (bench/query-floor.cypher.ts) through
 * neo4j-driver and writing the JSON itself: no GraphQL, no express, no validation, no limits. It recognises each of
 * the query benchmark's operations by its exact text (bench/query-cases.ts, "ours"), takes the input from the
 * variables, and answers `{"data": <the floor's rows>}`; the depth-2 network's edges are written as objects with author
 * ids, as ours writes them. So the same clients (bench/query-clients.ts, the load driver) drive both servers.
 *
 * Run: NEO4J_URI=bolt://… [NEO4J_USER NEO4J_PASSWORD NEO4J_DATABASE] node dist/bench/bare-server.js [port]
 * It prints `bare server ready: http://127.0.0.1:<port>/graphql` once it listens.
 */

/** The case names served, and how a GraphQL request's variables become the case's input value. */
const SERVED: Record<string, (variables: Record<string, any>) => unknown> = {
  "author by id": (v) => v.id,
  "coauthors(first: 20)": (v) => v.id,
  "coauthorNetwork depth 1 (maxNodes 500)": (v) => v.id,
  "coauthorNetwork depth 2 (maxNodes 500)": (v) => v.id,
  "sharedVenues (pairs)": (v) => v.ids,
  "collaborationPath (pairs)": (v) => [v.from, v.to],
  "authors(search:, first: 10)": (v) => v.q,
  "papers(search:, first: 10)": (v) => v.q,
};

/** The operation texts do not depend on the inputs: any value builds them. */
const NO_INPUTS: BenchInputs = { authors: [], medianCoauthors: 0, pairs: [], authorSearches: [], paperSearches: [] };
const SAMPLE_VALUE: Record<string, unknown> = { "sharedVenues (pairs)": ["a", "b"], "collaborationPath (pairs)": ["a", "b"] };

interface Route {
  c: QueryCase;
  value: (variables: Record<string, any>) => unknown;
  network: boolean;
}

function routes(): Map<string, Route> {
  const byText = new Map<string, Route>();
  for (const c of queryCases(NO_INPUTS)) {
    const value = SERVED[c.name];
    if (!value) continue;
    byText.set(c.ours(SAMPLE_VALUE[c.name] ?? "x").query, { c, value, network: c.name.startsWith("coauthorNetwork") });
  }
  return byText;
}

/** The floor's network row with its edges as objects named by author id (what a JSON API would send). */
function networkRows(rows: Array<Record<string, any>>): Array<Record<string, any>> {
  const { nodes, keptIds, edgeGroups, truncated } = rows[0].network;
  const idOf = new Map<number, string>();
  (keptIds as number[]).forEach((internal, i) => idOf.set(internal, nodes[i].id as string));
  const edges: Array<{ source: string; target: string; jointPapers: number }> = [];
  for (const [source, targets, papers] of edgeGroups as Array<[number, number[], number[]]>) {
    const s = idOf.get(source)!;
    for (let i = 0; i < targets.length; i += 1) edges.push({ source: s, target: idOf.get(targets[i])!, jointPapers: papers[i] });
  }
  return [{ network: { nodes, edges, truncated } }];
}

export function startBareServer(
  target: { uri: string; user: string; password: string; database: string },
  port = 0,
): Promise<{ server: http.Server; port: number; close: () => Promise<void> }> {
  const floor = new FloorClient(target, target.database);
  const byText = routes();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const reply = (status: number, body: unknown) => {
        const text = JSON.stringify(body);
        res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
        res.end(text);
      };
      let request: { query?: string; variables?: Record<string, unknown> };
      try {
        request = JSON.parse(Buffer.concat(chunks).toString("utf8")) as typeof request;
      } catch {
        return reply(400, { errors: [{ message: "not JSON" }] });
      }
      const route = byText.get(request.query ?? "");
      if (!route) return reply(400, { errors: [{ message: "not a benchmark operation" }] });
      floor
        .run(route.c.floor(route.value(request.variables ?? {})))
        .then((rows) => reply(200, { data: route.network ? networkRows(rows) : rows }))
        .catch((error: Error) => reply(500, { errors: [{ message: error.message.slice(0, 300) }] }));
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) =>
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      resolve({
        server,
        port: typeof address === "object" && address ? address.port : port,
        close: async () => {
          server.closeAllConnections();
          await new Promise((done) => server.close(done));
          await floor.close();
        },
      });
    }),
  );
}

/** How the serving benchmark reads the bare server's answer: the same facts as the floor's rows (normaliseFloor). */
export function normaliseBare(c: QueryCase, data: Array<Record<string, any>>): unknown {
  if (!c.name.startsWith("coauthorNetwork")) return c.normaliseFloor(data);
  const { nodes, edges, truncated } = data[0].network as {
    nodes: Array<{ id: string; distance: number }>;
    edges: Array<{ source: string; target: string; jointPapers: number }>;
    truncated: boolean;
  };
  return {
    truncated,
    nodes: nodes.map((n) => `${n.distance}:${n.id}`).sort(),
    edges: edges.map((e) => `${e.source}|${e.target}|${e.jointPapers}`).sort(),
  };
}

if (require.main === module) {
  const target = benchTargetFromEnv(
    "NEO4J_URI",
    "Set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) to the database to serve.",
  );
  startBareServer(target, Number(process.argv[2] ?? 0))
    .then(({ port, close }) => {
      console.log(`bare server ready: http://127.0.0.1:${port}/graphql`);
      const stop = () => void close().finally(() => process.exit(0));
      process.on("SIGTERM", stop);
      process.on("SIGINT", stop);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
