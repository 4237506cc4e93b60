import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { ApolloServer } from "@apollo/server";
import express from "express";
import { admission } from "../../../src/api/admission";
import { createOverloadPlugin } from "../../../src/api/overload";
import { LimitExceededError, TIME_LIMITS } from "../../../src/errors";

// Which out-of-time answers are the server's overload and which the query's own: the admission control's record of
// being past its limit, and the plugin that turns LIMIT_EXCEEDED into OVERLOADED on a busy server. No Neo4j here: the
// real server's path is test/e2e/overload.test.ts.

test("admission is busy from the moment a request finds no free slot, and calm again for requests that begin later", async () => {
  const gate = admission({ maxInFlight: 1, maxQueued: 4 });
  const release: Array<() => void> = [];
  const app = express();
  app.use(gate.middleware, (_req, res) => {
    release.push(() => res.end("done"));
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    const began = Date.now();
    const first = fetch(url).then((r) => r.text());
    while (release.length < 1) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(gate.busySince(began), false, "one request in one slot: at the limit, not past it");
    const second = fetch(url).then((r) => r.text());
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(gate.busySince(began), true, "the second waits for the slot");
    release.shift()!();
    while (release.length < 1) await new Promise((resolve) => setTimeout(resolve, 5));
    release.shift()!();
    assert.deepEqual(await Promise.all([first, second]), ["done", "done"]);
    assert.equal(gate.busySince(began), true, "a request that began before the wait saw it");
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(gate.busySince(Date.now()), false, "a request that begins now sees a calm server");
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test("a slot is held until its work ends, also when the client hung up before that: the work still runs", async () => {
  const gate = admission({ maxInFlight: 1, maxQueued: 4 });
  const finish: Array<() => void> = [];
  let closed = 0;
  const server = http.createServer((_req, res) => {
    res.once("close", () => (closed += 1));
    gate.run(
      res,
      () =>
        new Promise<void>((resolve) =>
          finish.push(() => {
            res.end("done");
            resolve();
          }),
        ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const until = async (condition: () => boolean) => {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  try {
    const hangUp = new AbortController();
    const gone = fetch(url, { signal: hangUp.signal }).catch((error: Error) => error.name);
    await until(() => finish.length === 1);
    hangUp.abort();
    assert.equal(await gone, "AbortError");
    await until(() => closed === 1);
    const second = fetch(url).then((r) => r.text());
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(finish.length, 1, "the second request ran while the first one's work was still running");
    finish[0]();
    await until(() => finish.length === 2);
    finish[1]();
    assert.equal(await second, "done");
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const typeDefs = "type Query { slow: Int, fine: Int }";

async function answer(busy: boolean, limit: string = TIME_LIMITS.requestDeadline) {
  const apollo = new ApolloServer<{ busy: () => boolean }>({
    typeDefs,
    resolvers: {
      Query: {
        slow: () => {
          throw new LimitExceededError("The request took longer than the server allows (REQUEST_DEADLINE_MS); narrow it.", { limit });
        },
        fine: () => 1,
      },
    },
    plugins: [createOverloadPlugin()],
  });
  await apollo.start();
  try {
    const response = await apollo.executeOperation({ query: "{ slow fine }" }, { contextValue: { busy: () => busy } });
    assert.equal(response.body.kind, "single");
    const result = response.body.kind === "single" ? response.body.singleResult : undefined;
    return { status: response.http.status, retryAfter: response.http.headers.get("retry-after"), result };
  } finally {
    await apollo.stop();
  }
}

test("out of time on a busy server: OVERLOADED with 503 and Retry-After, the clock named, the rest of the answer kept", async () => {
  for (const limit of Object.values(TIME_LIMITS)) {
    const { status, retryAfter, result } = await answer(true, limit);
    assert.equal(status, 503);
    assert.equal(retryAfter, "2");
    assert.equal(result?.errors?.[0]?.extensions?.code, "OVERLOADED");
    assert.equal(result?.errors?.[0]?.extensions?.limit, limit);
    assert.match(result?.errors?.[0]?.message ?? "", /too busy.*retry after 2 s/);
    assert.deepEqual({ ...result?.data }, { slow: null, fine: 1 });
  }
});

test("out of time on a calm server, or a limit that is not a clock: LIMIT_EXCEEDED as it was", async () => {
  const calm = await answer(false);
  assert.equal(calm.status, undefined);
  assert.equal(calm.result?.errors?.[0]?.extensions?.code, "LIMIT_EXCEEDED");
  assert.match(calm.result?.errors?.[0]?.message ?? "", /narrow it/);
  const notAClock = await answer(true, "maxDepth");
  assert.equal(notAClock.result?.errors?.[0]?.extensions?.code, "LIMIT_EXCEEDED");
});
