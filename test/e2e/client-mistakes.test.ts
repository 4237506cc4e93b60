import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { loadConfig } from "../../src/config";
import { startHttpServer } from "../../src/api/http";
import { Database } from "../../src/db/database";
import { serveEnv, startServe, type ServeProcess } from "../support/serve-process";
import { testNeo4jTarget } from "../support/neo4j";

// A plain `serve` (no NODE_ENV, no HOST) against the test Neo4j: what a client sees when it gets things wrong.

interface Answer {
  status: number;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

const QUERY = "{ papers(first: 1) { totalCount } }";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("client mistakes get client codes; faults get an id", { timeout: 180_000 }, () => {
  let serve: ServeProcess;

  const post = async (body: unknown): Promise<Answer> => {
    const response = await fetch(`${serve.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Answer["body"] };
  };
  const only = (answer: Answer) => {
    assert.equal(answer.body.errors?.length, 1, JSON.stringify(answer.body));
    return answer.body.errors?.[0] ?? { message: "" };
  };

  before(async () => {
    serve = await startServe(serveEnv());
  });
  after(async () => {
    await serve?.stop();
  });

  it("listens on the loopback address by default", () => {
    assert.match(serve.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(serve.stderr(), /HTTP server listening on 127\.0\.0\.1:/);
  });

  it("a mutation on this read-only API is BAD_REQUEST (400) and says to send a query", async () => {
    const answer = await post({ query: 'mutation { addAuthor(name: "x") { id } }' });
    assert.equal(answer.status, 400);
    assert.equal(only(answer).extensions?.code, "BAD_REQUEST");
    assert.match(only(answer).message, /read-only.*Send a query/);
    const subscription = await post({ query: "subscription { ticks }" });
    assert.equal(only(subscription).extensions?.code, "BAD_REQUEST");
  });

  it("persisted-query mistakes are BAD_REQUEST or PERSISTED_QUERY_NOT_FOUND, with what to change", async () => {
    const mismatch = await post({ query: QUERY, extensions: { persistedQuery: { version: 1, sha256Hash: sha256("something else") } } });
    assert.equal(mismatch.status, 400);
    assert.equal(only(mismatch).extensions?.code, "BAD_REQUEST");
    assert.match(only(mismatch).message, /sha256Hash is not the SHA-256 of the query text/);

    const version = await post({ query: QUERY, extensions: { persistedQuery: { version: 2, sha256Hash: sha256(QUERY) } } });
    assert.equal(version.status, 400);
    assert.equal(only(version).extensions?.code, "BAD_REQUEST");
    assert.match(only(version).message, /send version: 1/);

    const unknown = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(`${QUERY} `) } } });
    assert.equal(only(unknown).extensions?.code, "PERSISTED_QUERY_NOT_FOUND");

    const registered = await post({ query: QUERY, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(QUERY) } } });
    assert.equal(registered.status, 200);
    assert.equal(registered.body.errors, undefined);
  });

  it("a GET longer than the server accepts is 431 LIMIT_EXCEEDED, says to POST it or send its hash, and both then answer", async () => {
    // A real query, padded with a comment past Node's 16 KB of request line and headers.
    const long = `${QUERY}\n# ${"padding ".repeat(2_500)}`;
    const tooLong = await fetch(`${serve.url}/graphql?query=${encodeURIComponent(long)}`);
    assert.equal(tooLong.status, 431);
    assert.match(tooLong.headers.get("content-type") ?? "", /^application\/json/);
    // Readable by a dashboard on another origin (the default CORS_ORIGINS is *), like every other answer.
    assert.equal(tooLong.headers.get("access-control-allow-origin"), "*");
    const error = only({ status: tooLong.status, body: (await tooLong.json()) as Answer["body"] });
    assert.equal(error.extensions?.code, "LIMIT_EXCEEDED");
    assert.equal(error.extensions?.maxBytes, 16_384);
    assert.match(error.message, /send it by POST instead, or by GET as an automatic persisted query/);
    // What it says works: the query by POST, registered under its hash, then by GET with the hash alone.
    const hash = { persistedQuery: { version: 1, sha256Hash: sha256(long) } };
    const posted = await post({ query: long, extensions: hash });
    assert.equal(posted.status, 200);
    assert.equal(posted.body.errors, undefined);
    const byHash = await fetch(`${serve.url}/graphql?extensions=${encodeURIComponent(JSON.stringify(hash))}`);
    assert.equal(byHash.status, 200);
    assert.deepEqual(await byHash.json(), posted.body);
  });

  it("no stack trace or file path reaches a client of the default start", async () => {
    const answers = [
      await post({ query: "{ nope }" }),
      await post({ query: "{ author(id: " }),
      await post({ query: "query($n: Int!) { papers(first: $n) { totalCount } }", variables: { n: "many" } }),
    ];
    for (const answer of answers) {
      const text = JSON.stringify(answer.body);
      assert.equal(answer.status, 400, text);
      assert.doesNotMatch(text, /stacktrace|\bat .+:\d+:\d+|node_modules|\/dist\//, text);
    }
    const bad = await fetch(`${serve.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: "{oops" });
    assert.equal(bad.status, 400);
    const badBody = (await bad.json()) as Answer["body"];
    assert.equal(badBody.errors?.[0].extensions?.code, "BAD_REQUEST");
    assert.match(badBody.errors?.[0].message, /not valid JSON/);
  });
});

describe("a real fault", { timeout: 60_000 }, () => {
  it("is INTERNAL_SERVER_ERROR with an id that the server log carries with the stack", async () => {
    const broken = await Database.connect(testNeo4jTarget());
    await broken.close();
    const logged: string[] = [];
    const config = loadConfig({});
    const server = await startHttpServer({ db: broken, config, port: 0, host: "127.0.0.1", log: (line) => logged.push(line) });
    try {
      const response = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: '{ author(id: "a") { name } }' }),
      });
      // A fault's answer names an id, and the server's log has that id with the stack.
      const assertLoggedFault = (body: Answer["body"]) => {
        const error = body.errors?.[0];
        assert.equal(error?.extensions?.code, "INTERNAL_SERVER_ERROR");
        const errorId = String(error?.extensions?.errorId);
        assert.match(errorId, /^[0-9a-f]{12}$/);
        assert.equal(error?.message, `Internal server error (id ${errorId}); the server log has the details.`);
        const line = logged.find((l) => l.includes(errorId));
        assert.ok(line, `the log names ${errorId}: ${logged.join("\n")}`);
        assert.match(line, /\n\s+at /, "with the stack");
      };
      assertLoggedFault((await response.json()) as Answer["body"]);

      // An export's fault is answered and logged the same way.
      const exported = await fetch(`${server.url}/export/network.gexf?author=a`);
      assert.equal(exported.status, 500);
      assert.equal(exported.headers.get("cache-control"), "no-store");
      assertLoggedFault((await exported.json()) as Answer["body"]);
    } finally {
      await server.close();
    }
  });
});
