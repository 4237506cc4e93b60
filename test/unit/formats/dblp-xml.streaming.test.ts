/**
 * The DBLP reader streams: heap stays bounded on a large generated input (never a file), input chunks are
 * only pulled as records are consumed, and stopping early releases the input. Prints records/s.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { dblpXmlReader } from "../../../import/formats/dblp-xml/dblp-xml.reader";

const RECORDS = 200_000;
const RECORDS_PER_CHUNK = 500;
/** Retained heap after a full GC; keeping every record of the run would take about 270 MB. */
const HEAP_GROWTH_LIMIT_BYTES = 100 * 1024 * 1024;
const HEAP_SAMPLE_EVERY = 20_000;

/** A full GC before each heap sample, so the check measures what is retained, not garbage awaiting collection. */
function fullGc(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

function generatedRecord(i: number): string {
  return (
    `<article mdate="2024-01-01" key="journals/gen/R${i}">\n` +
    `<author>Gen Author ${i % 5000} 0001</author>\n` +
    `<author orcid="0000-0002-9834-9600">Second M&uuml;ller${i % 777}</author>\n` +
    `<title>Generated Paper Number ${i} on <i>Streaming</i> XML.</title>\n` +
    `<pages>1-10</pages>\n<year>2020</year>\n<journal>J. Gen.</journal>\n` +
    `<ee>https://doi.org/10.1000/gen.${i}</ee>\n</article>\n`
  );
}

interface GeneratedInput {
  chunks: AsyncGenerator<Buffer>;
  stats: { pulled: number; bytes: number; released: boolean };
}

/** A dblp document of `records` records, produced chunk by chunk on demand. */
function generatedDblp(records: number): GeneratedInput {
  const stats = { pulled: 0, bytes: 0, released: false };
  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      stats.pulled++;
      yield Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?>\n<!DOCTYPE dblp SYSTEM "dblp.dtd">\n<dblp>\n', "latin1");
      // One template per chunk size, stamped with the chunk number: generating must not dominate the timing.
      const template = Array.from({ length: RECORDS_PER_CHUNK }, (_, i) => generatedRecord(i).replaceAll(`R${i}"`, `R{chunk}-${i}"`)).join(
        "",
      );
      for (let start = 0; start < records; start += RECORDS_PER_CHUNK) {
        const count = Math.min(RECORDS_PER_CHUNK, records - start);
        const text = count === RECORDS_PER_CHUNK ? template : Array.from({ length: count }, (_, i) => generatedRecord(i)).join("");
        const chunk = Buffer.from(text.replaceAll("{chunk}", String(start / RECORDS_PER_CHUNK)), "latin1");
        stats.pulled++;
        stats.bytes += chunk.length;
        yield chunk;
      }
      stats.pulled++;
      yield Buffer.from("</dblp>\n", "latin1");
    } finally {
      stats.released = true;
    }
  }
  return { chunks: chunks(), stats };
}

test(`${RECORDS} generated records stream through in bounded heap`, async (t) => {
  const input = generatedDblp(RECORDS);
  const gc = fullGc();
  gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  let gcSeconds = 0;
  let records = 0;
  let authorships = 0;
  const started = process.hrtime.bigint();
  for await (const item of dblpXmlReader.read(input.chunks, "generated.xml")) {
    assert.equal(item.kind, "record");
    if (item.kind === "record") authorships += item.record.authors.length;
    if (++records % HEAP_SAMPLE_EVERY === 0) {
      const gcStarted = process.hrtime.bigint();
      gc();
      gcSeconds += Number(process.hrtime.bigint() - gcStarted) / 1e9;
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9 - gcSeconds;
  assert.equal(records, RECORDS);
  assert.equal(authorships, 2 * RECORDS);
  const growth = peak - baseline;
  const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
  t.diagnostic(
    `${RECORDS} records (${mb(input.stats.bytes)} MB) in ${seconds.toFixed(2)} s = ${Math.round(RECORDS / seconds)} records/s, ` +
      `${mb(input.stats.bytes / seconds)} MB/s (input generation included); retained heap growth ${mb(growth)} MB`,
  );
  assert.ok(growth < HEAP_GROWTH_LIMIT_BYTES, `heap grew by ${mb(growth)} MB`);
});

test("chunks are pulled only as records are consumed (backpressure), and stopping early releases the input", async () => {
  const input = generatedDblp(10 * RECORDS_PER_CHUNK);
  const reader = dblpXmlReader.read(input.chunks, "generated.xml")[Symbol.asyncIterator]();
  const first = await reader.next();
  assert.equal(first.done, false);
  assert.equal(first.value.kind, "record");
  const pulledForFirstRecord = input.stats.pulled;
  assert.ok(pulledForFirstRecord <= 2, `pulled ${pulledForFirstRecord} chunks for one record`);
  for (let i = 1; i < RECORDS_PER_CHUNK - 1; i++) await reader.next();
  assert.equal(input.stats.pulled, pulledForFirstRecord, "no new chunk while the current one still has records");
  await reader.return?.();
  assert.equal(input.stats.released, true);
  assert.ok(input.stats.pulled < 4);
});

test("one huge input chunk is read whole (saxes gets it in slices)", async () => {
  const text = `<?xml version="1.0" encoding="ISO-8859-1"?>\n<dblp>\n${Array.from({ length: 5000 }, (_, i) => generatedRecord(i)).join("")}</dblp>\n`;
  async function* oneChunk(): AsyncGenerator<Buffer> {
    yield Buffer.from(text, "latin1");
  }
  let count = 0;
  for await (const item of dblpXmlReader.read(oneChunk(), "one-chunk.xml")) if (item.kind === "record") count++;
  assert.equal(count, 5000);
});
