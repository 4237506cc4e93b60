import { readFileSync } from "node:fs";
import http from "node:http";
import { performance } from "node:perf_hooks";
import { percentile } from "./latency";
import type { LoadRequest } from "./load-mix";

/*
 * A closed-loop HTTP load driver for the GraphQL API (issue 8): `connections` workers, each on its own keep-alive
 * socket, send one request after another for `durationMs`. Every answer is classified, as a client sees it:
 * ok (200, data, no errors), a GraphQL error (its extensions.code, with the HTTP status it came with), an HTTP error
 * without a GraphQL body, or a transport error (the socket failed, or no answer within requestTimeoutMs).
 * node:http rather than fetch: see bench/query-clients.ts (fetch costs more client-side per request).
 *
 * Stable API (reused by other benchmarks): LoadOptions, LoadEvent, LoadResult, KindStats, runLoad, outcomeKey,
 * RssSample, sampleRss, rssSlope.
 */

export interface LoadOptions {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  connections: number;
  durationMs: number;
  /** The request stream of connection `i` (LoadMix.stream). */
  streamFor: (connection: number) => () => LoadRequest;
  /** Extra headers per connection (an API key, X-Forwarded-For, ...). */
  headersFor?: (connection: number) => Record<string, string>;
  /** No answer within this is a transport error "TIMEOUT" (default 30 s). */
  requestTimeoutMs?: number;
  /**
   * After a refusal (HTTP 503 or 429: OVERLOADED, DATABASE_UNAVAILABLE, RATE_LIMITED), the connection waits this long
   * before its next request (default 0: it asks again at once, the harshest client; a polite one would wait Retry-After).
   */
  pauseAfterRefusalMs?: number;
  /** Called for every finished request (the fault benchmark times outages with it). */
  onEvent?: (event: LoadEvent) => void;
  /** Ends the run before durationMs: no new request is sent once it is aborted. */
  signal?: AbortSignal;
}

export interface LoadEvent {
  connection: number;
  kind: string;
  /** performance.now() at send and at the end of the answer (or the failure). */
  startMs: number;
  endMs: number;
  ok: boolean;
  /** HTTP status; null for a transport error. */
  status: number | null;
  /** "ok", a GraphQL extensions.code, "HTTP" (an error status without a GraphQL error) or the transport error's code. */
  code: string;
  /** Response headers of interest (retry-after, ratelimit-*), lower-case. */
  headers: Record<string, string>;
}

export interface KindStats {
  requests: number;
  ok: number;
  p50Ms: number;
  p99Ms: number;
  /** outcomeKey -> count, errors only. */
  errors: Record<string, number>;
}

export interface LoadResult {
  url: string;
  connections: number;
  durationMs: number;
  requests: number;
  ok: number;
  /** All answers per second, and good answers per second. */
  requestsPerSecond: number;
  okPerSecond: number;
  /** Latency of every request (ms), and of good answers only. */
  latency: { p50: number; p90: number; p99: number; max: number };
  okLatency: { p50: number; p90: number; p99: number; max: number };
  /** outcomeKey -> count over every request, "ok" included. */
  outcomes: Record<string, number>;
  transportErrors: number;
  byKind: Record<string, KindStats>;
  /** Per second of the run: answers, good answers and errors by outcomeKey. */
  timeline: Array<{ second: number; requests: number; ok: number; errors: Record<string, number> }>;
}

/** How an outcome is counted: "ok", "transport ECONNRESET", "HTTP 503 OVERLOADED", "HTTP 200 DATABASE_UNAVAILABLE". */
export function outcomeKey(event: Pick<LoadEvent, "ok" | "status" | "code">): string {
  if (event.ok) return "ok";
  if (event.status === null) return `transport ${event.code}`;
  return `HTTP ${event.status} ${event.code}`;
}

const KEPT_HEADERS = ["retry-after", "ratelimit", "ratelimit-policy", "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"];

function classify(status: number, text: string): { ok: boolean; code: string } {
  let body: { data?: unknown; errors?: Array<{ extensions?: { code?: unknown } }> } | undefined;
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return { ok: false, code: status === 200 ? "NOT_JSON" : "HTTP" };
  }
  const errors = body?.errors ?? [];
  if (errors.length > 0) {
    const code = errors[0].extensions?.code;
    return { ok: false, code: typeof code === "string" ? code : "NO_CODE" };
  }
  if (status !== 200) return { ok: false, code: "HTTP" };
  return { ok: body?.data !== undefined && body.data !== null, code: body?.data ? "ok" : "NO_DATA" };
}

function send(
  agent: http.Agent,
  url: URL,
  request: LoadRequest,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<Omit<LoadEvent, "connection" | "kind" | "startMs" | "endMs">> {
  const payload = Buffer.from(JSON.stringify(request.body));
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: Omit<LoadEvent, "connection" | "kind" | "startMs" | "endMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(value);
    };
    const req = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          ...headers,
          "content-type": "application/json",
          accept: "application/json",
          "content-length": payload.length,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", (error: NodeJS.ErrnoException) =>
          finish({ ok: false, status: null, code: error.code ?? "RESPONSE_ERROR", headers: {} }),
        );
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          const kept: Record<string, string> = {};
          for (const name of KEPT_HEADERS) {
            const value = res.headers[name];
            if (typeof value === "string") kept[name] = value;
          }
          finish({ ...classify(status, Buffer.concat(chunks).toString("utf8")), status, headers: kept });
        });
      },
    );
    const timer = setTimeout(() => {
      finish({ ok: false, status: null, code: "TIMEOUT", headers: {} });
      req.destroy();
    }, timeoutMs);
    req.on("error", (error: NodeJS.ErrnoException) =>
      finish({ ok: false, status: null, code: error.code ?? "REQUEST_ERROR", headers: {} }),
    );
    req.end(payload);
  });
}

