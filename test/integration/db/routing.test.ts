import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { after, before, describe, it } from "node:test";
import neo4j, { type BookmarkManager, type Driver } from "neo4j-driver";
import { importFiles } from "../../../import/import-runner";
import { startHttpServer, type RunningHttpServer } from "../../../src/api/http";
import { loadConfig } from "../../../src/config";
import { Database, type Neo4jTarget, type StatementEvent } from "../../../src/db/database";
import { bumpGraphVersion, readGraphVersion } from "../../../src/db/graph-version";
import { fromRoot } from "../../../src/util/project-root";
import { clearGraph, testDatabase, testNeo4jTarget } from "../../support/neo4j";
import { serveEnv, startServe, type ServeProcess } from "../../support/serve-process";

// Past one machine: the API and the importer against a routing URI (neo4j://), which a cluster answers with a routing
// table (writers, readers, routers). Neo4j 5.26 Community answers routing-table requests on a single server too (every
// role is itself), so the routing driver, READ/WRITE access modes and bookmarks run here for real. What one server
// cannot show is a member that lags; the last test stands one in: a read whose bookmark names a transaction the server
// has not committed yet waits for it, as a follower behind the leader does.

const runFile = promisify(execFile);
const CLI = fromRoot("dist", "src", "cli", "main.js");
const SEED = fromRoot("test", "fixtures", "acl-author-page", "acl-author-page-wei-xiong.txt");
const BIBTEX = fromRoot("test", "fixtures", "bibtex", "nlp-project-anthology.bib");
const POLL_MS = 100;

