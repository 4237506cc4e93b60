import { Command } from "commander";
import { loadConfig } from "../config";
import { provideNeo4j } from "../db/neo4j-provider";
import { homeLayout } from "../db/local/home-layout";
import { serverStatus, stopRecordedServer } from "../db/local/server-control";
import { ServerState } from "../db/local/server-state";

/**
 * `coauthor-graph db start|stop|status`: the Neo4j that coauthor-graph runs for COAUTHOR_GRAPH_HOME
 * (local jars or Docker). `db start` leaves it running after the command exits, so that `serve`
 * and `import` join it instead of starting their own. Exit code of `db status`: 0 running, 3 not.
 */
export function registerDbCommands(program: Command): void {
  const db = program.command("db").description("start, stop or inspect the Neo4j that coauthor-graph runs for its home");
  const log = (msg: string) => console.error(msg);

  db.command("start")
    .description("start Neo4j for this home and leave it running (Docker if an engine answers, else the local jars)")
    .action(async () => {
      const config = loadConfig();
      if (config.neo4j.uri) {
        console.log(`NEO4J_URI is set (${config.neo4j.uri}): coauthor-graph uses that server and starts none.`);
        return;
      }
      const neo4j = await provideNeo4j({ config, log, mode: "detached" });
      const { state } = await serverStatus(homeLayout(config.home));
      console.log(neo4j.started ? `Started Neo4j for ${config.home}.` : `Neo4j was already running for ${config.home}.`);
      if (state) console.log(describe(state));
    });

  db.command("stop")
    .description("stop the Neo4j that coauthor-graph runs for this home")
    .action(async () => {
      const config = loadConfig();
      const stopped = await stopRecordedServer(homeLayout(config.home), log);
      console.log(
        stopped ? `Stopped the ${stopped.via} Neo4j on ${stopped.uri} for ${config.home}.` : `No Neo4j is running for ${config.home}.`,
      );
    });

  db.command("status")
    .description("say whether Neo4j runs for this home, where, and which version")
    .option("--json", "print the status as JSON")
    .action(async (opts: { json?: boolean }) => {
      const config = loadConfig();
      const status = await serverStatus(homeLayout(config.home));
      if (opts.json) {
        const { password: _password, ...safe } = status.state ?? ({} as Partial<ServerState>);
        console.log(JSON.stringify({ ...status, state: status.state ? safe : undefined, neo4jUri: config.neo4j.uri ?? null }, null, 2));
      } else {
        if (config.neo4j.uri) console.log(`Note: NEO4J_URI is set (${config.neo4j.uri}); serve and import use that, not the server below.`);
        console.log(status.state ? describe(status.state) : `Neo4j is not running for ${config.home}.`);
      }
      if (!status.running) process.exitCode = 3;
    });
}

function describe(state: ServerState): string {
  const runner = state.via === "local" ? `pid ${state.pid}` : `container ${state.containerId?.slice(0, 12)}`;
  const lifetime = state.mode === "owner" ? `stops when pid ${state.ownerPid} exits` : "runs until `coauthor-graph db stop`";
  return [
    `Neo4j is running: ${state.uri}`,
    `  via      ${state.via} (${runner})`,
    `  version  ${state.version}`,
    `  home     ${state.home}`,
    `  since    ${state.startedAt} (${lifetime})`,
    ...(state.logFile ? [`  log      ${state.logFile}`] : []),
  ].join("\n");
}