const stats = (ms: number[]) => ({
  p50: percentile(ms, 50),
  p90: percentile(ms, 90),
  p99: percentile(ms, 99),
  max: ms.length ? Math.max(...ms) : Number.NaN,
});

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  const pause = options.pauseAfterRefusalMs ?? 0;
  // One socket per connection at most; keep-alive as a real client (and autocannon) holds them.
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections, maxFreeSockets: options.connections });
  const events: LoadEvent[] = [];
  const started = performance.now();
  const deadline = started + options.durationMs;
  const worker = async (connection: number) => {
    const next = options.streamFor(connection);
    const headers = options.headersFor?.(connection) ?? {};
    while (performance.now() < deadline && !options.signal?.aborted) {
      const request = next();
      const startMs = performance.now();
      const answer = await send(agent, url, request, headers, timeoutMs);
      const event: LoadEvent = { ...answer, connection, kind: request.kind, startMs, endMs: performance.now() };
      events.push(event);
      options.onEvent?.(event);
      if (pause > 0 && (answer.status === 503 || answer.status === 429)) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(pause, Math.max(0, deadline - performance.now()))));
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, (_, i) => worker(i)));
  const ended = performance.now();
  agent.destroy();

  const durationMs = ended - started;
  const outcomes: Record<string, number> = {};
  const byKind: Record<string, KindStats & { ms: number[] }> = {};
  const timeline: LoadResult["timeline"] = [];
  for (const e of events) {
    const key = outcomeKey(e);
    outcomes[key] = (outcomes[key] ?? 0) + 1;
    const k = (byKind[e.kind] ??= { requests: 0, ok: 0, p50Ms: 0, p99Ms: 0, errors: {}, ms: [] });
    k.requests += 1;
    if (e.ok) {
      k.ok += 1;
      k.ms.push(e.endMs - e.startMs);
    } else k.errors[key] = (k.errors[key] ?? 0) + 1;
    const second = Math.floor((e.endMs - started) / 1000);
    while (timeline.length <= second) timeline.push({ second: timeline.length, requests: 0, ok: 0, errors: {} });
    const slot = timeline[second];
    slot.requests += 1;
    if (e.ok) slot.ok += 1;
    else slot.errors[key] = (slot.errors[key] ?? 0) + 1;
  }
  const kinds: Record<string, KindStats> = {};
  for (const [kind, { ms, ...rest }] of Object.entries(byKind)) {
    kinds[kind] = { ...rest, p50Ms: percentile(ms, 50), p99Ms: percentile(ms, 99) };
  }
  const ok = events.filter((e) => e.ok);
  return {
    url: options.url,
    connections: options.connections,
    durationMs,
    requests: events.length,
    ok: ok.length,
    requestsPerSecond: events.length / (durationMs / 1000),
    okPerSecond: ok.length / (durationMs / 1000),
    latency: stats(events.map((e) => e.endMs - e.startMs)),
    okLatency: stats(ok.map((e) => e.endMs - e.startMs)),
    outcomes,
    transportErrors: events.filter((e) => e.status === null).length,
    byKind: kinds,
    timeline,
  };
}

export interface RssSample {
  /** Seconds since sampling started. */
  second: number;
  /** VmRSS of the process, MiB; NaN once it is gone. */
  rssMiB: number;
}

/** VmRSS of a process from /proc/<pid>/status (Linux), in MiB. */
export function readRssMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? Number.NaN : Number(kb) / 1024;
  } catch {
    return Number.NaN;
  }
}

/** Samples the RSS of `pid` now and every `everyMs` until stop() (which returns the samples). */
export function sampleRss(pid: number, everyMs = 5_000): { stop: () => RssSample[] } {
  const samples: RssSample[] = [];
  const t0 = performance.now();
  const take = () => samples.push({ second: Math.round((performance.now() - t0) / 100) / 10, rssMiB: readRssMiB(pid) });
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return samples;
    },
  };
}

/** Least-squares slope of RSS (MiB per minute) over the samples at or after `fromSecond`. */
export function rssSlope(samples: readonly RssSample[], fromSecond: number): { miBPerMinute: number; points: number } {
  const points = samples.filter((s) => s.second >= fromSecond && Number.isFinite(s.rssMiB));
  if (points.length < 2) return { miBPerMinute: Number.NaN, points: points.length };
  const n = points.length;
  const mx = points.reduce((a, p) => a + p.second, 0) / n;
  const my = points.reduce((a, p) => a + p.rssMiB, 0) / n;
  const sxy = points.reduce((a, p) => a + (p.second - mx) * (p.rssMiB - my), 0);
  const sxx = points.reduce((a, p) => a + (p.second - mx) ** 2, 0);
  return { miBPerMinute: sxx === 0 ? Number.NaN : (sxy / sxx) * 60, points: n };
}
