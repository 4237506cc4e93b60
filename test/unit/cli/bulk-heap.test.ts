import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bulkHeapFlags, describeBulkHeap } from "../../../src/cli/bulk-heap";

const GIB = 2 ** 30;

describe("import --bulk's heap", () => {
  it("sizes the heap from the machine's memory, with larger semi-spaces and a fixed growth, when nobody chose a limit", () => {
    assert.deepEqual(bulkHeapFlags({}, [], 24 * GIB), [
      "--max-old-space-size=14745",
      "--max-semi-space-size=32",
      "--heap-growing-percent=50",
    ]);
    assert.deepEqual(bulkHeapFlags({ NODE_OPTIONS: "--enable-source-maps" }, ["--expose-gc"], 8 * GIB), [
      "--max-old-space-size=4915",
      "--max-semi-space-size=32",
      "--heap-growing-percent=50",
    ]);
  });

  it("keeps a limit the user chose, in NODE_OPTIONS or on node's command line, either spelling, and adds the rest", () => {
    const rest = ["--max-semi-space-size=32", "--heap-growing-percent=50"];
    assert.deepEqual(bulkHeapFlags({ NODE_OPTIONS: "--enable-source-maps --max-old-space-size=2048" }, [], 24 * GIB), rest);
    assert.deepEqual(bulkHeapFlags({}, ["--max_old_space_size=3000"], 24 * GIB), rest);
    assert.deepEqual(bulkHeapFlags({ NODE_OPTIONS: "--max-old-space-size=2048 --heap_growing_percent=30" }, [], 24 * GIB), [
      "--max-semi-space-size=32",
    ]);
    const all = "--max-old-space-size=2048 --max-semi-space-size=64 --heap-growing-percent=30";
    assert.equal(bulkHeapFlags({ NODE_OPTIONS: all }, [], 24 * GIB), null, "nothing left to add: no rerun");
    const line = describeBulkHeap(rest, { bytes: 24 * GIB, chosen: false });
    assert.match(
      line,
      /^import --bulk: running with the heap limit you gave, 32 MiB young-generation semi-spaces and a full collection whenever the heap grows by 50%/,
    );
    assert.doesNotMatch(line, /choose the limit yourself/);
  });

  it("never reruns the rerun", () => {
    assert.equal(bulkHeapFlags({ COAUTHOR_GRAPH_BULK_RERUN: "1" }, [], 24 * GIB), null);
  });

  it("says what it chose and how to choose otherwise", () => {
    const flags = ["--max-old-space-size=14745", "--max-semi-space-size=32", "--heap-growing-percent=50"];
    const line = describeBulkHeap(flags, { bytes: 24 * GIB, chosen: false });
    assert.match(line, /heap limit of 14\.4 GiB \(60% of this machine's 24\.0 GiB\)/);
    assert.match(line, /NODE_OPTIONS=--max-old-space-size=<MiB>/);
    const capped = describeBulkHeap(["--max-old-space-size=4915"], { bytes: 8 * GIB, chosen: true });
    assert.match(capped, /heap limit of 4\.8 GiB \(60% of the 8\.0 GiB COAUTHOR_GRAPH_BULK_MEMORY allows\)/);
    const small = describeBulkHeap(["--max-old-space-size=122"], { bytes: 200 * 2 ** 20, chosen: true });
    assert.match(small, /heap limit of 122 MiB \(60% of the 200 MiB COAUTHOR_GRAPH_BULK_MEMORY allows\)/);
  });
});
