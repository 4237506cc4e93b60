import assert from "node:assert/strict";
import http from "node:http";
import net from "node:net";
import { after, before, describe, it } from "node:test";
import { importFiles } from "../../import/import-runner";
import { loadConfig, type Config } from "../../src/config";
import type { Database } from "../../src/db/database";
import { startHttpServer, type RunningHttpServer } from "../../src/api/http";
import { fromRoot } from "../../src/util/project-root";
import { clearGraph, testDatabase } from "../support/neo4j";

// The HTTP surface against a real Neo4j holding the Wei Xiong seed page, in production mode.

const SEED = fromRoot("test", "fixtures", "acl-author-page", "acl-author-page-wei-xiong.txt");
const DASHBOARD = "https://dashboard.example.org";

const TOP_COAUTHOR_QUERY = `query Top($id: ID!) {
  author(id: $id) { name coauthors(first: 1) { edges { jointPapers node { name } } } }
}`;

interface GraphqlBody {
  data?: any;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** No stack, file path or Cypher may reach a client in production. */
function assertNothingLeaks(body: GraphqlBody): void {
  const text = JSON.stringify(body);
  for (const error of body.errors ?? []) assert.equal(error.extensions?.stacktrace, undefined, "stacktrace leaked");
  assert.doesNotMatch(text, /\bat .+:\d+:\d+|node_modules|\/dist\/|MATCH \(|RETURN /, `internals leaked: ${text}`);
}

describe("HTTP server", { timeout: 120_000 }, () => {
  let db: Database;
  let server: RunningHttpServer;
  let config: Config;

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });

  before(async () => {
    db = await testDatabase();
    await clearGraph(db);
    await importFiles(db, [SEED]);
    const base = loadConfig({});
    // Every request here must reach Neo4j (the tests count and name its transactions): no response cache, and no
    // version poll during a test. The cache has its own tests (test/integration/api/serving.test.ts).
    config = {
      ...base,
      corsOrigins: [DASHBOARD],
      production: true,
      serving: { ...base.serving, responseCacheBytes: 0, graphVersionPollMs: 60_000 },
    };
    server = await startHttpServer({ db, config, port: 0, host: "127.0.0.1" });
  });

  after(async () => {
    await server?.close();
    await db?.close();
  });

  it("reports a real port and url for port 0", () => {
    assert.ok(server.port > 0);
    assert.equal(server.url, `http://127.0.0.1:${server.port}`);
  });

  it("/healthz pings Neo4j", async () => {
    const response = await fetch(`${server.url}/healthz`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("cache-control"), "no-store");
    const body = (await response.json()) as { status: string; neo4j: string; latencyMs: number };
    assert.equal(body.status, "ok");
    assert.equal(body.neo4j, "up");
    assert.ok(body.latencyMs >= 0);
  });

  it("/healthz answers 503 when Neo4j cannot be reached", async () => {
    const unreachable = await testDatabase();
    await unreachable.close();
    const degraded = await startHttpServer({ db: unreachable, config, port: 0, host: "127.0.0.1" });
    try {
      const response = await fetch(`${degraded.url}/healthz`);
      assert.equal(response.status, 503);
      const body = (await response.json()) as { status: string; neo4j: string; code?: string };
      assert.equal(body.status, "unavailable");
      assert.equal(body.neo4j, "down");
      assert.ok(body.code);
    } finally {
      await degraded.close();
    }
  });

  it("answers a GraphQL POST", async () => {
    const response = await post({ query: TOP_COAUTHOR_QUERY, variables: { id: "name:wei xiong" } });
    assert.equal(response.status, 200);
    // Answers are never cached nor revalidated, so no ETag is computed; express stays unnamed.
    assert.equal(response.headers.get("cache-control"), "no-store");
    assert.equal(response.headers.get("etag"), null);
    assert.equal(response.headers.get("x-powered-by"), null);
    const body = (await response.json()) as GraphqlBody;
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.equal(body.data.author.name, "Wei Xiong");
    assert.deepEqual(body.data.author.coauthors.edges[0], { jointPapers: 4, node: { name: "Tong Zhang" } });
  });

  it("answers a GET query, with Apollo's CSRF-prevention header or without it", async () => {
    const params = new URLSearchParams({ query: TOP_COAUTHOR_QUERY, variables: JSON.stringify({ id: "name:tong zhang" }) });
    const response = await fetch(`${server.url}/graphql?${params}`, { headers: { "apollo-require-preflight": "true" } });
    assert.equal(response.status, 200);
    const body = (await response.json()) as GraphqlBody;
    assert.equal(body.data.author.name, "Tong Zhang");
    assert.equal(body.data.author.coauthors.edges[0].node.name, "Wei Xiong");

    // A plain GET too: a GET runs only queries, and this API has no credentials to abuse (src/api/get-queries.ts).
    const bare = await fetch(`${server.url}/graphql?${params}`);
    assert.equal(bare.status, 200);
    assert.equal(((await bare.json()) as GraphqlBody).data.author.name, "Tong Zhang");
    // A POST of a "simple" content type (what a cross-site form can send) is still refused.
    const form = await fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" });
    assert.equal(form.status, 400);
    assert.match(await form.text(), /Cross-Site Request Forgery/);
  });

  it("names every transaction of a request after its operation, and /healthz's after the health check", async () => {
    /** The metadata operations of the statements one request sent, each once. */
    const operationsOf = async (request: Promise<Response>): Promise<string[]> => {
      const seen = new Set<string>();
      const stop = db.observe((event) => {
        assert.equal(event.metadata.app, "coauthor-graph");
        seen.add(event.metadata.operation);
      });
      try {
        const response = await request;
        assert.equal(response.status, 200);
        await response.arrayBuffer();
      } finally {
        stop();
      }
      return [...seen];
    };
    const variables = { id: "name:wei xiong" };
    assert.deepEqual(await operationsOf(post({ query: TOP_COAUTHOR_QUERY, operationName: "Top", variables })), ["api:Top"]);
    assert.deepEqual(await operationsOf(post({ query: TOP_COAUTHOR_QUERY, variables })), ["api:Top"], "named in the document only");
    assert.deepEqual(await operationsOf(post({ query: `{ author(id: "name:wei xiong") { name } }` })), ["api:author"]);
    const params = new URLSearchParams({ query: TOP_COAUTHOR_QUERY, operationName: "Top", variables: JSON.stringify(variables) });
    assert.deepEqual(await operationsOf(fetch(`${server.url}/graphql?${params}`, { headers: { "apollo-require-preflight": "true" } })), [
      "api:Top",
    ]);
    assert.deepEqual(await operationsOf(fetch(`${server.url}/healthz`)), ["health"]);
  });

  it("answers /graphql in any case and with a trailing slash, as express's mount did, and leaves other paths to express", async () => {
    const body = JSON.stringify({ query: "{ __typename }" });
    for (const path of ["/GraphQL", "/graphql/", "/graphql?x=1"]) {
      const response = await fetch(`${server.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body });
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get("cache-control"), "no-store", path);
      assert.deepEqual(((await response.json()) as GraphqlBody).data, { __typename: "Query" }, path);
    }
    // The absolute form a forward proxy sends, which fetch cannot: a raw request.
    const absolute = await new Promise<{ status?: number; text: string }>((resolve, reject) => {
      const url = new URL(server.url);
      const request = http.request(
        {
          host: url.hostname,
          port: url.port,
          method: "POST",
          path: `${server.url}/graphql`,
          headers: { "content-type": "application/json" },
        },
        (response) => {
          let text = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => (text += chunk));
          response.on("end", () => resolve({ status: response.statusCode, text }));
        },
      );
      request.on("error", reject);
      request.end(body);
    });
    assert.equal(absolute.status, 200);
    assert.deepEqual((JSON.parse(absolute.text) as GraphqlBody).data, { __typename: "Query" });
    const elsewhere = await fetch(`${server.url}/graphqlx`, { method: "POST", headers: { "content-type": "application/json" }, body });
    assert.equal(elsewhere.status, 404);
    await elsewhere.arrayBuffer();
  });

  it("refuses a mutation over GET", async () => {
    const params = new URLSearchParams({ query: "mutation { __typename }" });
    const response = await fetch(`${server.url}/graphql?${params}`, { headers: { "apollo-require-preflight": "true" } });
    assert.ok(response.status >= 400 && response.status < 500, `status ${response.status}`);
    await response.arrayBuffer();
  });

  it("sends CORS headers to a configured origin only", async () => {
    const preflight = await fetch(`${server.url}/graphql`, {
      method: "OPTIONS",
      headers: { origin: DASHBOARD, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get("access-control-allow-origin"), DASHBOARD);
    assert.match(preflight.headers.get("access-control-allow-methods") ?? "", /POST/);
    assert.match(preflight.headers.get("access-control-allow-headers") ?? "", /content-type/i);

    const allowed = await post({ query: "{ __typename }" }, { origin: DASHBOARD });
    assert.equal(allowed.headers.get("access-control-allow-origin"), DASHBOARD);
    await allowed.arrayBuffer();

    const other = await post({ query: "{ __typename }" }, { origin: "https://elsewhere.example.com" });
    assert.equal(other.headers.get("access-control-allow-origin"), null);
    await other.arrayBuffer();
  });

  it("reports a user error with extensions.code and no stack in production", async () => {
    const response = await post({ query: `{ author(id: "name:wei xiong") { coauthors(first: 1000) { totalCount } } }` });
    const body = (await response.json()) as GraphqlBody;
    assert.ok(body.errors?.length, "expected an error for first: 1000");
    assert.equal(body.errors[0].extensions?.code, "BAD_USER_INPUT");
    assertNothingLeaks(body);
  });

  it("reports a syntax error with a code and no stack in production", async () => {
    const response = await post({ query: "{ author(id: " });
    assert.equal(response.status, 400);
    const body = (await response.json()) as GraphqlBody;
    assert.equal(body.errors?.[0].extensions?.code, "GRAPHQL_PARSE_FAILED");
    assertNothingLeaks(body);
  });

  it("answers malformed JSON and oversized bodies with GraphQL-shaped errors", async () => {
    const malformed = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{ not json",
    });
    assert.equal(malformed.status, 400);
    const malformedBody = (await malformed.json()) as GraphqlBody;
    assert.equal(malformedBody.errors?.[0].extensions?.code, "BAD_REQUEST");
    assertNothingLeaks(malformedBody);

    const huge = await post({ query: `{ __typename }`, variables: { padding: "x".repeat(400_000) } });
    assert.equal(huge.status, 413);
    const hugeBody = (await huge.json()) as GraphqlBody;
    assert.equal(hugeBody.errors?.[0].extensions?.code, "LIMIT_EXCEEDED");
  });

  it("serves the SDL and the playground page with its local assets", async () => {
    const sdl = await fetch(`${server.url}/schema.graphql`);
    assert.equal(sdl.status, 200);
    assert.match(await sdl.text(), /type Query\s*\{[\s\S]*coauthorNetwork/);

    for (const pagePath of ["/", "/playground"]) {
      const page = await fetch(`${server.url}${pagePath}`);
      assert.equal(page.status, 200);
      assert.match(page.headers.get("content-type") ?? "", /text\/html/);
      assert.match(page.headers.get("content-security-policy") ?? "", /default-src 'self'/);
      const html = await page.text();
      assert.doesNotMatch(html, /https?:\/\/(?!localhost)[^"' ]*\.(js|css)/, "the page references a remote script or style");
      const assets = [...html.matchAll(/(?:src|href)="(\/playground-assets\/[^"]+)"/g)].map((m) => m[1]);
      assert.equal(assets.length, 6, `expected react, react-dom, graphiql js+css and our js+css: ${assets.join(", ")}`);
      if (pagePath !== "/") continue;
      for (const asset of assets) {
        const response = await fetch(`${server.url}${asset}`);
        assert.equal(response.status, 200, asset);
        assert.match(response.headers.get("cache-control") ?? "", /max-age=86400/, asset);
        assert.ok((await response.arrayBuffer()).byteLength > 0, asset);
      }
    }
  });

  it("close() frees the port", async () => {
    const { port } = server;
    assert.equal(await canListen(port), false);
    // An idle keep-alive connection must not hold the server open.
    await (await fetch(`${server.url}/healthz`)).arrayBuffer();
    const started = Date.now();
    await server.close();
    assert.ok(Date.now() - started < 3_000, "close() waited for idle connections");
    assert.equal(await canListen(port), true);
    await server.close(); // idempotent
  });
});
