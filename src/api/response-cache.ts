import { createHash, randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { LRUCache } from "lru-cache";
import { buildId } from "./build-id";
import { costReport, rateLimitHeaders, type CostBudget } from "./cost-budget";
import { sha256Hex, type DocumentIndex, type PersistedQueryStore } from "./documents";
import type { GraphVersionWatch } from "./graph-version-watch";
import { readGraphqlRequest, type GraphqlRequest } from "./graphql-request";
import vary from "vary";
import type { GraphqlStep } from "./http-answer";

/*
 * Answers tied to the graph's version. The graph changes only when an import commits, so an answer is a function of
 * (graph version, normalised operation, operation name, variables, the media type asked for); that tuple's hash is
 * both the response cache's key and the ETag. Nothing here reads Neo4j: the version is the one GraphVersionWatch last
 * polled, so a 304 or a cache hit sends no statement, and both are as stale as the poll allows (at most its interval
 * plus one read). Only complete answers are kept: status 200 and no `errors` (a timeout or an outage is not an answer
 * to keep). An answer computed while an import commits may be newer than the version it is filed under, never older:
 * the version is read before the request starts.
 */

/** One kept answer: exactly the bytes sent, and their media type (and, for a file, the name it is saved under). */
export interface CachedAnswer {
  body: string | Buffer;
  contentType: string;
  fileName?: string;
  /**
   * Under a cost budget, a GraphQL answer is kept without the report of the client it was computed for
   * (`extensions.cost`): the points it was charged, and where the next client's report goes (`at`, a byte offset in
   * `body`, after a comma when other extensions come first).
   */
  charge?: { points: number; at: number; comma: boolean };
}

export interface ResponseCacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
}

/** Answers kept in memory, bounded by their size in bytes; least recently used first out. */
export class ResponseCache {
  private readonly entries: LRUCache<string, CachedAnswer>;
  private hits = 0;
  private misses = 0;

  constructor(maxBytes: number) {
    this.entries = new LRUCache<string, CachedAnswer>({
      maxSize: maxBytes,
      // One big network (megabytes) may not push out everything else.
      maxEntrySize: Math.max(1, Math.floor(maxBytes / 4)),
      sizeCalculation: (answer, key) => byteLength(answer.body) + key.length + 64,
    });
  }

  /** The answer kept under `key`. Not counted: the caller counts (count()) once it knows whether it was served. */
  get(key: string): CachedAnswer | undefined {
    return this.entries.get(key);
  }

  /** Counts a request answered from what is kept (a 304 included), or not. */
  count(hit: boolean): void {
    if (hit) this.hits += 1;
    else this.misses += 1;
  }

  set(key: string, answer: CachedAnswer): void {
    this.entries.set(key, answer);
  }

  /** On a new graph version nothing kept can be asked for again; free it now rather than as it ages out. */
  clear(): void {
    this.entries.clear();
  }

  stats(): ResponseCacheStats {
    return { hits: this.hits, misses: this.misses, entries: this.entries.size, bytes: this.entries.calculatedSize };
  }
}

function byteLength(body: string | Buffer): number {
  return typeof body === "string" ? Buffer.byteLength(body) : body.length;
}

/** JSON with object keys in code point order, so that `{a, b}` and `{b, a}` variables are one key. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(record[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * The cache key and ETag of an answer: everything it depends on, hashed (base64url, 43 characters). `version` is the
 * graph's; the server's build (build-id.ts) is added here, so that a deploy changes every key.
 */
export function answerKey(parts: {
  version: string;
  normalizedHash: string;
  operationName?: string;
  variables?: unknown;
  accept?: string;
}): string {
  return createHash("sha256")
    .update(
      [
        buildId(),
        parts.version,
        parts.normalizedHash,
        parts.operationName ?? "",
        stableJson(parts.variables ?? {}),
        parts.accept ?? "",
      ].join("\u0000"),
    )
    .digest("base64url");
}

/**
 * The Cache-Control of a GET answer tied to a graph version: shared caches may keep it `maxAgeSeconds`. Under a cost
 * budget (`budgeted`) an answer carries its client's report (extensions.cost, the RateLimit fields), and a shared
 * cache would hand one client's answer to another, uncharged: it is `private` then, kept by the client's own cache
 * only (which still revalidates it with If-None-Match, a free 304).
 */
export function getCacheControl(maxAgeSeconds: number, budgeted = false): string {
  const who = budgeted ? "private" : "public";
  return maxAgeSeconds > 0 ? `${who}, max-age=${maxAgeSeconds}` : `${who}, no-cache`;
}

