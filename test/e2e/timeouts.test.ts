import assert from "node:assert/strict";
import http from "node:http";
import net from "node:net";
import { describe, it } from "node:test";
import { serveEnv, startServe } from "../support/serve-process";

// Slow clients and shutdown, against a real `serve` process.

interface SocketEnd {
  ms: number;
  received: string;
}

/** Opens a socket, writes `text`, and resolves when the server closes it (or after `giveUpMs`). */
function sendAndWaitForClose(url: string, text: string, giveUpMs: number): Promise<SocketEnd> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const started = Date.now();
    let received = "";
    const socket = net.connect(Number(port), hostname, () => socket.write(text));
    socket.on("data", (d) => (received += d.toString()));
    socket.on("error", () => undefined);
    const timer = setTimeout(() => socket.destroy(), giveUpMs);
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ ms: Date.now() - started, received });
    });
  });
}

const SLOW_BODY =
  "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n" + '{"query":"';
const SLOW_HEADERS = "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: appl";

describe("slow clients", { timeout: 180_000 }, () => {
  it("a body that never arrives and headers that never end are cut at their timeouts (408)", async () => {
    const serve = await startServe(serveEnv({ HTTP_REQUEST_TIMEOUT_MS: "2000", HTTP_HEADERS_TIMEOUT_MS: "1000" }));
    try {
      const [body, headers] = await Promise.all([
        sendAndWaitForClose(serve.url, SLOW_BODY, 60_000),
        sendAndWaitForClose(serve.url, SLOW_HEADERS, 60_000),
      ]);
      assert.ok(body.ms >= 1_900 && body.ms < 5_000, `slow body closed after ${body.ms} ms`);
      assert.match(body.received, /^HTTP\/1\.1 408/);
      assert.ok(headers.ms >= 900 && headers.ms < 4_000, `slow headers closed after ${headers.ms} ms`);
      assert.match(headers.received, /^HTTP\/1\.1 408/);
      // The server is unharmed.
      const ok = await fetch(`${serve.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ papers(first: 1) { totalCount } }" }),
      });
      assert.equal(ok.status, 200);
    } finally {
      await serve.stop();
    }
  });
});

/** POSTs `body` through `agent`; resolves with the status and whether the agent reused a kept-alive socket. */
function postThrough(agent: http.Agent, url: string, body: string): Promise<{ status?: number; reused: boolean; keepAlive?: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}/graphql`,
      { method: "POST", agent, headers: { "content-type": "application/json" } },
      (response) => {
        response.resume();
        response.on("end", () =>
          resolve({ status: response.statusCode, reused: request.reusedSocket, keepAlive: String(response.headers["keep-alive"]) }),
        );
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

describe("kept-alive connections", { timeout: 180_000 }, () => {
  it("stay open past Node's 5 s default and past the headers timeout, until HTTP_KEEP_ALIVE_TIMEOUT_MS", async () => {
    const body = JSON.stringify({ query: "{ papers(first: 1) { totalCount } }" });
    const serve = await startServe(serveEnv({ HTTP_HEADERS_TIMEOUT_MS: "2000" }));
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await postThrough(agent, serve.url, body);
      assert.equal(first.status, 200);
      // Node's agent drops a free socket a second before the timeout the server announces.
      assert.equal(first.keepAlive, "timeout=65");
      await new Promise((resolve) => setTimeout(resolve, 6_500));
      const second = await postThrough(agent, serve.url, body);
      assert.equal(second.status, 200);
      assert.equal(second.reused, true, "the idle connection was still open after 6.5 s");
    } finally {
      agent.destroy();
      await serve.stop();
    }
    const short = await startServe(serveEnv({ HTTP_KEEP_ALIVE_TIMEOUT_MS: "1000" }));
    try {
      const { hostname, port } = new URL(short.url);
      const request = `POST /graphql HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
      const closed = await sendAndWaitForClose(`http://${hostname}:${port}`, request, 30_000);
      assert.match(closed.received, /^HTTP\/1\.1 200/);
      assert.ok(closed.ms >= 900 && closed.ms < 10_000, `an idle connection closed ${closed.ms} ms after it opened`);
    } finally {
      await short.stop();
    }
  });
});

describe("SIGTERM", { timeout: 180_000 }, () => {
  it("finishes within SHUTDOWN_GRACE_MS (plus closing the driver) even with a client that never finishes, exit 0", async () => {
    const serve = await startServe(serveEnv({ SHUTDOWN_GRACE_MS: "1500", HTTP_REQUEST_TIMEOUT_MS: "120000" }));
    const stuck = sendAndWaitForClose(serve.url, SLOW_BODY, 60_000);
    const ok = await fetch(`${serve.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ papers(first: 1) { totalCount } }" }),
    });
    assert.equal(ok.status, 200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    const code = await serve.stop("SIGTERM", 30_000);
    const ms = Date.now() - started;
    assert.equal(code, 0, serve.stderr());
    assert.ok(ms >= 1_400 && ms < 4_500, `exited ${ms} ms after SIGTERM`);
    assert.match(serve.stderr(), /SIGTERM: shutting down; in-flight requests get 1500 ms/);
    const end = await stuck;
    assert.ok(end.ms < 10_000, "the stuck client was cut");
  });
});

describe("SIGTERM and readiness", { timeout: 180_000 }, () => {
  it("/readyz answers 503 from the signal on, while requests are still served for SHUTDOWN_DELAY_MS; then it drains and exits 0", async () => {
    const serve = await startServe(serveEnv({ SHUTDOWN_DELAY_MS: "3000", SHUTDOWN_GRACE_MS: "1000" }));
    const graphql = () =>
      fetch(`${serve.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ papers(first: 1) { totalCount } }" }),
      });
    assert.equal((await fetch(`${serve.url}/readyz`)).status, 200);
    const started = Date.now();
    serve.child.kill("SIGTERM");
    while (!serve.stderr().includes("SIGTERM: shutting down")) await new Promise((resolve) => setTimeout(resolve, 20));
    const ready = await fetch(`${serve.url}/readyz`);
    assert.equal(ready.status, 503);
    assert.deepEqual(await ready.json(), { status: "draining" });
    assert.equal(ready.headers.get("retry-after"), "2");
    // Still alive, and still answering the traffic a load balancer sends before it notices.
    assert.equal((await fetch(`${serve.url}/livez`)).status, 200);
    assert.equal((await graphql()).status, 200);
    assert.ok(Date.now() - started < 3_000, "checked within the delay");
    assert.match(serve.stderr(), /\/readyz answers 503 from now; requests are still served for 3000 ms \(SHUTDOWN_DELAY_MS\)/);
    const code = await serve.exited;
    const ms = Date.now() - started;
    assert.equal(code, 0, serve.stderr());
    assert.ok(ms >= 2_900 && ms < 10_000, `exited ${ms} ms after SIGTERM`);
  });
});
