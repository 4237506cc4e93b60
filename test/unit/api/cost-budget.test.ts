import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { clientOf, CostBudget, rateLimitHeaders } from "../../../src/api/cost-budget";

describe("CostBudget (a token bucket of query cost per client)", () => {
  it("charges until the budget is spent, then refuses with the wait until the cost is back", () => {
    let now = 0;
    const budget = new CostBudget(600, () => now); // 10 points per second
    const first = budget.charge("a", 250);
    assert.equal(first.ok, true);
    assert.equal(first.remaining, 350);
    assert.equal(first.resetSeconds, 25);
    assert.equal(budget.charge("a", 300).ok, true);
    const refused = budget.charge("a", 100);
    assert.equal(refused.ok, false);
    assert.ok(!refused.ok && refused.reason === "exhausted");
    if (!refused.ok && refused.reason === "exhausted") assert.equal(refused.retryAfterSeconds, 5); // 50 left, 50 more in 5 s
    assert.equal(refused.remaining, 50);
    // Another client has its own budget.
    assert.equal(budget.charge("b", 600).ok, true);
    now += 5_000;
    assert.equal(budget.charge("a", 100).ok, true);
  });

  it("refills continuously up to the budget, never beyond", () => {
    let now = 0;
    const budget = new CostBudget(60, () => now);
    budget.charge("a", 60);
    now += 30_000;
    assert.equal(budget.peek("a").remaining, 30);
    now += 10 * 60_000;
    assert.equal(budget.peek("a").remaining, 60);
    assert.equal(budget.peek("a").resetSeconds, 0);
  });

  it("a query costing more than the whole budget is too costly, not a matter of waiting; a cost of 0 counts 1", () => {
    const budget = new CostBudget(100, () => 0);
    const r = budget.charge("a", 101);
    assert.ok(!r.ok && r.reason === "too-costly");
    assert.equal(budget.charge("a", 0).remaining, 99);
  });

  it("forgets clients whose budget has refilled, so memory stays bounded", () => {
    let now = 0;
    const budget = new CostBudget(60, () => now);
    for (let i = 0; i < 999; i++) budget.charge(`c${i}`, 1);
    assert.equal(budget.tracked, 999);
    now += 2_000; // 1 point back each: full again
    budget.charge("last", 1); // the 1000th charge prunes
    assert.equal(budget.tracked, 1);
  });

  it("clients: the API key (hashed) when sent, else the address; RateLimit fields per draft-ietf-httpapi-ratelimit-headers", () => {
    const req = (ip: string, headers: Record<string, string>) => ({ ip, header: (name: string) => headers[name.toLowerCase()] });
    const keyed = clientOf(req("10.0.0.1", { "x-api-key": "secret" }), "X-API-Key");
    assert.match(keyed, /^key:/);
    assert.ok(!keyed.includes("secret"));
    assert.equal(keyed, clientOf(req("10.0.0.2", { "x-api-key": "secret" }), "X-API-Key"));
    assert.equal(clientOf(req("10.0.0.1", {}), "X-API-Key"), "ip:10.0.0.1");
    assert.equal(clientOf(req("10.0.0.1", { "x-api-key": "secret" }), ""), "ip:10.0.0.1");
    assert.deepEqual(rateLimitHeaders({ limit: 600, windowSeconds: 60, remaining: 12, resetSeconds: 59 }), {
      "RateLimit-Policy": "cost;q=600;w=60",
      RateLimit: "cost;r=12;t=59",
    });
  });
});
