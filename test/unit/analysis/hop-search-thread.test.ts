import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, it } from "node:test";
import { HopSearchThread, SEARCH_THREAD_MIN_TIES } from "../../../src/analysis/hop-search-thread";
import { hopSearches, SEARCH_CHUNKS, type HopSearches } from "../../../src/analysis/hop-searches";
import { brokerage, type Brokerage } from "../../../src/analysis/brokerage";
import { csrFromEdges } from "../../../src/kernel/csr";
import { randomGraph } from "../../support/random-graph";

/*
 * The analysis' searches in the worker thread against the same searches in this thread: the same bits, several jobs
 * at once each answered with its own, a thread that cannot start answered here instead, and a process that ends by
 * itself once its searches are done (the thread keeps it alive only while one is under way).
 */
const SRC = path.join(__dirname, "..", "..", "..", "src", "analysis");

function assertSameBits(a: HopSearches, b: HopSearches, label: string): void {
  assert.deepEqual(Array.from(a.dependencySums), Array.from(b.dependencySums), `${label}: dependency sums`);
  assert.deepEqual(Array.from(a.reach.reached), Array.from(b.reach.reached), `${label}: reached`);
  assert.deepEqual(Array.from(a.reach.distanceSums), Array.from(b.reach.distanceSums), `${label}: distance sums`);
}

function assertSameBrokerage(a: Brokerage, b: Brokerage, label: string): void {
  assert.deepEqual(Array.from(a.clustering), Array.from(b.clustering), `${label}: clustering`);
  assert.deepEqual(Array.from(a.constraint), Array.from(b.constraint), `${label}: constraint`);
  assert.deepEqual(Array.from(a.effectiveSize), Array.from(b.effectiveSize), `${label}: effective size`);
}

