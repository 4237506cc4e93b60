import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { heapVerdict, type HeapReading } from "../../../import/bulk/memory-budget";

const MIB = 2 ** 20;
const GIB = 2 ** 30;

/** 8 million records, a 4 GiB heap on a 24 GiB machine, 100 MiB for the program itself. */
const reading = (over: Partial<HeapReading>): HeapReading => ({
  done: 1_000_000,
  total: 8_000_000,
  usedBytes: 400 * MIB,
  baselineBytes: 100 * MIB,
  limitBytes: 4 * GIB,
  machineBytes: 24 * GIB,
  ...over,
});

describe("the bulk import's heap budget", () => {
  it("lets a graph that will fit go on", () => {
    // 300 MiB per million records: 2.4 GiB for eight, under 90% of 4 GiB.
    assert.equal(heapVerdict(reading({})), null);
  });

  it("refuses as soon as the projection for the whole input is past the limit, with the heap to ask for", () => {
    // 1.9 GiB per million records: about 15 GiB for eight, and 1.3 times that for the CSV stage.
    const verdict = heapVerdict(reading({ usedBytes: 2 * GIB }));
    assert.ok(verdict);
    assert.match(verdict, /after 1000000 of 8000000 records it uses 2\.0 GiB, so the whole input needs about 19\.\d GiB/);
    assert.match(verdict, /Nothing was written to the database/);
    const asked = Number(/--max-old-space-size=(\d+)/.exec(verdict)?.[1]);
    assert.ok(asked >= 19 * 1024 && asked < 21 * 1024 && asked % 256 === 0, `asked for ${asked} MiB`);
  });

  it("does not project from the first few records, but stops before V8's own limit whatever the share read", () => {
    assert.equal(heapVerdict(reading({ done: 100_000, usedBytes: 400 * MIB })), null);
    assert.ok(heapVerdict(reading({ done: 100_000, usedBytes: 3.8 * GIB })));
  });

  it("sends a machine too small for the whole graph to the online path instead of a heap it does not have", () => {
    const verdict = heapVerdict(reading({ usedBytes: 2 * GIB, machineBytes: 16 * GIB }));
    assert.ok(verdict);
    assert.doesNotMatch(verdict, /max-old-space-size/);
    assert.match(verdict, /This machine has 16\.0 GiB, not enough for that\. Next: import without --bulk/);
  });
});
