import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { importFiles } from "../../../import/import-runner";
import { loadConfig, type Config } from "../../../src/config";
import type { Database } from "../../../src/db/database";
import { startHttpServer, type RunningHttpServer } from "../../../src/api/http";
import { COAUTHOR_LIST_EXPORT_COST, networkExportCost } from "../../../src/api/query-cost";
import { fromRoot } from "../../../src/util/project-root";
import { clearGraph, testDatabase } from "../../support/neo4j";

// A per-client budget of query cost per minute (COST_BUDGET_PER_MINUTE), against the real Neo4j over HTTP.

const SEED = fromRoot("test", "fixtures", "acl-author-page", "acl-author-page-wei-xiong.txt");
const QUERY = '{ author(id: "name:wei xiong") { name coauthors(first: 20) { edges { jointPapers node { name } } } } }';

interface Answer {
  status: number;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }>; extensions?: Record<string, any> };
  headers: Headers;
}

describe("per-client query-cost budget", { timeout: 120_000 }, () => {
  let db: Database;
  const servers: RunningHttpServer[] = [];

  const start = async (env: NodeJS.ProcessEnv): Promise<RunningHttpServer> => {
    const config: Config = loadConfig(env);
    const server = await startHttpServer({ db, config, port: 0, host: "127.0.0.1" });
    servers.push(server);
    return server;
  };

  const post = async (server: RunningHttpServer, headers: Record<string, string> = {}, query = QUERY): Promise<Answer> => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as Answer["body"], headers: response.headers };
  };

  before(async () => {
    db = await testDatabase();
    await clearGraph(db);
    await importFiles(db, [SEED]);
  });

  after(async () => {
    for (const server of servers) await server.close();
    await db?.close();
  });

  it("is off by default: no RateLimit fields, no extensions.cost, no refusal", async () => {
    const server = await start({});
    for (let i = 0; i < 5; i++) {
      const answer = await post(server);
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.get("ratelimit"), null);
      assert.equal(answer.body.extensions?.cost, undefined);
    }
  });

  it("charges each answer its cost, reports what is left (extensions.cost, RateLimit fields), then refuses with 429 RATE_LIMITED", async () => {
    const probe = await post(await start({ COST_BUDGET_PER_MINUTE: "100000" }));
    const cost = probe.body.extensions?.cost?.requested as number;
    assert.ok(cost > 1, `the query has a cost: ${JSON.stringify(probe.body.extensions)}`);
    // A budget of three such queries (and a bit).
    const server = await start({ COST_BUDGET_PER_MINUTE: String(3 * cost + 1) });
    const limit = 3 * cost + 1;
    let computed: Answer["body"] | undefined;
    for (let i = 1; i <= 3; i++) {
      const hits = server.serving.cache!.stats().hits;
      const answer = await post(server);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.ok(answer.body.data);
      // The second and third come from the response cache, and are charged as the first was (the budget counts what a
      // client asks for, whatever this process keeps): the same answer, with this request's report.
      assert.equal(server.serving.cache!.stats().hits, i === 1 ? hits : hits + 1, `answer ${i} from the cache: ${i > 1}`);
      computed ??= answer.body;
      assert.deepEqual(
        { ...answer.body, extensions: { ...answer.body.extensions, cost: undefined } },
        {
          ...computed,
          extensions: { ...computed.extensions, cost: undefined },
        },
      );
      // The bucket refills while the test runs (limit/60 points a second): what is left is at least the exact figure.
      const cost_ = answer.body.extensions?.cost as { requested: number; remaining: number; limit: number; windowSeconds: number };
      assert.deepEqual(
        { ...cost_, remaining: undefined, resetSeconds: undefined },
        { requested: cost, remaining: undefined, limit, windowSeconds: 60, resetSeconds: undefined },
      );
      assert.ok(cost_.remaining >= limit - i * cost && cost_.remaining < limit - i * cost + cost / 2, `remaining ${cost_.remaining}`);
      assert.equal(answer.headers.get("ratelimit-policy"), `cost;q=${limit};w=60`);
      assert.equal(
        answer.headers.get("ratelimit"),
        `cost;r=${cost_.remaining};t=${(answer.body.extensions?.cost as { resetSeconds: number }).resetSeconds}`,
      );
    }
    const refused = await post(server);
    assert.equal(refused.status, 429);
    assert.equal(refused.body.errors?.[0]?.extensions?.code, "RATE_LIMITED");
    assert.match(refused.body.errors[0].message, /retry after \d+ s/);
    const retryAfter = Number(refused.headers.get("retry-after"));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.match(refused.headers.get("ratelimit") ?? "", new RegExp(`^cost;r=\\d+;t=${retryAfter}$`));
    assert.equal(refused.body.data, undefined, "nothing ran");
    // A page of another origin can read them (CORS).
    assert.match(refused.headers.get("access-control-expose-headers") ?? "", /(?=.*\bRetry-After\b)(?=.*\bRateLimit\b)/);

    // Another API key is another client, with a budget of its own; the same key shares one.
    const keyed = await post(server, { "X-API-Key": "team-a" });
    assert.equal(keyed.status, 200);
    assert.equal(keyed.body.extensions?.cost?.remaining, limit - cost);
    assert.ok(((await post(server, { "X-API-Key": "team-a" })).body.extensions?.cost?.remaining as number) < limit - cost);
    // A GET answer carries its client's report, so no shared cache may keep it for others (without a budget: public).
    const viaGet = await fetch(`${server.url}/graphql?query=${encodeURIComponent(QUERY)}`, { headers: { "X-API-Key": "team-c" } });
    assert.equal(viaGet.status, 200);
    assert.match(viaGet.headers.get("cache-control") ?? "", /^private, max-age=\d+$/);
    assert.ok(viaGet.headers.get("etag"), "the client's own cache still revalidates it");
  });

  it("a query costing more than the whole budget is LIMIT_EXCEEDED (400): waiting would not help", async () => {
    const server = await start({ COST_BUDGET_PER_MINUTE: "5" });
    const answer = await post(server);
    assert.equal(answer.status, 400);
    assert.equal(answer.body.errors?.[0]?.extensions?.code, "LIMIT_EXCEEDED");
    assert.match(answer.body.errors[0].message, /more than this server's whole budget of 5 per minute/);
  });

  it("X-Forwarded-For names the client only behind a trusted proxy (TRUST_PROXY)", async () => {
    const probe = await post(await start({ COST_BUDGET_PER_MINUTE: "100000" }));
    const cost = probe.body.extensions?.cost?.requested as number;
    const budget = String(cost + 1);
    const direct = await start({ COST_BUDGET_PER_MINUTE: budget });
    assert.equal((await post(direct, { "X-Forwarded-For": "203.0.113.1" })).status, 200);
    // Not trusted: a forged header does not buy a new budget.
    assert.equal((await post(direct, { "X-Forwarded-For": "203.0.113.2" })).status, 429);

    const proxied = await start({ COST_BUDGET_PER_MINUTE: budget, TRUST_PROXY: "loopback" });
    assert.equal((await post(proxied, { "X-Forwarded-For": "203.0.113.1" })).status, 200);
    assert.equal((await post(proxied, { "X-Forwarded-For": "203.0.113.2" })).status, 200);
    assert.equal((await post(proxied, { "X-Forwarded-For": "203.0.113.1" })).status, 429);
  });

  it("charges an export what the same data costs through GraphQL, and refuses it as it would a query", async () => {
    const network = '{ coauthorNetwork(authorId: "name:wei xiong", maxNodes: 50) { nodes { author { name } } edges { source target } } }';
    const same = await post(await start({ COST_BUDGET_PER_MINUTE: "100000" }), {}, network);
    assert.equal(same.body.extensions?.cost?.requested, networkExportCost(50), "a network file costs its GraphQL twin");

    const limit = 2 * networkExportCost(50) + COAUTHOR_LIST_EXPORT_COST + 1;
    const server = await start({ COST_BUDGET_PER_MINUTE: String(limit) });
    const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}/export/${path}`, { headers });
    const gexf = await get("network.gexf?author=name:wei%20xiong&maxNodes=50");
    assert.equal(gexf.status, 200);
    const left = (response: Response) => Number(/^cost;r=(\d+);t=\d+$/.exec(response.headers.get("ratelimit") ?? "")?.[1]);
    assert.equal(gexf.headers.get("ratelimit-policy"), `cost;q=${limit};w=60`);
    assert.ok(left(gexf) >= limit - networkExportCost(50) && left(gexf) < limit - networkExportCost(50) + 10, `left ${left(gexf)}`);
    assert.match(gexf.headers.get("access-control-expose-headers") ?? "", /RateLimit/);
    assert.match(gexf.headers.get("cache-control") ?? "", /^private, max-age=\d+$/, "its RateLimit fields are this client's");
    // A revalidation answered 304 reads nothing and costs nothing.
    const revalidated = await get("network.gexf?author=name:wei%20xiong&maxNodes=50", { "if-none-match": gexf.headers.get("etag")! });
    assert.equal(revalidated.status, 304);
    assert.equal(revalidated.headers.get("ratelimit"), null, "not charged");
    const csv = await get("coauthors.csv?author=name:wei%20xiong");
    assert.equal(csv.status, 200);
    assert.ok(left(csv) < limit - networkExportCost(50) - COAUTHOR_LIST_EXPORT_COST + 10, `left ${left(csv)}`);
    // The same file again comes from the response cache, and is charged as a file made now would be.
    const hits = server.serving.cache!.stats().hits;
    const again = await get("network.gexf?author=name:wei%20xiong&maxNodes=50");
    assert.equal(again.status, 200);
    assert.equal(server.serving.cache!.stats().hits, hits + 1, "a kept file");
    assert.equal(await again.text(), await gexf.text());
    assert.ok(left(again) < left(csv) - networkExportCost(50) + 10, `left ${left(again)}`);
    const refused = await get("network.cyjs?author=name:wei%20xiong&maxNodes=50");
    assert.equal(refused.status, 429);
    const error = (await refused.json()) as Answer["body"];
    assert.equal(error.errors?.[0]?.extensions?.code, "RATE_LIMITED");
    assert.match(error.errors[0].message, /The export would cost 200 .* retry after \d+ s/);
    const retryAfter = Number(refused.headers.get("retry-after"));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.equal(refused.headers.get("cache-control"), "no-store");
    assert.match(refused.headers.get("access-control-expose-headers") ?? "", /\bRetry-After\b/);
    // A kept file does not get round an empty budget either.
    assert.equal((await get("network.gexf?author=name:wei%20xiong&maxNodes=50")).status, 429);
    // Another API key is another client.
    assert.equal((await get("network.cyjs?author=name:wei%20xiong&maxNodes=50", { "X-API-Key": "team-b" })).status, 200);

    // Arguments that can never succeed are refused as such (400), and charge nothing.
    const fresh = await start({ COST_BUDGET_PER_MINUTE: String(COAUTHOR_LIST_EXPORT_COST + 10) });
    for (const bad of [
      "network.gexf?author=name:wei%20xiong&depth=9",
      "network.gexf?depth=2",
      "coauthors.csv?author=name:wei%20xiong&strength=BOGUS",
    ]) {
      const refusedArgs = await fetch(`${fresh.url}/export/${bad}`);
      assert.equal(refusedArgs.status, 400, bad);
      assert.equal(((await refusedArgs.json()) as Answer["body"]).errors?.[0]?.extensions?.code, "BAD_USER_INPUT", bad);
    }
    assert.equal((await fetch(`${fresh.url}/export/coauthors.csv?author=name:wei%20xiong`)).status, 200, "the budget is whole");

    const small = await start({ COST_BUDGET_PER_MINUTE: "5" });
    const tooCostly = await fetch(`${small.url}/export/network.gexf?author=name:wei%20xiong&maxNodes=50`);
    assert.equal(tooCostly.status, 413);
    const body = (await tooCostly.json()) as Answer["body"];
    assert.equal(body.errors?.[0]?.extensions?.code, "LIMIT_EXCEEDED");
    assert.match(
      body.errors[0].message,
      /more than this server's whole budget of 5 per minute per client; ask for a smaller network \(maxNodes\)/,
    );
  });

  it("a request that is not measured (a syntax error) is not charged but says what is left", async () => {
    const server = await start({ COST_BUDGET_PER_MINUTE: "1000" });
    const answer = await post(server, {}, "{ author(");
    assert.equal(answer.status, 400);
    assert.equal(answer.headers.get("ratelimit"), "cost;r=1000;t=0");
    // Nor is an operation the document does not hold (it would have been measured as the document's first).
    const network = 'coauthorNetwork(authorId: "name:wei xiong", maxNodes: 200) { nodes { author { name } } }';
    const two = `query A { ${network} } query B { __typename }`;
    for (const body of [{ query: two, operationName: "Nope" }, { query: two }]) {
      const response = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      assert.equal(response.status, 400, JSON.stringify(body));
      const refused = (await response.json()) as Answer["body"];
      assert.match(refused.errors?.[0]?.message ?? "", /Unknown operation named "Nope"|Must provide operation name/);
      assert.equal(refused.extensions?.cost, undefined);
      assert.equal(response.headers.get("ratelimit"), "cost;r=1000;t=0");
    }
  });
});
