import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import { Neo4jGraphQL } from "@neo4j/graphql";
import express from "express";
import neo4j, { type Driver } from "neo4j-driver";
import { PEER_TYPE_DEFS } from "./type-defs";

/**
 * @neo4j/graphql served the way coauthor-graph is (Apollo Server 5 on express 5, JSON POST), on
 * its own driver so that its Bolt work can be counted: every session it opens is one transaction
 * with its generated statement, so sessions per request is its round-trip count.
 */
export interface PeerServer {
  url: string;
  /** Sessions opened on the driver so far (read before and after a request). */
  sessionCount(): number;
  close(): Promise<void>;
}

export async function startPeerServer(target: { uri: string; user: string; password: string; database: string }): Promise<PeerServer> {
  const driver: Driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
    maxConnectionPoolSize: 50,
    // Numbers inside the maps that @cypher fields return are otherwise Integer objects GraphQL refuses.
    disableLosslessIntegers: true,
    logging: { level: "error", logger: () => undefined },
  });
  let sessions = 0;
  const openSession = driver.session.bind(driver);
  driver.session = (config?: Parameters<Driver["session"]>[0]) => {
    sessions += 1;
    return openSession(config);
  };

  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer({ schema, plugins: [ApolloServerPluginLandingPageDisabled()] });
  await apollo.start();
  app.use(
    "/graphql",
    express.json({ limit: "256kb" }),
    expressMiddleware(apollo, { context: async () => ({ sessionConfig: { database: target.database } }) }),
  );
  const port = await new Promise<number>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(0, "127.0.0.1", () => resolve((httpServer.address() as AddressInfo).port));
  });
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    sessionCount: () => sessions,
    async close() {
      await apollo.stop();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeAllConnections();
      await driver.close();
    },
  };
}
