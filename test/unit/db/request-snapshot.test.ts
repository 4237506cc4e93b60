import assert from "node:assert/strict";
import { test } from "node:test";
import type { GraphVersion } from "../../../src/db/graph-version";
import { RequestSnapshot } from "../../../src/db/request-snapshot";

// The ride-along protocol between a request's snapshot and its read transactions (Database.transaction drives it);
// the real-Neo4j side is test/integration/api/request-snapshot.test.ts. Here: the paths a transaction failure takes.

const VERSION: GraphVersion = { epoch: "e", counter: 3, changedAt: null, snapshotId: "e-3" };

/** Runs `body` and fails if a promise rejection went unhandled meanwhile (which would stop a server process). */
async function withoutUnhandledRejections(body: () => Promise<void>): Promise<void> {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on("unhandledRejection", onUnhandled);
  try {
    await body();
    await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    process.off("unhandledRejection", onUnhandled);
  }
  assert.deepEqual(unhandled, []);
}

test("a ride whose transaction fails falls back to reading alone; a failure there reaches whoever asks, and only them", async () => {
  await withoutUnhandledRejections(async () => {
    let alone = 0;
    const snapshot = new RequestSnapshot(() => {
      alone += 1;
      return Promise.reject(new Error("deadline passed"));
    });
    snapshot.wantAlong();
    assert.ok(snapshot.board(), "the first read transaction takes the version along");
    assert.equal(snapshot.board(), undefined, "only once");
    snapshot.missed();
    await assert.rejects(snapshot.get(), /deadline passed/);
    assert.equal(alone, 1);
  });
});

test("a failed ride nobody asks about is not an unhandled rejection", async () => {
  await withoutUnhandledRejections(async () => {
    const snapshot = new RequestSnapshot(() => Promise.reject(new Error("Neo4j is gone")));
    snapshot.wantAlong();
    snapshot.board();
    snapshot.missed();
  });
});

test("a ride that lands gives the version without a read of its own; asked before any read, it is read alone once", async () => {
  let alone = 0;
  const readAlone = () => {
    alone += 1;
    return Promise.resolve(VERSION);
  };
  const riding = new RequestSnapshot(readAlone);
  riding.wantAlong();
  riding.board();
  const asked = riding.get();
  riding.landed([]);
  assert.equal((await asked).snapshotId, "0-0", "no row: the graph has no version node yet");
  assert.equal(alone, 0);

  const first = new RequestSnapshot(readAlone);
  first.wantAlong();
  assert.equal((await first.get()).snapshotId, "e-3");
  assert.equal(first.board(), undefined, "already read: nothing rides");
  assert.equal((await first.get()).snapshotId, "e-3");
  assert.equal(alone, 1);
});
