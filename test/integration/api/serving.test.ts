import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { after, before, describe, it } from "node:test";
import { cacheExchange, Client, fetchExchange, gql } from "@urql/core";
import { importFiles } from "../../../import/import-runner";
import { startHttpServer, type RunningHttpServer } from "../../../src/api/http";
import { loadConfig, type Config } from "../../../src/config";
import type { Database } from "../../../src/db/database";
import { fromRoot } from "../../../src/util/project-root";
import { launchBrowser, screenshot } from "../../support/browser";
import { clearGraph, testDatabase } from "../../support/neo4j";
import { countStatements } from "../../support/statements";

// Reads by GET, ETags tied to the graph version, the response cache, persisted queries and trusted documents, over
// real HTTP against the real Neo4j. Statements are counted through the Database's hook, the version polls included.

const run = promisify(execFile);
const CLI = fromRoot("dist", "src", "cli", "main.js");
const SEED = fromRoot("test", "fixtures", "acl-author-page", "acl-author-page-wei-xiong.txt");
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

const TOP = `query Top($id: ID!) {
  author(id: $id) { name coauthors(first: 1) { edges { jointPapers node { name } } } }
}`;
/** The same operation spelled differently: the cache keys on the printed document. */
const TOP_RESPELLED = `# the same, with a comment
query Top($id: ID!) { author(id: $id) {   name
  coauthors(first: 1) { edges { jointPapers node { name } } } } }`;

interface Body {
  data?: any;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
  extensions?: Record<string, unknown>;
}

/** Test-sized knobs: no version poll during a test (60 s), so every statement counted is the request's own. */
function servingConfig(overrides: Partial<Config["serving"]> = {}): Config {
  const base = loadConfig({});
  return {
    ...base,
    corsOrigins: "*",
    production: true,
    // A generous warm-up budget: the machine that runs the tests may be loaded.
    serving: { ...base.serving, graphVersionPollMs: 60_000, cacheMaxAgeSeconds: 30, warmUpMs: 180_000, ...overrides },
  };
}

function getUrl(server: RunningHttpServer, params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) search.set(name, typeof value === "string" ? value : JSON.stringify(value));
  return `${server.url}/graphql?${search}`;
}

