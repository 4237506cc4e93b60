import http from "node:http";
import neo4j, { type Driver } from "neo4j-driver";
import { toNeo4jParams } from "../src/db/params";
import type { RunningHttpServer } from "../src/api/http";
import type { FloorRequest, GraphqlRequest } from "./query-cases";

/**
 * Keep-alive connections shared by every request, as a real client holds them. node:http rather than fetch: fetch
 * (undici) adds 0.3-0.45 ms of client-side work per request on this machine, more than our whole server spends on
 * a small query, and that would be measured as the server's. Ours and @neo4j/graphql use this same client.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** A GraphQL POST over HTTP; resolves with the raw answer's bytes (a transport error or a status other than 200 rejects). */
export function postGraphqlBody(url: string, request: GraphqlRequest): Promise<Buffer> {
  const payload = Buffer.from(JSON.stringify(request));
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", accept: "application/json", "content-length": payload.length },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode}: ${body.toString("utf8").slice(0, 300)}`));
          else resolve(body);
        });
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

/** `data` of a GraphQL answer; its errors are thrown. */
export function graphqlData(answer: { data?: unknown; errors?: ReadonlyArray<{ message: string }> }): any {
  if (answer.errors?.length)
    throw new Error(
      `GraphQL error: ${answer.errors
        .map((e) => e.message)
        .join("; ")
        .slice(0, 300)}`,
    );
  return answer.data;
}

/** A GraphQL POST over HTTP; GraphQL errors are thrown. */
export async function postGraphql(url: string, request: GraphqlRequest): Promise<any> {
  const body = await postGraphqlBody(url, request);
  return graphqlData(JSON.parse(body.toString("utf8")) as { data?: unknown; errors?: Array<{ message: string }> });
}

/** The same request through the server's Apollo pipeline in-process (no HTTP, no JSON); errors are thrown. */
export async function executeInProcess(server: RunningHttpServer, request: GraphqlRequest): Promise<any> {
  const response = await server.executeOperation(request);
  if (response.body.kind !== "single") throw new Error("incremental delivery is not used by this API");
  return graphqlData(response.body.singleResult);
}

/**
 * The floor's client: neo4j-driver with the settings coauthor-graph uses (plain JS numbers, the
 * same pool), one managed read transaction per question. Integer parameters are sent as integers.
 */
export class FloorClient {
  readonly driver: Driver;

  constructor(
    target: { uri: string; user: string; password: string },
    private readonly database: string,
  ) {
    this.driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 50,
      logging: { level: "error", logger: () => undefined },
    });
  }

  async run(request: FloorRequest): Promise<Array<Record<string, any>>> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.executeRead((tx) => tx.run(request.cypher, toNeo4jParams(request.params)));
      return result.records.map((r) => r.toObject());
    } finally {
      await session.close();
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
