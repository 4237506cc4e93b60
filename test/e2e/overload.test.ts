import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fromRoot } from "../../src/util/project-root";
import { startTestServer, useSeededHttpServer } from "../support/http-fixture";

// A burst beyond the concurrency limit is refused at once with 503, Retry-After and OVERLOADED; the rest is answered.

const SEED = fromRoot("test", "fixtures", "acl-author-page", "acl-author-page-wei-xiong.txt");
const QUERY = JSON.stringify({
  query:
    '{ author(id: "name:wei xiong") { coauthors(first: 20) { edges { jointPapers node { name papers(first: 5) { totalCount } } } } } }',
});

interface Outcome {
  status: number;
  ms: number;
  code?: string;
  retryAfter: string | null;
}

describe("overload", { timeout: 120_000 }, () => {
  const fixture = useSeededHttpServer([SEED], (base) => ({ ...base, http: { ...base.http, maxInFlight: 2, maxQueued: 2 } }));

  const post = async (): Promise<Outcome> => {
    const started = Date.now();
    const response = await fetch(`${fixture.server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: QUERY,
    });
    const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    return {
      status: response.status,
      ms: Date.now() - started,
      code: body.errors?.[0]?.extensions?.code,
      retryAfter: response.headers.get("retry-after"),
    };
  };

  it("a burst of 60 with 2 running and 2 queued: the excess is OVERLOADED (503, Retry-After) at once, the rest succeeds", async (t) => {
    const outcomes = await Promise.all(Array.from({ length: 60 }, () => post()));
    const refused = outcomes.filter((o) => o.status === 503);
    const answered = outcomes.filter((o) => o.status === 200);
    t.diagnostic(`${answered.length} answered, ${refused.length} refused; slowest refusal ${Math.max(...refused.map((o) => o.ms))} ms`);
    assert.equal(
      refused.length + answered.length,
      outcomes.length,
      JSON.stringify(outcomes.filter((o) => o.status !== 200 && o.status !== 503)),
    );
    assert.ok(refused.length > 0, "the burst went beyond the limit");
    assert.ok(answered.length >= 2, `the running were answered: ${JSON.stringify(outcomes)}`);
    for (const o of refused) {
      assert.equal(o.code, "OVERLOADED");
      assert.equal(o.retryAfter, "2");
    }
    for (const o of answered) assert.equal(o.code, undefined);
    // And the server is fine afterwards.
    assert.equal((await post()).status, 200);
  });

  it("exports have a limit of their own: a burst of them is OVERLOADED beyond it, GraphQL beside it is not starved, a kept export takes no slot", async (t) => {
    const exportUrl = `${fixture.server.url}/export/network.gexf?author=name:wei%20xiong&depth=2`;
    const get = async (): Promise<Outcome> => {
      const started = Date.now();
      const response = await fetch(exportUrl);
      const text = await response.text();
      const code =
        response.status === 200
          ? undefined
          : (JSON.parse(text) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code;
      return { status: response.status, ms: Date.now() - started, code, retryAfter: response.headers.get("retry-after") };
    };
    // Each export of the burst is a miss (none is kept before the first one ends), so each needs a slot: with GraphQL's
    // 2 running and 2 waiting, the exports get 1 and 1 (a quarter, at least one).
    const exports = Promise.all(Array.from({ length: 30 }, () => get()));
    // GraphQL's own two slots stay free for it, whatever the exports do.
    const queries = Promise.all([post(), post()]);
    const [fromExports, fromQueries] = await Promise.all([exports, queries]);
    const refused = fromExports.filter((o) => o.status === 503);
    t.diagnostic(
      `exports: ${fromExports.length - refused.length} answered, ${refused.length} refused; queries: ${fromQueries.map((o) => o.status).join(", ")}`,
    );
    assert.deepEqual(
      fromQueries.map((o) => o.status),
      [200, 200],
      "GraphQL beside a burst of exports",
    );
    assert.equal(refused.length + fromExports.filter((o) => o.status === 200).length, fromExports.length, JSON.stringify(fromExports));
    assert.ok(refused.length > 0, "exports are held to their limit");
    assert.ok(refused.length < fromExports.length, "and answered within it");
    for (const o of refused) {
      assert.equal(o.code, "OVERLOADED");
      assert.equal(o.retryAfter, "2");
    }
    // Now kept: a burst of the same export is answered from memory, and no slot is taken, so none is refused.
    const again = await Promise.all(Array.from({ length: 30 }, () => get()));
    assert.deepEqual(
      again.map((o) => o.status),
      again.map(() => 200),
    );
  });

  it("running out of time on a calm server is LIMIT_EXCEEDED naming the clock (the busy case: test/unit/api/overload.test.ts)", async () => {
    // A 1 ms deadline: every request runs out of time; one at a time, nobody waits for a slot.
    const tight = await startTestServer(fixture.db, (base) => ({ ...base, http: { ...base.http, maxInFlight: 1, requestDeadlineMs: 1 } }));
    try {
      for (let i = 0; i < 3; i += 1) {
        const response = await fetch(`${tight.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: QUERY,
        });
        const body = (await response.json()) as { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
        assert.equal(response.status, 200, JSON.stringify(body));
        assert.equal(body.errors?.[0]?.extensions?.code, "LIMIT_EXCEEDED");
        assert.equal(body.errors?.[0]?.extensions?.limit, "REQUEST_DEADLINE_MS");
        assert.match(body.errors?.[0]?.message ?? "", /narrow it/);
      }
    } finally {
      await tight.close();
    }
  });
});
