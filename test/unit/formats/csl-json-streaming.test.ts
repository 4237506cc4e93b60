import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { cslJsonReader } from "../../../import/formats/csl-json/csl-json.reader";

/**
 * Bounded memory: the reader must hold one item at a time, so the heap after a forced GC stays
 * flat while many times more input than the bound streams through. The input comes from an
 * async generator, never from a file, and is never held whole.
 */
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

const HEAP_GROWTH_LIMIT = 24 * 1024 * 1024;
const ABSTRACT = "Streaming readers keep memory bounded whatever the input size. ".repeat(16);

function itemJson(index: number): string {
  return JSON.stringify({
    id: `generated-${index}`,
    type: "paper-conference",
    title: `Generated paper number ${index}`,
    author: [
      { given: "Ada", family: `Author${index % 997}` },
      { given: "Grace", family: `Writer${index % 991}` },
    ],
    issued: { "date-parts": [[2000 + (index % 25)]] },
    "container-title": "Generated Conference",
    "container-title-short": "GEN",
    abstract: ABSTRACT,
  });
}

/** Yields `count` items as JSON Lines (or one JSON array), in ~64 KB buffers; counts the bytes produced. */
async function* generatedInput(count: number, shape: "lines" | "array", produced: { bytes: number }): AsyncGenerator<Buffer> {
  let batch: string[] = shape === "array" ? ["[\n"] : [];
  let batchLength = 0;
  for (let index = 0; index < count; index++) {
    const text = shape === "array" ? `${index > 0 ? ",\n" : ""}${itemJson(index)}` : `${itemJson(index)}\n`;
    batch.push(text);
    batchLength += text.length;
    if (batchLength >= 64 * 1024) {
      const buffer = Buffer.from(batch.join(""));
      produced.bytes += buffer.length;
      yield buffer;
      batch = [];
      batchLength = 0;
    }
  }
  if (shape === "array") batch.push("\n]\n");
  const rest = Buffer.from(batch.join(""));
  produced.bytes += rest.length;
  yield rest;
}

/** JS heap plus Buffer memory, which lives outside the heap. */
function memoryInUse(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

async function measure(count: number, shape: "lines" | "array"): Promise<{ records: number; growth: number; bytes: number }> {
  const produced = { bytes: 0 };
  let records = 0;
  collectGarbage();
  const baseline = memoryInUse();
  let peak = baseline;
  for await (const item of cslJsonReader.read(generatedInput(count, shape, produced), `generated.${shape}`)) {
    assert.equal(item.kind, "record");
    records += 1;
    if (records % 5_000 === 0) {
      collectGarbage();
      peak = Math.max(peak, memoryInUse());
    }
  }
  return { records, growth: peak - baseline, bytes: produced.bytes };
}

describe("CSL-JSON reader: bounded memory", () => {
  it("streams ~70 MB of JSON Lines with flat heap", async () => {
    const { records, growth, bytes } = await measure(60_000, "lines");
    assert.equal(records, 60_000);
    assert.ok(bytes > 3 * HEAP_GROWTH_LIMIT, `input too small to prove anything: ${bytes} bytes`);
    assert.ok(growth < HEAP_GROWTH_LIMIT, `heap grew by ${(growth / 1048576).toFixed(1)} MB`);
  });

  it("streams a ~50 MB JSON array with flat heap", async () => {
    const { records, growth, bytes } = await measure(45_000, "array");
    assert.equal(records, 45_000);
    assert.ok(bytes > 2 * HEAP_GROWTH_LIMIT, `input too small to prove anything: ${bytes} bytes`);
    assert.ok(growth < HEAP_GROWTH_LIMIT, `heap grew by ${(growth / 1048576).toFixed(1)} MB`);
  });
});