describe("serving reads: GET, ETag, response cache, persisted queries", { timeout: 240_000 }, () => {
  let db: Database;
  let server: RunningHttpServer;
  const warmUpOperations = new Set<string>();

  before(async () => {
    db = await testDatabase();
    await clearGraph(db);
    await importFiles(db, [SEED]);
    const stop = db.observe((event) => warmUpOperations.add(event.metadata.operation));
    server = await startHttpServer({ db, config: servingConfig(), port: 0, host: "127.0.0.1" });
    stop();
  });

  after(async () => {
    await server?.close();
    await db?.close();
  });

  /** Runs `request` and returns its response with the number of statements it sent to Neo4j (any, of anyone). */
  async function counted(request: () => Promise<Response>): Promise<{ response: Response; text: string; statements: number }> {
    const counter = countStatements(db, { versionRead: true });
    try {
      const response = await request();
      const text = await response.text();
      return { response, text, statements: counter.count };
    } finally {
      counter.stop();
    }
  }

  it("warms up before it is ready: the example and the explorer's kinds of queries ran before startHttpServer resolved", async () => {
    for (const operation of [
      "warm-up",
      "api:WarmAuthor",
      "api:WarmNetwork",
      "api:WarmAnalysis",
      "api:WarmSearch",
      "api:WarmPair",
      "api:WarmStats",
    ]) {
      assert.ok(warmUpOperations.has(operation), `${operation} ran during start-up: ${[...warmUpOperations].join(", ")}`);
    }
    const ready = await fetch(`${server.url}/readyz`);
    assert.equal(ready.status, 200);
    await ready.arrayBuffer();
  });

  it("urql with its defaults sends a query as a plain GET, and gets the answer", async () => {
    const methods: string[] = [];
    const client = new Client({
      url: `${server.url}/graphql`,
      exchanges: [cacheExchange, fetchExchange],
      fetch: (input, init) => {
        methods.push(init?.method ?? "GET");
        return fetch(input, init);
      },
    });
    const result = await client.query(gql(TOP), { id: "name:wei xiong" }).toPromise();
    assert.equal(result.error, undefined, String(result.error));
    assert.deepEqual(methods, ["GET"]);
    assert.equal(result.data.author.name, "Wei Xiong");
    // (urql's document cache adds __typename to every selection.)
    const [top] = result.data.author.coauthors.edges;
    assert.deepEqual([top.jointPapers, top.node.name], [4, "Tong Zhang"]);
  });

  it("curl's plain GET works, with an ETag and Cache-Control: public, max-age", async () => {
    const { stdout } = await run("curl", ["-sS", "-i", getUrl(server, { query: TOP, variables: { id: "name:tong zhang" } })]);
    const [head, body] = stdout.split(/\r\n\r\n/);
    assert.match(head, /^HTTP\/1\.1 200/);
    assert.match(head, /\r\netag: W\/"[A-Za-z0-9_-]{43}"/i);
    assert.match(head, /\r\ncache-control: public, max-age=30/i);
    assert.match(head, /\r\nvary: .*Accept/i);
    assert.equal((JSON.parse(body) as Body).data.author.name, "Tong Zhang");
  });

  it("HEAD is answered as GET is, without the body (RFC 9110): a link checker or a monitor may send it", async () => {
    const url = getUrl(server, { query: TOP, variables: { id: "name:tong zhang" } });
    const get = await fetch(url);
    await get.arrayBuffer();
    const head = await fetch(url, { method: "HEAD" });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get("etag"), get.headers.get("etag"));
    assert.match(head.headers.get("content-type") ?? "", /json/);
    // The HEAD came from the kept answer (the GET before kept it): the same length as the GET's body (RFC 9110).
    assert.ok(get.headers.get("content-length"));
    assert.equal(head.headers.get("content-length"), get.headers.get("content-length"));
    assert.equal((await head.arrayBuffer()).byteLength, 0);
  });

  it("a browser page of another origin reads a query by fetch GET (CORS, no preflight)", async () => {
    const dashboard = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>dashboard</title><pre id=out>waiting</pre>");
    });
    await new Promise<void>((resolve) => dashboard.listen(0, "127.0.0.1", resolve));
    const dashboardUrl = `http://localhost:${(dashboard.address() as AddressInfo).port}`;
    const browser = await launchBrowser([dashboardUrl, server.url]);
    try {
      const page = await browser.newPage();
      const methods: string[] = [];
      page.on("request", (request) => {
        if (request.url().startsWith(server.url)) methods.push(request.method());
      });
      await page.goto(`${dashboardUrl}/`);
      const url = getUrl(server, { query: TOP, variables: { id: "name:wei xiong" } });
      const answer = await page.evaluate(async (target) => {
        const response = await fetch(target);
        const body = (await response.json()) as Body;
        document.getElementById("out")!.textContent = JSON.stringify({ status: response.status, data: body.data }, null, 2);
        return { status: response.status, name: body.data?.author?.name as string | undefined, origin: location.origin };
      }, url);
      await screenshot(page, "serving-cross-origin-get");
      assert.notEqual(answer.origin, new URL(server.url).origin, "the page is of another origin");
      assert.deepEqual({ status: answer.status, name: answer.name }, { status: 200, name: "Wei Xiong" });
      assert.deepEqual(methods, ["GET"], "a simple GET: no OPTIONS preflight");
      assert.deepEqual(browser.problems, []);
    } finally {
      await browser.close();
      await new Promise((resolve) => dashboard.close(resolve));
    }
  });

  it("If-None-Match with the ETag is answered 304 without a statement", async () => {
    const url = getUrl(server, { query: TOP, variables: { id: "name:wei xiong" }, operationName: "Top" });
    const first = await counted(() => fetch(url));
    assert.equal(first.response.status, 200);
    const etag = first.response.headers.get("etag");
    assert.ok(etag);
    const again = await counted(() => fetch(url, { headers: { "if-none-match": etag } }));
    assert.equal(again.response.status, 304);
    assert.equal(again.text, "");
    assert.equal(again.response.headers.get("etag"), etag);
    assert.equal(again.statements, 0, "a 304 sends nothing to Neo4j");
    // Another spelling of the same operation, variables in the other order: the same answer, the same ETag.
    const respelled = await counted(() =>
      fetch(getUrl(server, { query: TOP_RESPELLED, variables: { id: "name:wei xiong" }, operationName: "Top" }), {
        headers: { "if-none-match": `"x", ${etag}` },
      }),
    );
    assert.equal(respelled.response.status, 304);
    assert.equal(respelled.statements, 0);
  });

  it("If-None-Match: * is 304 only when an answer exists: an error is sent as an error, a new answer in full", async () => {
    // The ETag is known before the query runs; an error has none, so `*` ("any current representation") must not hide it.
    const failing = getUrl(server, { query: `{ author(id: "name:wei xiong") { coauthors(first: 1000) { totalCount } } }` });
    const error = await fetch(failing, { headers: { "if-none-match": "*" } });
    assert.equal(error.status, 400);
    assert.equal(((await error.json()) as Body).errors?.[0].extensions?.code, "BAD_USER_INPUT");
    const url = getUrl(server, { query: TOP, variables: { id: "name:heng ji" }, operationName: "Top" });
    const first = await counted(() => fetch(url, { headers: { "if-none-match": "*" } }));
    assert.equal(first.response.status, 200, "nothing kept yet: the answer itself");
    assert.ok(first.statements > 0);
    assert.equal(((JSON.parse(first.text) as Body).data as { author: { name: string } }).author.name, "Heng Ji");
    const again = await counted(() => fetch(url, { headers: { "if-none-match": "*" } }));
    assert.equal(again.response.status, 304, "the answer is kept now");
    assert.equal(again.statements, 0);
    const exportUrl = `${server.url}/export/network.graphml?author=name:heng%20ji&depth=1`;
    assert.equal((await fetch(exportUrl, { headers: { "if-none-match": "*" } })).status, 200);
    assert.equal((await fetch(exportUrl, { headers: { "if-none-match": "*" } })).status, 304);
    const missing = await fetch(`${server.url}/export/network.graphml?author=name:nobody%20at%20all&depth=1`, {
      headers: { "if-none-match": "*" },
    });
    assert.equal(missing.status, 404);
  });

  it("the same query again is answered from the response cache without a statement, by GET and by POST", async () => {
    const body = JSON.stringify({ query: TOP, variables: { id: "name:tong zhang" } });
    const post = () => fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body });
    const miss = await counted(post);
    const hit = await counted(post);
    assert.equal(hit.response.status, 200);
    assert.equal(hit.text, miss.text, "the same bytes");
    assert.equal(hit.statements, 0, "a cache hit sends nothing to Neo4j");
    assert.equal(hit.response.headers.get("cache-control"), "no-store", "POST answers are not for HTTP caches");
    assert.equal(hit.response.headers.get("etag"), null);

    const url = getUrl(server, { query: TOP_RESPELLED, variables: { id: "name:tong zhang" } });
    const get = await counted(() => fetch(url));
    assert.equal(get.statements, 0, "the GET of the same operation is the same cache entry");
    assert.deepEqual(JSON.parse(get.text), JSON.parse(miss.text));
    assert.ok(server.serving.cache!.stats().hits >= 2);
  });

  it("an error is neither cached nor given an ETag", async () => {
    const url = getUrl(server, { query: `{ author(id: "name:wei xiong") { coauthors(first: 1000) { totalCount } } }` });
    for (let i = 0; i < 2; i++) {
      const response = await fetch(url);
      assert.equal(response.status, 400);
      assert.equal(response.headers.get("etag"), null);
      assert.equal(response.headers.get("cache-control"), "no-store");
      assert.equal(((await response.json()) as Body).errors?.[0].extensions?.code, "BAD_USER_INPUT");
    }
  });

  it("an export is cached as a GET answer is: ETag from the version, 304 and kept files without a statement; errors are not", async () => {
    const url = `${server.url}/export/network.gexf?author=name:wei%20xiong&depth=1`;
    const first = await counted(() => fetch(url));
    assert.equal(first.response.status, 200);
    assert.ok(first.statements > 0, "the first request reads the graph");
    const etag = first.response.headers.get("etag");
    assert.ok(etag, "an ETag");
    assert.equal(first.response.headers.get("cache-control"), "public, max-age=30");
    assert.match(first.response.headers.get("access-control-expose-headers") ?? "", /ETag/);

    const again = await counted(() => fetch(url, { headers: { "if-none-match": etag } }));
    assert.equal(again.response.status, 304);
    assert.equal(again.text, "");
    assert.equal(again.statements, 0, "a 304 sends nothing to Neo4j");

    const kept = await counted(() => fetch(url));
    assert.equal(kept.response.status, 200);
    assert.equal(kept.text, first.text, "the same bytes");
    assert.equal(kept.statements, 0, "a kept file sends nothing to Neo4j");
    assert.equal(kept.response.headers.get("content-disposition"), first.response.headers.get("content-disposition"));
    assert.equal(kept.response.headers.get("content-type"), first.response.headers.get("content-type"));
    assert.equal(kept.response.headers.get("etag"), etag);

    // Another format, or other arguments, is another file with another tag.
    for (const other of [url.replace("network.gexf", "network.graphml"), `${url}&strength=NEWMAN`]) {
      const response = await fetch(other);
      assert.equal(response.status, 200, other);
      assert.notEqual(response.headers.get("etag"), etag, other);
      await response.arrayBuffer();
    }
    for (let i = 0; i < 2; i++) {
      const missing = await fetch(`${server.url}/export/network.gexf?author=name:nobody%20at%20all`);
      assert.equal(missing.status, 404);
      assert.equal(missing.headers.get("etag"), null);
      assert.equal(missing.headers.get("cache-control"), "no-store");
      await missing.arrayBuffer();
    }
  });

  it("a mutation is never run by GET", async () => {
    const response = await fetch(getUrl(server, { query: "mutation { __typename }" }));
    assert.equal(response.status, 405);
    assert.equal(response.headers.get("etag"), null);
    await response.arrayBuffer();
  });

  it("a new graph version changes the ETag, and the next request sees the new data", async () => {
    const url = getUrl(server, { query: `{ stats { papers snapshotId } }` });
    const exportUrl = `${server.url}/export/coauthors.csv?author=name:wei%20xiong`;
    const before = await fetch(url);
    const etag = before.headers.get("etag")!;
    const exportBefore = await fetch(exportUrl);
    const exportEtag = exportBefore.headers.get("etag")!;
    await exportBefore.arrayBuffer();
    const old = ((await before.json()) as Body).data.stats;
    // What an import does: data and a version bump in one transaction.
    await db.write(
      `MERGE (g:GraphVersion {key: "graph"}) SET g.counter = g.counter + 1 WITH g
       CREATE (:Paper {id: "test:version-bump", title: "A paper that arrived later", titleKey: "x|2030", year: 2030})`,
    );
    await server.serving.watch.poll();
    const after = await fetch(url, { headers: { "if-none-match": etag } });
    assert.equal(after.status, 200, "the old ETag no longer matches");
    assert.notEqual(after.headers.get("etag"), etag);
    const exportAfter = await fetch(exportUrl, { headers: { "if-none-match": exportEtag } });
    assert.equal(exportAfter.status, 200, "the export's old ETag no longer matches either");
    assert.notEqual(exportAfter.headers.get("etag"), exportEtag);
    await exportAfter.arrayBuffer();
    const fresh = ((await after.json()) as Body).data.stats;
    assert.equal(fresh.papers, old.papers + 1);
    assert.notEqual(fresh.snapshotId, old.snapshotId);
  });

  it("two servers on one Neo4j, sharing no connection and no message, give the same ETag, and the same new one after an import", async () => {
    const otherDb = await testDatabase();
    const other = await startHttpServer({ db: otherDb, config: servingConfig({ warmUp: false }), port: 0, host: "127.0.0.1" });
    try {
      const params = { query: TOP, variables: { id: "name:wei xiong" } };
      const etagOf = async (from: RunningHttpServer) => {
        const response = await fetch(getUrl(from, params));
        assert.equal(response.status, 200);
        await response.arrayBuffer();
        return response.headers.get("etag");
      };
      const first = await etagOf(server);
      assert.ok(first);
      assert.equal(await etagOf(other), first);
      await db.write(`MERGE (g:GraphVersion {key: "graph"}) SET g.counter = g.counter + 1`);
      // Each server polls the version on its own clock; here, once each.
      await server.serving.watch.poll();
      await other.serving.watch.poll();
      const next = await etagOf(server);
      assert.notEqual(next, first);
      assert.equal(await etagOf(other), next);
    } finally {
      await other.close();
      await otherDb.close();
    }
  });

  it("automatic persisted queries by GET: unknown hash, registration, then the hash alone (from cache)", async () => {
    const query = `query Coauthors($id: ID!) { author(id: $id) { coauthors(first: 3) { totalCount } } }`;
    const persistedQuery = { version: 1, sha256Hash: sha256(query) };
    const unknown = await fetch(getUrl(server, { extensions: { persistedQuery }, variables: { id: "name:wei xiong" } }));
    assert.equal(((await unknown.json()) as Body).errors?.[0].extensions?.code, "PERSISTED_QUERY_NOT_FOUND");

    const registered = await fetch(getUrl(server, { query, extensions: { persistedQuery }, variables: { id: "name:wei xiong" } }));
    assert.equal(registered.status, 200);
    const registeredBody = (await registered.json()) as Body;
    assert.equal(registeredBody.errors, undefined);

    const byHash = await counted(() => fetch(getUrl(server, { extensions: { persistedQuery }, variables: { id: "name:wei xiong" } })));
    assert.equal(byHash.response.status, 200);
    assert.deepEqual((JSON.parse(byHash.text) as Body).data, registeredBody.data);
    assert.equal(byHash.statements, 0, "the hash names the same cached answer");

    const mismatch = await fetch(getUrl(server, { query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256("other") } } }));
    assert.equal(mismatch.status, 400);
    assert.equal(((await mismatch.json()) as Body).errors?.[0].extensions?.code, "BAD_REQUEST");
  });

  it("a registration answered from the response cache registers its hash all the same", async () => {
    const variables = { id: "name:wei xiong" };
    assert.equal((await fetch(getUrl(server, { query: TOP, variables }))).status, 200);
    // Another spelling of the kept operation, sent with its hash by POST (as Apollo Client's link retries): a kept answer.
    const spelled = `${TOP}\n# registered while its answer is kept`;
    const persistedQuery = { version: 1, sha256Hash: sha256(spelled) };
    const registered = await counted(() =>
      fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: spelled, variables, extensions: { persistedQuery } }),
      }),
    );
    assert.equal(registered.response.status, 200);
    assert.equal(registered.statements, 0, "the registration was answered from the response cache");
    const byHash = await counted(() => fetch(getUrl(server, { extensions: { persistedQuery }, variables })));
    assert.equal(byHash.response.status, 200, byHash.text);
    assert.deepEqual(JSON.parse(byHash.text), JSON.parse(registered.text));
    assert.equal(byHash.statements, 0);

    // Answered 304 by a server that keeps no answers (or another process of the same build, or after an eviction):
    // registered all the same.
    const uncached = await startHttpServer({
      db,
      config: servingConfig({ warmUp: false, responseCacheBytes: 0 }),
      port: 0,
      host: "127.0.0.1",
    });
    try {
      const etag = registered.response.headers.get("etag") ?? (await fetch(getUrl(server, { query: TOP, variables }))).headers.get("etag");
      assert.ok(etag);
      const respelled = `${TOP}\n# registered by a request answered 304`;
      const again = { persistedQuery: { version: 1, sha256Hash: sha256(respelled) } };
      const notModified = await fetch(getUrl(uncached, { query: respelled, variables, extensions: again }), {
        headers: { "if-none-match": etag },
      });
      assert.equal(notModified.status, 304);
      const hashOnly = await fetch(getUrl(uncached, { extensions: again, variables }));
      assert.equal(hashOnly.status, 200, await hashOnly.clone().text());
      assert.deepEqual(((await hashOnly.json()) as Body).data, JSON.parse(registered.text).data);
    } finally {
      await uncached.close();
    }
  });

  it("trusted documents: `persisted build` writes the manifest; only its operations run, others are refused with a client code", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "coauthor-graph-documents-"));
    try {
      mkdirSync(path.join(dir, "panels"));
      writeFileSync(path.join(dir, "fragments.graphql"), "fragment AuthorBits on Author { id name paperCount }\n");
      writeFileSync(path.join(dir, "panels", "top.graphql"), `${TOP}\nquery Who($id: ID!) { author(id: $id) { ...AuthorBits } }\n`);
      writeFileSync(path.join(dir, "README.md"), "not a document");
      const manifestFile = path.join(dir, "manifest.json");
      await run(process.execPath, [CLI, "persisted", "build", dir, "-o", manifestFile]);
      const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as {
        format: string;
        operations: Array<{ id: string; name: string; type: string; body: string }>;
      };
      assert.equal(manifest.format, "apollo-persisted-query-manifest");
      assert.deepEqual(
        manifest.operations.map((o) => [o.name, o.type]),
        [
          ["Top", "query"],
          ["Who", "query"],
        ],
      );
      for (const o of manifest.operations) assert.equal(o.id, sha256(o.body));
      const who = manifest.operations.find((o) => o.name === "Who")!;
      assert.match(who.body, /fragment AuthorBits on Author/, "the fragment from the other file is in the body");

      // An invalid document fails the build, naming its file.
      writeFileSync(path.join(dir, "broken.graphql"), "query Broken { author(id: 1) { nope } }");
      const failed = await run(process.execPath, [CLI, "persisted", "build", dir]).then(
        () => undefined,
        (error: { code: number; stderr: string }) => error,
      );
      assert.equal(failed?.code, 1);
      assert.match(failed?.stderr ?? "", /broken\.graphql: operation Broken is not valid/);

      const trusted = await startHttpServer({
        db,
        config: servingConfig({ trustedDocuments: manifestFile, warmUp: false }),
        port: 0,
        host: "127.0.0.1",
      });
      try {
        const byHash = await fetch(
          getUrl(trusted, { extensions: { persistedQuery: { version: 1, sha256Hash: who.id } }, variables: { id: "name:wei xiong" } }),
        );
        assert.equal(((await byHash.json()) as Body).data.author.name, "Wei Xiong");
        const byText = await fetch(`${trusted.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: who.body, variables: { id: "name:tong zhang" } }),
        });
        assert.equal(((await byText.json()) as Body).data.author.name, "Tong Zhang");

        const refused = await counted(() => fetch(getUrl(trusted, { query: TOP_RESPELLED, variables: { id: "name:wei xiong" } })));
        assert.equal(refused.response.status, 400);
        assert.equal((JSON.parse(refused.text) as Body).errors?.[0].extensions?.code, "PERSISTED_QUERY_NOT_IN_LIST");
        assert.equal(refused.statements, 0);
        const unknown = await fetch(
          getUrl(trusted, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256("{ stats { papers } }") } } }),
        );
        assert.equal(((await unknown.json()) as Body).errors?.[0].extensions?.code, "PERSISTED_QUERY_NOT_FOUND");
        // Registering a new document by hash and text is refused too: the list is the manifest.
        const register = await fetch(
          getUrl(trusted, {
            query: "{ stats { papers } }",
            extensions: { persistedQuery: { version: 1, sha256Hash: sha256("{ stats { papers } }") } },
          }),
        );
        assert.equal(((await register.json()) as Body).errors?.[0].extensions?.code, "PERSISTED_QUERY_NOT_IN_LIST");
      } finally {
        await trusted.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
