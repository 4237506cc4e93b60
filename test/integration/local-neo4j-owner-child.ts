import { loadConfig } from "../../src/config";
import { homeLayout } from "../../src/db/local/home-layout";
import { readState } from "../../src/db/local/server-state";
import { provideNeo4j } from "../../src/db/neo4j-provider";

/**
 * Test helper process (not a test file): provides a local Neo4j in owner mode for
 * COAUTHOR_GRAPH_HOME, prints {"uri","javaPid","owned"} on one line, then idles until killed.
 * Never calls stop(): the point is that Java goes away when this process is SIGKILLed.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const neo4j = await provideNeo4j({ config, mode: "owner", log: (m) => process.stderr.write(`${m}\n`) });
  const state = readState(homeLayout(config.home));
  process.stdout.write(`${JSON.stringify({ uri: neo4j.target.uri, javaPid: state?.pid, owned: neo4j.owned })}\n`);
  setInterval(() => undefined, 60_000);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