describe("the analysis' search thread", { timeout: 120_000 }, () => {
  const graphs = [11, 12, 13].map((seed) => csrFromEdges(700, randomGraph(seed, 700, 3 * SEARCH_THREAD_MIN_TIES)));

  it("gives the bits of the searches made in this thread, for several jobs at once", async () => {
    const thread = new HopSearchThread();
    try {
      const here = await Promise.all(graphs.map((g) => hopSearches(g)));
      // Finished at once, this thread takes most chunks; finished after a wait, the worker has taken them all.
      const underWay = graphs.map((g) => thread.start(g));
      const soon = await Promise.all(underWay.map((s) => s.finish()));
      graphs.forEach((_g, i) => assertSameBits(soon[i], here[i], `graph ${i}, finished at once`));
      for (const [i, s] of underWay.entries()) assertSameBrokerage(await s.brokerage(), brokerage(graphs[i]), `graph ${i}`);
      const late = thread.start(graphs[0]);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      assertSameBits(await late.finish(), here[0], "finished after the thread");
      assertSameBrokerage(await late.brokerage(), brokerage(graphs[0]), "brokerage from the thread");
      assert.deepEqual(late.shares, { thread: SEARCH_CHUNKS, here: 0, brokerage: "thread" });
      assert.ok(
        graphs.some((g) => brokerage(g).constraint.some((x) => x > 0)),
        "the measures are not all zero",
      );
      assert.ok(underWay.every((s) => s.shares.thread + s.shares.here === SEARCH_CHUNKS));
      assert.ok(
        underWay.some((s) => s.shares.here > 0),
        "this thread helped",
      );
      const there = soon;
      assert.ok(
        here[0].dependencySums.some((x) => x > 0),
        "the graph has authors on shortest paths",
      );
      assert.notDeepEqual(Array.from(there[0].dependencySums), Array.from(there[1].dependencySums), "each job got its own answer");
      assert.equal(thread.fallbacks, 0);
    } finally {
      await thread.close();
    }
  });

  it("answers a request whose chunks this thread searched without waiting for the thread to reach it", async () => {
    const thread = new HopSearchThread();
    try {
      // The thread is busy with a big network's chunks (seconds); a second network's request searches all its own
      // chunks here meanwhile and must be answered at once, not after the thread has finished the first network.
      const big = csrFromEdges(6000, randomGraph(21, 6000, 40_000));
      const first = thread.start(big);
      await new Promise((resolve) => setTimeout(resolve, 300)); // the thread is up and on the first network
      const second = thread.start(graphs[1]);
      assertSameBits(await second.finish(), await hopSearches(graphs[1]), "second network");
      assertSameBrokerage(await second.brokerage(), brokerage(graphs[1]), "second network");
      assert.deepEqual(second.shares, { thread: 0, here: SEARCH_CHUNKS, brokerage: "here" });
      assert.ok(first.shares.thread < SEARCH_CHUNKS, `the thread was still on the first network (${first.shares.thread} chunks in)`);
      await first.finish();
      assert.equal(thread.fallbacks, 0);
    } finally {
      await thread.close();
    }
  });

  it("a thread being closed ends only its own jobs, never those of the thread started after it", async () => {
    const thread = new HopSearchThread();
    try {
      await thread.start(graphs[0]).finish();
      const closing = thread.close(); // its exit comes after the next thread has its job
      const next = thread.start(graphs[2]);
      assertSameBits(await next.finish(), await hopSearches(graphs[2]), "after a close");
      await closing;
      assert.equal(thread.fallbacks, 0, "the closed thread's exit did not end the new thread's job");
    } finally {
      await thread.close();
    }
  });

  it("searches here when the thread cannot run, with the same answer", async () => {
    const broken = new HopSearchThread(path.join(SRC, "no-such-worker.js"));
    try {
      const underWay = broken.start(graphs[0]);
      assertSameBits(await underWay.finish(), await hopSearches(graphs[0]), "fallback");
      assertSameBrokerage(await underWay.brokerage(), brokerage(graphs[0]), "fallback");
      assert.equal(broken.fallbacks, 1);
      assert.deepEqual(underWay.shares, { thread: 0, here: SEARCH_CHUNKS, brokerage: "here" });
    } finally {
      await broken.close();
    }
  });

  it("computes the brokerage measures here when the thread claimed them and was lost before it answered", async () => {
    const claiming = new HopSearchThread(path.join(__dirname, "..", "..", "support", "claiming-search-worker.js"));
    try {
      const underWay = claiming.start(graphs[1]);
      // The stand-in has claimed them once it exits; give it the time to.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      assertSameBits(await underWay.finish(), await hopSearches(graphs[1]), "after the thread was lost");
      assertSameBrokerage(await underWay.brokerage(), brokerage(graphs[1]), "after the thread was lost");
      assert.deepEqual(underWay.shares, { thread: 0, here: SEARCH_CHUNKS, brokerage: "here" });
      assert.equal(claiming.fallbacks, 1);
    } finally {
      await claiming.close();
    }
  });

  it("keeps a process alive while a search is under way, and not after it", () => {
    const script = `
      const { hopSearchThread } = require(${JSON.stringify(path.join(SRC, "hop-search-thread.js"))});
      const { csrFromEdges } = require(${JSON.stringify(path.join(__dirname, "..", "..", "..", "src", "kernel", "csr.js"))});
      const edges = [];
      for (let a = 0; a < 300; a++) for (let b = a + 1; b < 300; b += 7) edges.push([a, b, 1]);
      const underWay = hopSearchThread.start(csrFromEdges(300, edges));
      // Finished at once: this thread searches the chunks while the worker is still starting, then has nothing but
      // the worker's word that it is done to wait for, and nothing else keeps the process alive.
      underWay.finish().then((r) => console.log("searched", r.dependencySums.length, underWay.shares.thread, underWay.shares.here, hopSearchThread.fallbacks));`;
    // Ends with the answer (a thread that let go too early would leave nothing printed); a thread that held on would
    // run into the timeout.
    // Without the test runner's variables: a child that sees NODE_TEST_CONTEXT stays alive on its own.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("NODE_TEST")));
    const out = execFileSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 30_000, env });
    const [word, n, thread, here, fallbacks] = out.trim().split(" ");
    assert.deepEqual([word, n, fallbacks], ["searched", "300", "0"]);
    assert.equal(Number(thread) + Number(here), SEARCH_CHUNKS);
  });
});
