import { readdirSync } from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { importFiles } from "../../import/import-runner";
import { createProgress } from "../../import/progress";
import { formatImportSummary } from "../../import/summary-report";
import { loadConfig } from "../config";
import { Database } from "../db/database";
import { openDatabase } from "../db/neo4j-provider";
import { startHttpServer } from "../api/http";
import { fromRoot } from "../util/project-root";
import { runFigures } from "./figures.command";
import { portNumber, wholeNumber } from "./options";

/** After the grace for requests, this long for closing the driver and stopping an owned Neo4j. */
const SHUTDOWN_MARGIN_MS = 20_000;

const GRAPH_HAS_PAPERS = "MATCH (p:Paper) RETURN p.id AS id LIMIT 1";

/** The sample datasets `start` loads into an empty database: every data file in import/samples/, in name order. */
export function sampleFiles(): string[] {
  const dir = fromRoot("import", "samples");
  return readdirSync(dir)
    .filter((name) => !name.endsWith(".md") && !name.startsWith("."))
    .sort()
    .map((name) => path.join(dir, name));
}

const DEV_HELP = "development detail: error messages and stack traces in answers (also NODE_ENV=development)";
const BUDGET_HELP =
  "query-cost points each client may spend per minute, for a public deployment (default: COST_BUDGET_PER_MINUTE, else 0 = no budget)";
const SERVING_HELP = `
Public deployments (see "Running it in production" in the README):
  --cost-budget / COST_BUDGET_PER_MINUTE  per-client budget of query cost per minute (off by default). A client is
                                          the API key in the API_KEY_HEADER header (default X-API-Key; "" for
                                          addresses only) when sent, else the remote address. Answers carry
                                          extensions.cost and RateLimit-Policy / RateLimit headers; an exhausted
                                          budget is HTTP 429 RATE_LIMITED with Retry-After.
  TRUST_PROXY                             whose X-Forwarded-For gives the client address (express "trust proxy":
                                          a hop count, "loopback", addresses/CIDRs); off by default.
  MAX_IN_FLIGHT, MAX_QUEUED               requests running at once (16) and waiting (32); beyond: 503 OVERLOADED.
  SHUTDOWN_GRACE_MS, SHUTDOWN_DELAY_MS    on SIGTERM: /readyz answers 503 at once; requests are still served for
                                          SHUTDOWN_DELAY_MS (0), then in-flight ones get SHUTDOWN_GRACE_MS (10000).`;

interface ServeOptions {
  port?: number;
  dev?: boolean;
  trustedDocuments?: string;
  costBudget?: number;
}

const TRUSTED_HELP = "run only the operations of this persisted query manifest (also TRUSTED_DOCUMENTS; see `persisted build`)";

export function registerServeCommands(program: Command): void {
  program
    .command("serve")
    .description("serve the GraphQL API and the playground (never imports anything)")
    .option("-p, --port <port>", "port to listen on (default: PORT or 4000)", portNumber)
    .option("--dev", DEV_HELP)
    .option("--trusted-documents <manifest>", TRUSTED_HELP)
    .option("--cost-budget <points>", BUDGET_HELP, wholeNumber)
    .addHelpText("after", SERVING_HELP)
    .action(async (opts: ServeOptions) => runServer({ ...opts, importSamplesIfEmpty: false }));

  program
    .command("start")
    .description("reach or start Neo4j, import import/samples/ if the graph is empty, then serve")
    .option("-p, --port <port>", "port to listen on (default: PORT or 4000)", portNumber)
    .option("--dev", DEV_HELP)
    .option("--trusted-documents <manifest>", TRUSTED_HELP)
    .option("--cost-budget <points>", BUDGET_HELP, wholeNumber)
    .addHelpText("after", SERVING_HELP)
    .action(async (opts: ServeOptions) => runServer({ ...opts, importSamplesIfEmpty: true }));
}

async function runServer(opts: ServeOptions & { importSamplesIfEmpty: boolean }): Promise<void> {
  const loaded = loadConfig();
  const withBudget =
    opts.costBudget === undefined ? loaded : { ...loaded, costBudget: { ...loaded.costBudget, perMinute: opts.costBudget } };
  const withDev = opts.dev ? { ...withBudget, production: false } : withBudget;
  const config = opts.trustedDocuments ? { ...withDev, serving: { ...withDev.serving, trustedDocuments: opts.trustedDocuments } } : withDev;
  const log = (m: string) => console.error(m);
  const session = await openDatabase({ config, log, serving: true });
  let server: Awaited<ReturnType<typeof startHttpServer>> | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const grace = config.http.shutdownGraceMs;
    // Only an orchestrator's SIGTERM waits for the load balancer; Ctrl-C (SIGINT) drains at once.
    const delay = signal === "SIGTERM" ? config.http.shutdownDelayMs : 0;
    log(`\n${signal}: shutting down; in-flight requests get ${grace} ms (SHUTDOWN_GRACE_MS) …`);
    if (delay > 0) log(`/readyz answers 503 from now; requests are still served for ${delay} ms (SHUTDOWN_DELAY_MS) before the drain.`);
    // The bound: whatever hangs (a request, Neo4j's shutdown), the process ends this long after the signal.
    const bound = delay + grace + SHUTDOWN_MARGIN_MS;
    setTimeout(() => {
      log(`Shutdown did not finish within ${bound} ms of ${signal}; exiting now.`);
      process.exit(1);
    }, bound).unref();
    await server?.close({ readinessDelayMs: delay }).catch(() => undefined);
    await session.close().catch(() => undefined);
    log("Stopped.");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  try {
    if (opts.importSamplesIfEmpty) await importSamplesIfEmpty(session.db, log);
    server = await startHttpServer({ db: session.db, config, port: opts.port ?? config.port, log });
  } catch (error) {
    await session.close().catch(() => undefined);
    throw error;
  }
  console.log(`coauthor-graph is ready: playground ${server.url}/  ·  GraphQL endpoint ${server.url}/graphql`);
}

async function importSamplesIfEmpty(db: Database, log: (m: string) => void): Promise<void> {
  if ((await db.read(GRAPH_HAS_PAPERS, {}, { operation: "serve:samples" })).length > 0) {
    log("The graph already holds papers: samples not imported.");
    return;
  }
  const files = sampleFiles();
  log(`The graph is empty: importing ${files.length} sample files from import/samples/ …`);
  const summary = await importFiles(db, files, { progress: createProgress() });
  log(formatImportSummary(summary));
  if (!summary.ok) throw new Error("Importing the samples failed (see above); the server was not started.");
  // The whole-graph figures too, as `import` computes them, so graphFigures and authors(orderBy:) answer at once. They
  // are derived: a failure is reported and the server starts without them (`coauthor-graph figures` computes them later).
  await runFigures(db, { wait: true }).catch((error: unknown) =>
    log(`Whole-graph figures not computed (${String(error)}); run \`coauthor-graph figures\` later.`),
  );
}