/** The test Neo4j under the routing scheme (bolt://h:p → neo4j://h:p; a routing URI is kept as it is). */
function routingTarget(): Neo4jTarget {
  const target = testNeo4jTarget();
  return { ...target, uri: target.uri.replace(/^bolt(\+s|\+ssc)?:\/\//, "neo4j$1://") };
}

/** A bookmark manager that records the bookmarks each session began with. */
function recordingBookmarks(): { manager: BookmarkManager; begun: string[][] } {
  const inner = neo4j.bookmarkManager();
  const begun: string[][] = [];
  const manager = {
    updateBookmarks: (previous: Iterable<string>, next: Iterable<string>) => inner.updateBookmarks(previous, next),
    getBookmarks: async () => {
      const bookmarks = [...(await inner.getBookmarks())];
      begun.push(bookmarks);
      return bookmarks;
    },
  } as BookmarkManager;
  return { manager, begun };
}

/** A write clause (or schema DDL): what makes a transaction one for the leader. */
const WRITES = /\b(CREATE|MERGE|SET|DELETE|REMOVE|DROP)\b/;

/** Statements grouped by transaction, with the access mode each was sent in. */
function transactionsOf(events: StatementEvent[]): Map<number, { mode: string; statements: string[] }> {
  const byTx = new Map<number, { mode: string; statements: string[] }>();
  for (const event of events) {
    const tx = byTx.get(event.transaction) ?? { mode: event.mode, statements: [] };
    assert.equal(tx.mode, event.mode, "one transaction, one access mode");
    tx.statements.push(event.cypher);
    byTx.set(event.transaction, tx);
  }
  return byTx;
}

const gql = async (url: string, query: string) => {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown; extensions?: { snapshotId?: string } };
  assert.equal(response.status, 200, JSON.stringify(body));
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body;
};

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("the API and the importer through a routing URI (neo4j://)", { timeout: 300_000 }, () => {
  let setup: Database;
  let db: Database;
  let begun: string[][];
  let server: RunningHttpServer;
  let dba: Driver;

  before(async () => {
    setup = await testDatabase(); // applies the schema, through the bolt URI
    await clearGraph(setup);
    const recording = recordingBookmarks();
    begun = recording.begun;
    db = await Database.connect(routingTarget(), 60_000, { bookmarkManager: recording.manager });
    const target = testNeo4jTarget();
    dba = neo4j.driver(routingTarget().uri, neo4j.auth.basic(target.user, target.password), {
      logging: { level: "error", logger: () => undefined },
    });
  });

  after(async () => {
    await server?.close();
    await db?.close();
    await setup?.close();
    await dba?.close();
  });

  it("answers with a routing table, and the import writes in WRITE transactions and reads in READ ones", async () => {
    const table = await dba.executeQuery(
      "CALL dbms.routing.getRoutingTable({}, $db)",
      { db: routingTarget().database },
      { database: "system" },
    );
    const roles = (table.records[0].get("servers") as { role: string }[]).map((s) => s.role).sort();
    assert.deepEqual(roles, ["READ", "ROUTE", "WRITE"]);

    const events: StatementEvent[] = [];
    const stop = db.observe((event) => events.push(event));
    const summary = await importFiles(db, [SEED], { batchSize: 5 });
    stop();
    assert.ok(summary.ok && summary.files[0].writes.papersCreated > 0, JSON.stringify(summary.files[0]));
    const transactions = [...transactionsOf(events).values()];
    const reads = transactions.filter((t) => t.mode === "READ");
    const writes = transactions.filter((t) => t.mode === "WRITE");
    assert.ok(reads.length > 0 && writes.length > 0, `${reads.length} read and ${writes.length} write transactions`);
    // A write in a READ transaction is refused by Neo4j itself (the next test); a WRITE transaction that only reads
    // would load the leader with what a follower can answer.
    for (const t of writes)
      assert.match(t.statements.join("\n"), WRITES, `a WRITE transaction that writes nothing:\n${t.statements.join("\n")}`);
    for (const t of reads)
      assert.doesNotMatch(t.statements.join("\n"), WRITES, `a READ transaction that writes:\n${t.statements.join("\n")}`);
  });

  it("refuses a write sent as a read (so no misfiled write survives the tests)", async () => {
    await assert.rejects(db.read("MERGE (:RoutingProbe {id: 1})"), (error: Error) => {
      assert.match(String((error.cause as { code?: string })?.code), /AccessMode/);
      return true;
    });
  });

  it("serves over HTTP from READ transactions only, each begun with the bookmarks of what the process saw before", async () => {
    const base = loadConfig({});
    server = await startHttpServer({
      db,
      config: { ...base, production: true, serving: { ...base.serving, graphVersionPollMs: POLL_MS, warmUp: false } },
      port: 0,
      host: "127.0.0.1",
    });
    const events: StatementEvent[] = [];
    const stop = db.observe((event) => events.push(event));
    const bookmarks = await db.bookmarks();
    assert.equal(bookmarks.length, 1, "the import's last transaction left one bookmark");
    const sessionsBefore = begun.length;
    const answer = await gql(
      server.url,
      '{ author(id: "name:wei xiong") { name coauthors(first: 3) { totalCount edges { node { name } } } } stats { papers snapshotId } }',
    );
    stop();
    assert.equal(answer.data.author.name, "Wei Xiong");
    assert.ok(answer.data.author.coauthors.totalCount > 0);
    assert.ok(answer.data.stats.papers > 0);
    assert.equal(answer.extensions?.snapshotId, answer.data.stats.snapshotId);
    assert.ok(events.length > 0);
    assert.deepEqual(new Set(events.map((e) => e.mode)), new Set(["READ"]), "the API only reads");
    const requestSessions = begun.slice(sessionsBefore);
    assert.ok(requestSessions.length > 0);
    // Every session after the import began at least at the import's last bookmark (on one server a read returns the
    // newest committed transaction's bookmark, so with no writer in between it is that very bookmark).
    for (const carried of requestSessions) assert.deepEqual(carried, bookmarks);
  });

  it("a read right after an import by another process (the CLI, neo4j://) sees it, and the process's bookmark moves to it", async () => {
    const watch = server.serving.watch;
    const before = watch.current()!.snapshotId;
    const old = (await gql(server.url, "{ stats { papers snapshotId } }")).data.stats;
    await runFile(process.execPath, [CLI, "import", "--batch-size", "5", BIBTEX], { env: serveEnv({ NEO4J_URI: routingTarget().uri }) });
    // The bookmark of the newest committed transaction, as any client reading now gets it: the import's last.
    const session = dba.session({ database: routingTarget().database, defaultAccessMode: neo4j.session.READ });
    await session.executeRead((tx) => tx.run("RETURN 1"));
    const importBookmark = session.lastBookmarks();
    await session.close();

    await waitFor("the new version", () => watch.announcedSnapshot()?.snapshotId !== before);
    // The version poll read the import's version; its bookmark is now what this process's next transaction begins with.
    await waitFor("the import's bookmark", async () => JSON.stringify(await db.bookmarks()) === JSON.stringify(importBookmark), 5_000);
    const sessionsBefore = begun.length;
    const fresh = (await gql(server.url, "{ stats { papers snapshotId } }")).data.stats;
    assert.ok(fresh.papers > old.papers, `${fresh.papers} papers now, ${old.papers} before`);
    assert.equal(fresh.snapshotId, watch.current()!.snapshotId);
    for (const carried of begun.slice(sessionsBefore)) assert.deepEqual(carried, importBookmark);
  });

  it("the real `serve`, given NEO4J_URI=neo4j://, answers over HTTP", async () => {
    let serve: ServeProcess | undefined;
    try {
      serve = await startServe(serveEnv({ NEO4J_URI: routingTarget().uri, WARM_UP: "false" }));
      const answer = await gql(serve.url, '{ author(id: "name:wei xiong") { name paperCount } stats { papers } }');
      assert.equal(answer.data.author.name, "Wei Xiong");
      assert.ok(answer.data.stats.papers > 0);
    } finally {
      await serve?.stop();
    }
  });

  it("a read whose bookmark names a transaction the server has not applied waits for it, then sees it (a lagging member)", async () => {
    // A member behind the leader is what bookmarks guard against; one server has none, so this stands one in: a process
    // that holds a bookmark one transaction ahead of the server (as an API holds after reading a new version on an
    // up-to-date member) reads; the server holds that read until the next write commits, as a follower holds it until
    // it has applied the transaction, and the read then sees that write.
    const session = dba.session({ database: routingTarget().database, defaultAccessMode: neo4j.session.READ });
    await session.executeRead((tx) => tx.run("RETURN 1"));
    const [current] = session.lastBookmarks();
    await session.close();
    const ahead = bookmarkAhead(current, 1);
    const behind = await Database.connect(routingTarget(), 60_000, {
      bookmarkManager: neo4j.bookmarkManager({ initialBookmarks: [ahead] }),
    });
    const writer = await Database.connect(testNeo4jTarget(), 60_000);
    try {
      const version = await readGraphVersion(writer);
      let readDoneAt = 0;
      const reading = readGraphVersion(behind).then((v) => {
        readDoneAt = Date.now();
        return v;
      });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      assert.equal(readDoneAt, 0, "the read waits for the transaction its bookmark names");
      const bump = bumpGraphVersion();
      const writeStartedAt = Date.now();
      await writer.write(bump.cypher, bump.params);
      const seen = await reading;
      assert.ok(readDoneAt >= writeStartedAt, `read done ${writeStartedAt - readDoneAt} ms before the write began`);
      assert.equal(seen.counter, version.counter + 1, "and it sees that transaction");
    } finally {
      await behind.close();
      await writer.close();
    }
  });
});

/**
 * The bookmark `steps` transactions after `bookmark`. Bookmarks are opaque to clients; this reads Neo4j 5's encoding
 * ("FB:" + base64 of PackStream: a list of [database UUID as 16 bytes, transaction id] and an empty list of external
 * states), for this test only, which fails here with a clear message if a Neo4j version encodes them otherwise.
 */
function bookmarkAhead(bookmark: string, steps: number): string {
  const bytes = Buffer.from(bookmark.replace(/^FB:/, ""), "base64");
  const shape = `unexpected bookmark encoding ${bookmark} (${bytes.toString("hex")})`;
  assert.ok(bookmark.startsWith("FB:") && bytes[0] === 0x91 && bytes[1] === 0xcc && bytes[2] === 0x10, shape);
  const marker = bytes[19];
  let tx: number;
  let end: number;
  if (marker < 0x80) [tx, end] = [marker, 20];
  else if (marker === 0xc8) [tx, end] = [bytes.readInt8(20), 21];
  else if (marker === 0xc9) [tx, end] = [bytes.readInt16BE(20), 22];
  else if (marker === 0xca) [tx, end] = [bytes.readInt32BE(20), 24];
  else if (marker === 0xcb) [tx, end] = [Number(bytes.readBigInt64BE(20)), 28];
  else throw new assert.AssertionError({ message: shape });
  assert.equal(bytes[end], 0x90, shape);
  const next = Buffer.alloc(9);
  next[0] = 0xcb;
  next.writeBigInt64BE(BigInt(tx + steps), 1);
  return `FB:${Buffer.concat([bytes.subarray(0, 19), next, Buffer.from([0x90])]).toString("base64")}`;
}
