import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { importFiles } from "../../../import/import-runner";
import type { StatementEvent } from "../../../src/db/database";
import { READ_GRAPH_VERSION } from "../../../src/db/graph-version";
import { fromRoot } from "../../../src/util/project-root";
import { startTestServer, useSeededHttpServer } from "../../support/http-fixture";

// extensions.snapshotId costs no transaction of its own: the graph version rides along in the request's first read
// transaction, and is read alone only when nothing else reads (or a resolver needs it first). Over real HTTP, against
// the real Neo4j; statements and their transactions are seen through the Database's hook.

const SEED = fromRoot("test", "fixtures", "acl-author-page", "acl-author-page-wei-xiong.txt");

interface Body {
  data?: any;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  extensions?: { snapshotId?: string };
}

describe("the answer's snapshot id rides along with the first read", { timeout: 180_000 }, () => {
  // No version poll and no response cache during the test: every statement seen is the request's own.
  const fixture = useSeededHttpServer([SEED], (base) => ({
    ...base,
    serving: { ...base.serving, graphVersionPollMs: 60_000, responseCacheBytes: 0, warmUp: false },
  }));

  /** Posts a named operation and returns its answer with the statements it sent (operation `api:<name>`). */
  async function ask(name: string, query: string, variables: Record<string, unknown> = {}) {
    const sent: StatementEvent[] = [];
    const stop = fixture.db.observe((event) => {
      if (event.metadata.operation === `api:${name}`) sent.push(event);
    });
    try {
      const response = await fetch(`${fixture.server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables, operationName: name }),
      });
      const body = (await response.json()) as Body;
      return { status: response.status, body, sent, transactions: new Set(sent.map((s) => s.transaction)).size };
    } finally {
      stop();
    }
  }

  const versionReads = (sent: StatementEvent[]) => sent.filter((s) => s.cypher === READ_GRAPH_VERSION);

  it("an author lookup is one transaction: the version read and the lookup together", async () => {
    const { body, sent, transactions } = await ask("Lookup", 'query Lookup { author(id: "name:wei xiong") { id name } }');
    assert.equal(body.data.author.name, "Wei Xiong");
    assert.match(body.extensions?.snapshotId ?? "", /^[0-9a-z]+-\d+$/);
    assert.equal(versionReads(sent).length, 1, JSON.stringify(sent.map((s) => s.cypher.slice(0, 60))));
    assert.equal(sent.length, 2);
    assert.equal(transactions, 1, "the version did not ride along: it took a transaction of its own");
  });

  it("a coauthor page with nested fields reads the version once, in the first of its transactions", async () => {
    const { body, sent } = await ask(
      "Page",
      'query Page { author(id: "name:wei xiong") { coauthors(first: 3) { edges { node { name papers(first: 1) { totalCount } } } } } }',
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.equal(versionReads(sent).length, 1);
    const first = sent[0].transaction;
    assert.ok(
      sent.filter((s) => s.transaction === first).some((s) => s.cypher === READ_GRAPH_VERSION),
      "the version read is in the request's first transaction",
    );
  });

  it("a request that reads nothing reads the version alone; stats that need it first share that one read", async () => {
    const typename = await ask("Bare", "query Bare { __typename }");
    assert.equal(typename.body.data.__typename, "Query");
    assert.equal(versionReads(typename.sent).length, 1);
    assert.equal(typename.sent.length, 1);

    const stats = await ask("Stats", "query Stats { stats { snapshotId authors } }");
    assert.equal(stats.body.data.stats.snapshotId, stats.body.extensions?.snapshotId);
    assert.equal(stats.body.extensions?.snapshotId, typename.body.extensions?.snapshotId);
    assert.equal(versionReads(stats.sent).length, 1, "read once for the field and the answer");
  });

  it("an import between two requests changes the id the next answer carries", async () => {
    const before = await ask("Lookup", 'query Lookup { author(id: "name:wei xiong") { id } }');
    await importFiles(fixture.db, [fromRoot("test", "fixtures", "bibtex", "nlp-project-anthology.bib")]);
    const afterImport = await ask("Lookup", 'query Lookup { author(id: "name:wei xiong") { id } }');
    assert.notEqual(afterImport.body.extensions?.snapshotId, before.body.extensions?.snapshotId);
  });

  it("a request whose first read fails still answers, without hanging on the version", async () => {
    // A 1 ms deadline: the read is refused or cut; the answer must come back with the error, not wait for a ride.
    const tight = await startTestServer(fixture.db, (base) => ({
      ...base,
      http: { ...base.http, requestDeadlineMs: 1 },
      serving: { ...base.serving, responseCacheBytes: 0, warmUp: false },
    }));
    try {
      const started = Date.now();
      const response = await fetch(`${tight.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: '{ author(id: "name:wei xiong") { id coauthors(first: 5) { totalCount } } }' }),
      });
      const body = (await response.json()) as Body;
      assert.equal(body.errors?.[0]?.extensions?.code, "LIMIT_EXCEEDED", JSON.stringify(body));
      assert.ok(Date.now() - started < 10_000, `answered after ${Date.now() - started} ms`);
    } finally {
      await tight.close();
    }
  });
});