/**
 * Whether an If-None-Match value names `etag` (weak comparison, as RFC 9110 asks for If-None-Match). `*` matches
 * "any current representation" (RFC 9110, 13.1.2), so only when `represented`: a complete answer for this version is
 * known (kept). The ETag is computed before the query runs, and a query may end in an error, which has none: a
 * client that sent `*` for it must get the error, not a 304.
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string, represented = false): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const wanted = opaque(etag);
  return header.split(",").some((tag) => (tag.trim() === "*" ? represented : opaque(tag) === wanted));
}

export interface HttpCacheOptions {
  watch: GraphVersionWatch;
  documents: DocumentIndex;
  persisted: PersistedQueryStore;
  /** undefined: no response cache (ETags and 304s still work). */
  cache?: ResponseCache;
  /** max-age of GET answers; 0 makes them `no-cache` (stored, revalidated every time). */
  maxAgeSeconds: number;
  /** The per-client cost budget (COST_BUDGET_PER_MINUTE), which a kept answer is charged to as a computed one is. */
  budget?: CostBudget;
}

/** The document text a request runs: its `query`, or the persisted one its hash names. */
function documentText(request: GraphqlRequest, persisted: PersistedQueryStore): string | undefined {
  if (request.query !== undefined) {
    // A hash that does not match its text is Apollo's to refuse (BAD_REQUEST): never answered from cache.
    if (request.persistedHash !== undefined && sha256Hex(request.query) !== request.persistedHash) return undefined;
    return request.query;
  }
  return request.persistedHash === undefined ? undefined : persisted.lookup(request.persistedHash);
}

/**
 * A step before Apollo (and before admission control: a cache hit or a 304 takes no slot). For a query
 * whose graph version is known:
 *  - GET: `ETag` and `Cache-Control: public, max-age=N` (shared caches may keep it), `Vary: Accept`; a matching
 *    `If-None-Match` is answered 304 at once;
 *  - GET and POST: a kept answer is sent as it was (under a cost budget, charged: serveKept); otherwise the answer
 *    Apollo sends is kept if complete.
 * POST answers stay `no-store` without an ETag: HTTP caches do not keep POST answers, and a conditional POST is not a
 * revalidation (RFC 9110 answers it 412), but a dashboard polling by POST is served from memory all the same.
 */
export function httpCache(options: HttpCacheOptions): GraphqlStep {
  const { watch, documents, persisted, cache, budget } = options;
  const cacheControl = getCacheControl(options.maxAgeSeconds, budget !== undefined);
  return (req, res, next) => {
    const request = readGraphqlRequest(req);
    const version = request && watch.cacheVersion();
    const text = request && version !== undefined ? documentText(request, persisted) : undefined;
    const info = text === undefined ? undefined : documents.info(text);
    if (!request || version === undefined || !info?.onlyQueries) {
      next();
      return;
    }
    const key = answerKey({
      version,
      normalizedHash: info.normalizedHash,
      operationName: request.operationName,
      variables: request.variables,
      accept: req.headers.accept,
    });
    // Counted once the request is answered: a kept answer a client's budget cannot pay for is not served.
    const kept = cache?.get(key);
    // A client registering its document (text and hash, checked above) may be answered here, from what is kept or by a
    // 304, and never reach Apollo, which registers it otherwise: without this its requests by hash alone stayed
    // PERSISTED_QUERY_NOT_FOUND, and a client that retries with the text was answered here again, forever.
    if (request.query !== undefined && request.persistedHash !== undefined) void persisted.set(request.persistedHash, request.query);
    if (request.method === "GET") {
      const etag = `W/"${key}"`;
      res.setHeader("ETag", etag);
      res.setHeader("Cache-Control", cacheControl);
      // The same `vary` module express's res.vary and cors use.
      vary(res, "Accept");
      if (matchesIfNoneMatch(req.headers["if-none-match"], etag, kept !== undefined)) {
        cache?.count(kept !== undefined);
        res.statusCode = 304;
        res.end();
        return;
      }
    }
    const served = kept !== undefined && serveKept(budget, req.costClient, res, kept);
    cache?.count(served);
    if (served) return;
    keepAnswer(res, (answer) => cache?.set(key, answer));
    next();
  };
}

/**
 * Sends a kept answer. Under a cost budget the client is charged what the answer cost when it was computed, so that
 * the budget counts what a client asks for, the same whether or not this process happens to keep the answer (only a
 * 304 is free: the client has the answer already), and the answer carries this client's report. A client without
 * enough left is not answered here (false): Apollo measures the query again and refuses it as it refuses any query.
 */
