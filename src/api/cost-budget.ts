import { createHash } from "node:crypto";

/**
 * A per-client budget of query cost (query-cost.ts) per minute, for public deployments: a token bucket per client
 * holding at most `perMinute` points and refilling at perMinute/60 points per second. A request is charged its cost
 * once the limits have measured it, before it runs; when the bucket holds less than the cost, the request is refused
 * (RATE_LIMITED, 429, Retry-After: when the bucket will hold enough). A query costing more than the whole budget can
 * never run and is refused as too costly (LIMIT_EXCEEDED) instead.
 *
 * The memory it holds is bounded: a bucket that has refilled completely says nothing a fresh one would not, so such
 * buckets are dropped, and at most MAX_CLIENTS are tracked (beyond that the idlest half is dropped; a dropped client
 * starts again with a full budget, so in the worst case an attacker with that many addresses gets more, never less).
 */

export const MAX_CLIENTS = 100_000;
const PRUNE_EVERY = 1_000;

export interface BudgetState {
  /** The budget per window, in cost points. */
  limit: number;
  windowSeconds: number;
  /** Points left after this request (whole points, rounded down). */
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
}

export type ChargeResult =
  | ({ ok: true; cost: number } & BudgetState)
  | ({ ok: false; reason: "exhausted"; cost: number; retryAfterSeconds: number } & BudgetState)
  | ({ ok: false; reason: "too-costly"; cost: number } & BudgetState);

interface Bucket {
  tokens: number;
  at: number;
}

export class CostBudget {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private charges = 0;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!(perMinute > 0)) throw new Error("a cost budget needs a positive number of points per minute");
    this.perMs = perMinute / 60_000;
  }

  /** Number of clients with a partly spent budget (for tests and diagnostics). */
  get tracked(): number {
    return this.buckets.size;
  }

  private level(client: string, now: number): number {
    const bucket = this.buckets.get(client);
    if (!bucket) return this.perMinute;
    return Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.perMs);
  }

  private state(tokens: number): BudgetState {
    return {
      limit: this.perMinute,
      windowSeconds: 60,
      remaining: Math.max(0, Math.floor(tokens)),
      resetSeconds: Math.ceil((this.perMinute - tokens) / this.perMs / 1000),
    };
  }

  /** What `client` has left, without charging. */
  peek(client: string): BudgetState {
    return this.state(this.level(client, this.now()));
  }

  /** Charges `cost` points to `client` if it has them. */
  charge(client: string, cost: number): ChargeResult {
    const now = this.now();
    const points = Math.max(1, Math.ceil(cost));
    const tokens = this.level(client, now);
    if (points > this.perMinute) return { ok: false, reason: "too-costly", cost: points, ...this.state(tokens) };
    if (tokens < points) {
      const retryAfterSeconds = Math.max(1, Math.ceil((points - tokens) / this.perMs / 1000));
      return { ok: false, reason: "exhausted", cost: points, retryAfterSeconds, ...this.state(tokens) };
    }
    const left = tokens - points;
    this.buckets.set(client, { tokens: left, at: now });
    if (++this.charges % PRUNE_EVERY === 0 || this.buckets.size > MAX_CLIENTS) this.prune(now);
    return { ok: true, cost: points, ...this.state(left) };
  }

  private prune(now: number): void {
    for (const [client, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.perMinute) this.buckets.delete(client);
    }
    if (this.buckets.size <= MAX_CLIENTS) return;
    const byAge = [...this.buckets.entries()].sort((a, b) => a[1].at - b[1].at);
    for (const [client] of byAge.slice(0, Math.ceil(byAge.length / 2))) this.buckets.delete(client);
  }
}

/**
 * Who a request is charged to: the API key when the request carries one in `apiKeyHeader` (hashed: keys are not kept
 * in memory), else the remote address as express sees it (req.ip: the socket's peer, or with TRUST_PROXY the client
 * address from X-Forwarded-For as far as the trusted proxies go).
 */
export function clientOf(request: { ip?: string; header(name: string): string | undefined }, apiKeyHeader: string): string {
  const key = apiKeyHeader ? request.header(apiKeyHeader)?.trim() : undefined;
  if (key) return `key:${createHash("sha256").update(key).digest("base64url").slice(0, 22)}`;
  return `ip:${request.ip ?? "unknown"}`;
}

/** What an answer's `extensions.cost` says to its client: the points it cost, and what is left. */
export function costReport(requested: number, state: BudgetState) {
  const { remaining, limit, windowSeconds, resetSeconds } = state;
  return { requested, remaining, limit, windowSeconds, resetSeconds };
}

/** The RateLimit-Policy and RateLimit fields of draft-ietf-httpapi-ratelimit-headers (structured fields). */
export function rateLimitHeaders(state: BudgetState, resetSeconds = state.resetSeconds): Record<string, string> {
  return {
    "RateLimit-Policy": `cost;q=${state.limit};w=${state.windowSeconds}`,
    RateLimit: `cost;r=${state.remaining};t=${resetSeconds}`,
  };
}
