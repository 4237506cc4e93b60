import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { after, describe, it } from "node:test";
import neo4j from "neo4j-driver";
import { homeLayout } from "../../src/db/local/home-layout";
import { isLocalNeo4jProcess, isProcessAlive } from "../../src/db/local/process-probe";
import { readState } from "../../src/db/local/server-state";
import { fromRoot } from "../../src/util/project-root";
import { startServe, type ServeProcess } from "../support/serve-process";
import { localEnv, localNeo4jUnavailable, removeHome, tempHome } from "./local-neo4j-helpers";

// Neo4j goes away under a running `serve` and comes back: fast failures, then recovery without a restart.

const QUERY = JSON.stringify({ query: "{ papers(first: 1) { totalCount } }" });

interface Probe {
  at: number;
  ms: number;
  status: number;
  code?: string;
  retryAfter: string | null;
}

async function ask(url: string): Promise<Probe> {
  const at = Date.now();
  try {
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: QUERY,
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    const code = body.errors?.[0]?.extensions?.code;
    return { at, ms: Date.now() - at, status: response.status, code, retryAfter: response.headers.get("retry-after") };
  } catch (error) {
    return { at, ms: Date.now() - at, status: 0, code: (error as Error).name, retryAfter: null };
  }
}

/**
 * Asks /readyz (a `RETURN 1` through the server's connection) every 100 ms until it answers 200; resolves
 * with the time it did. Readiness, not a GraphQL query: the first query on a fresh Neo4j also compiles
 * its plans on a cold JVM, which on a loaded machine takes seconds that are not the server's recovery.
 */