function serveKept(budget: CostBudget | undefined, client: string | undefined, res: ServerResponse, kept: CachedAnswer): boolean {
  res.statusCode = 200;
  res.setHeader("Content-Type", kept.contentType);
  if (!budget || client === undefined || !kept.charge) {
    // Set here: Node leaves it out of an answer to HEAD, which a computed answer (graphql-http.ts) always gives.
    res.setHeader("Content-Length", byteLength(kept.body));
    res.end(kept.body);
    return true;
  }
  const charged = budget.charge(client, kept.charge.points);
  if (!charged.ok) return false;
  for (const [name, value] of Object.entries(rateLimitHeaders(charged))) res.setHeader(name, value);
  // In three pieces, not one copy: a kept answer may be megabytes.
  const pieces = withCostReport(kept.body, kept.charge, costReport(charged.cost, charged));
  res.setHeader(
    "Content-Length",
    pieces.reduce((sum, piece) => sum + piece.length, 0),
  );
  res.write(pieces[0]);
  res.write(pieces[1]);
  res.end(pieces[2]);
  return true;
}

/**
 * A kept answer with a client's `extensions.cost` put back (last in `extensions`; JSON gives the order of an object's
 * keys no meaning), as the three pieces to send in turn.
 */
export function withCostReport(body: string | Buffer, charge: NonNullable<CachedAnswer["charge"]>, report: object): Buffer[] {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  const inserted = Buffer.from(`${charge.comma ? "," : ""}"cost":${JSON.stringify(report)}`, "utf8");
  return [bytes.subarray(0, charge.at), inserted, bytes.subarray(charge.at)];
}

/**
 * Watches the answer being sent: a complete one (200, JSON, in one piece, no `errors`) goes to `keep`; any other
 * loses the ETag and becomes `no-store`, as an error must not be revalidated or kept by anyone.
 */
function keepAnswer(res: ServerResponse, keep: (answer: CachedAnswer) => void): void {
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  let streamed = false;
  res.write = ((...args: unknown[]) => {
    streamed = true;
    return write(...args);
  }) as typeof res.write;
  res.end = ((...args: unknown[]) => {
    res.end = end as typeof res.end;
    res.write = write as typeof res.write;
    const [chunk] = args;
    const contentType = String(res.getHeader("Content-Type") ?? "");
    const complete =
      !streamed &&
      res.statusCode === 200 &&
      (typeof chunk === "string" || Buffer.isBuffer(chunk)) &&
      /json/i.test(contentType) &&
      !chunk.includes('"errors"');
    if (complete) keep({ ...withoutClientCost(chunk), contentType });
    else if (!res.headersSent) {
      res.removeHeader("ETag");
      res.setHeader("Cache-Control", "no-store");
    }
    return end(...args);
  }) as typeof res.end;
}

/** Stands in for the cost report while a kept answer is serialised; random, so no data can contain it. */
const COST_MARK = `cost report ${randomUUID()}`;

/**
 * The answer as kept for everyone: without `extensions.cost`, the cost budget's report (limits.ts), which belongs to the
 * client who asked; the points it charged and the place of the report are kept beside it (CachedAnswer.charge), so
 * that each later client is charged and told its own (serveKept).
 */
export function withoutClientCost(body: string | Buffer): Pick<CachedAnswer, "body" | "charge"> {
  if (!body.includes('"cost"')) return { body };
  const answer = JSON.parse(body.toString()) as { extensions?: Record<string, unknown> };
  const report = answer.extensions?.cost as { requested?: unknown } | undefined;
  if (!answer.extensions || report === undefined) return { body };
  delete answer.extensions.cost;
  if (typeof report.requested !== "number") {
    if (Object.keys(answer.extensions).length === 0) delete answer.extensions;
    return { body: JSON.stringify(answer) };
  }
  // The report goes last in `extensions` (where it was is of no meaning in JSON): serialised with a mark there, then cut.
  const comma = Object.keys(answer.extensions).length > 0;
  answer.extensions.cost = COST_MARK;
  const text = JSON.stringify(answer);
  const mark = `${comma ? "," : ""}"cost":${JSON.stringify(COST_MARK)}`;
  const at = text.lastIndexOf(mark);
  const kept = Buffer.from(text.slice(0, at) + text.slice(at + mark.length), "utf8");
  return { body: kept, charge: { points: report.requested, at: Buffer.byteLength(text.slice(0, at)), comma } };
}