async function untilReady(url: string, limitMs: number): Promise<number> {
  const end = Date.now() + limitMs;
  while (Date.now() < end) {
    const response = await fetch(`${url}/readyz`).catch(() => undefined);
    await response?.arrayBuffer();
    if (response?.status === 200) return Date.now();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not ready within ${limitMs} ms`);
}

function assertFastFailures(probes: Probe[]): string {
  const failures = probes.filter((p) => p.status !== 200);
  assert.ok(failures.length > 0, "the outage was seen");
  for (const failure of failures) {
    assert.equal(failure.status, 503, JSON.stringify(failure));
    assert.equal(failure.code, "DATABASE_UNAVAILABLE");
    assert.equal(failure.retryAfter, "2");
  }
  // The request that finds Neo4j gone needs one refused connection; the others fail without the network.
  assert.ok(failures[0].ms < 3_000, `first failure after ${failures[0].ms} ms`);
  const later = failures.slice(1).map((f) => f.ms);
  assert.ok(
    later.every((ms) => ms < 1_000),
    `later failures took ${later.join(", ")} ms`,
  );
  return `${failures.length} failures: the first after ${failures[0].ms} ms, the others within ${Math.max(0, ...later)} ms`;
}

function runCli(env: NodeJS.ProcessEnv, ...args: string[]): Promise<number | null> {
  const child = spawn(process.execPath, [fromRoot("dist", "src", "cli", "main.js"), ...args], { env, stdio: "ignore" });
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/**
 * Resolves once a Neo4j at `uri` answers a client of the test's own (so on a loaded machine its cold
 * start, which is not the server's recovery, is over): the moment Neo4j counts as back.
 */
async function answersAt(uri: string): Promise<number> {
  const driver = neo4j.driver(uri, neo4j.auth.basic("neo4j", "neo4j"), { logging: { level: "error", logger: () => undefined } });
  try {
    for (;;) {
      try {
        await driver.executeQuery("RETURN 1");
        return Date.now();
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    await driver.close();
  }
}

async function waitFor(what: string, check: () => boolean, limitMs: number): Promise<void> {
  const end = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("Neo4j outages under a running serve", { skip: localNeo4jUnavailable(), timeout: 900_000 }, () => {
  const home = tempHome("outage");
  const layout = homeLayout(home);
  const env = localEnv(home);
  delete env.NODE_ENV;
  delete env.HOST;
  const serves: ServeProcess[] = [];
  const serve = async () => {
    const started = await startServe(env, ["serve", "--port", "0"], 300_000);
    serves.push(started);
    return started;
  };

  after(async () => {
    for (const s of serves) await s.stop("SIGTERM", 30_000);
    if (readState(layout)) await runCli(env, "db", "stop");
    removeHome(home);
  });

  it("an owner whose Neo4j is killed fails fast (503, Retry-After), restarts it, and answers within 5 s of its return", async (t) => {
    const owner = await serve();
    assert.equal((await ask(owner.url)).status, 200);
    const killed = readState(layout)!.pid!;
    process.kill(killed, "SIGKILL");
    const down: Probe[] = [];
    let backAt: number | undefined;
    while (!backAt) {
      down.push(await ask(owner.url));
      const state = readState(layout);
      if (state?.pid && state.pid !== killed && isLocalNeo4jProcess(state.pid)) backAt = await answersAt(state.uri);
      else await new Promise((resolve) => setTimeout(resolve, 200));
      assert.ok(down.length < 2_000, "no restart");
    }
    t.diagnostic(assertFastFailures(down.filter((p) => p.status !== 200)));
    const ready = await untilReady(owner.url, 60_000);
    t.diagnostic(`ready ${ready - backAt} ms after the restarted Neo4j answered`);
    assert.ok(ready - backAt < 5_000, `ready ${ready - backAt} ms after Neo4j was back\n${owner.stderr()}`);
    assert.equal((await ask(owner.url)).status, 200);
    assert.match(owner.stderr(), /Neo4j is unreachable/);
    assert.match(owner.stderr(), new RegExp(`The local Neo4j \\(pid ${killed}\\) is gone; restarting it`));
    assert.match(owner.stderr(), /The local Neo4j runs again/);
  });

  it("/readyz is 503 with Retry-After while Neo4j is down, /livez stays 200", async () => {
    const [owner] = serves;
    const state = readState(layout)!;
    // Stopped on purpose is still down for a moment; SIGSTOP keeps the supervisor from restarting it.
    process.kill(state.pid!, "SIGSTOP");
    try {
      await ask(owner.url);
      const ready = await fetch(`${owner.url}/readyz`);
      assert.equal(ready.status, 503);
      assert.equal(ready.headers.get("retry-after"), "2");
      assert.equal(((await ready.json()) as { neo4j: string }).neo4j, "down");
      assert.equal((await fetch(`${owner.url}/livez`)).status, 200);
    } finally {
      process.kill(state.pid!, "SIGCONT");
    }
    await untilReady(owner.url, 30_000);
    assert.equal((await fetch(`${owner.url}/readyz`)).status, 200);
  });

  it("a serve that joined keeps working when the owner exits (lease), and the database stops after the last user", async () => {
    const [owner] = serves;
    const joined = await serve();
    assert.match(joined.stderr(), /already running/);
    const javaPid = readState(layout)!.pid!;
    assert.equal(await owner.stop("SIGTERM", 30_000), 0);
    const end = Date.now() + 3_000;
    while (Date.now() < end) {
      const probe = await ask(joined.url);
      assert.equal(probe.status, 200, `after the owner left: ${JSON.stringify(probe)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.ok(isProcessAlive(javaPid));
    assert.equal(await joined.stop("SIGTERM", 30_000), 0);
    await waitFor("Neo4j to stop after its last user", () => !isProcessAlive(javaPid), 30_000);
  });

  it("a serve joined to `db start` follows `db stop` and `db start` to the new address within 5 s", async (t) => {
    assert.equal(await runCli(env, "db", "start"), 0);
    const joined = await serve();
    const before = readState(layout)!;
    assert.equal(await runCli(env, "db", "stop"), 0);
    const down = [await ask(joined.url), await ask(joined.url), await ask(joined.url)];
    t.diagnostic(assertFastFailures([...down, { at: 0, ms: 0, status: 200, retryAfter: null }]));
    assert.equal(await runCli(env, "db", "start"), 0);
    const after = readState(layout)!;
    const backAt = await answersAt(after.uri);
    assert.notEqual(after.boltPort, before.boltPort, "a new port");
    const ready = await untilReady(joined.url, 60_000);
    t.diagnostic(`ready ${ready - backAt} ms after the new Neo4j answered on port ${after.boltPort}`);
    assert.ok(ready - backAt < 5_000, `ready ${ready - backAt} ms after db start\n${joined.stderr()}`);
    assert.equal((await ask(joined.url)).status, 200);
    assert.equal(await joined.stop("SIGTERM", 30_000), 0);
  });
});
