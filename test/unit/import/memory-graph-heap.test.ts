/**
 * What `import --bulk`'s in-memory graph keeps alive, measured after full collections on generated dblp files:
 * not the parser's input (titles and names are substrings of the read chunks, and a kept substring can keep its whole
 * chunk), and no spare room in its edge lists. Heap is a deterministic quantity here (same input, same graph), so
 * these are bounds on bytes, not timings.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { detached } from "../../../import/bulk/detached";
import { MemoryGraph } from "../../../import/bulk/memory-graph";
import { importInto } from "../../../import/import-runner";

const RECORDS = 10_000;

function fullGc(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

/** A dblp record with a three-author byline from a pool, and `citeLines` <cite> lines the reader skips. */
function record(i: number, citeLines: number): string {
  const authors = [i % 3001, (i * 7) % 3001, (i * 13 + 5) % 3001].map((a) => `<author>Generated Person${a} Surname${a % 97}</author>`);
  const cites = Array.from({ length: citeLines }, (_, c) => `<cite>journals/cited/Ref${i}x${c}-padding-padding</cite>`);
  return (
    `<article mdate="2024-01-01" key="journals/gen/R${i}">\n${[...new Set(authors)].join("\n")}\n` +
    `<title>A generated title number ${i} about bounded memory and the strings that keep their chunks.</title>\n` +
    `<pages>${i}-${i + 9}</pages>\n<year>${1990 + (i % 30)}</year>\n<journal>J. Gen. ${i % 50}</journal>\n` +
    `<ee>https://doi.org/10.1000/gen.${i}</ee>\n<url>db/journals/gen/gen${i % 50}.html#R${i}</url>\n${cites.join("\n")}\n</article>\n`
  );
}

/** Writes the file, reads it into a MemoryGraph and returns the heap the graph keeps, with the file's size. */
async function retainedHeap(dir: string, citeLines: number): Promise<{ fileBytes: number; graphBytes: number; papers: number }> {
  const text = `<?xml version="1.0" encoding="ISO-8859-1"?>\n<dblp>\n${Array.from({ length: RECORDS }, (_, i) => record(i, citeLines)).join("")}</dblp>\n`;
  const file = path.join(dir, `gen-${citeLines}.xml`);
  writeFileSync(file, text, "latin1");
  // A first import of the same file loads the readers and leaves their optimised code behind (about a megabyte),
  // so that the measured one grows by the graph alone.
  // Twice: after one, the measured import still left up to 2.6 MB of newly compiled code in some runs (700 bytes a
  // record measured instead of about 440, in one CI run of five).
  for (let round = 0; round < 2; round++) {
    const warmUp = new MemoryGraph();
    await importInto(warmUp, [file]);
    warmUp.release();
  }
  const gc = fullGc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const graph = new MemoryGraph();
  const summary = await importInto(graph, [file]);
  assert.equal(summary.ok, true, summary.files.map((f) => f.error).join("\n"));
  gc();
  // The papers' columns are typed arrays, outside the collected heap: counted with it.
  const graphBytes = process.memoryUsage().heapUsed - before + graph.columnBytes;
  graph.release();
  return { fileBytes: Buffer.byteLength(text, "latin1"), graphBytes, papers: graph.paperTable.size };
}

describe("import --bulk: the in-memory graph's heap", () => {
  it("a detached string has the same text (short strings and lone surrogates are kept as they are)", () => {
    const chunk = "x".repeat(40) + "Ünïcödé title with a \u{1F600} in it" + "y".repeat(40);
    const slice = chunk.slice(40, 75);
    assert.equal(detached(slice), slice);
    assert.equal(detached("short"), "short");
    const lone = "a lone surrogate \uD800 stays as it is";
    assert.equal(detached(lone), lone);
  });

  it("keeps none of the input's text it does not hold (skipped elements cost nothing)", async (t) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "cg-heap-"));
    try {
      const lean = await retainedHeap(dir, 0);
      const padded = await retainedHeap(dir, 40);
      assert.equal(padded.papers, RECORDS);
      const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
      t.diagnostic(
        `graph of ${RECORDS} records: ${mib(lean.graphBytes)} MiB from ${mib(lean.fileBytes)} MiB of XML; ` +
          `${mib(padded.graphBytes)} MiB from ${mib(padded.fileBytes)} MiB with skipped <cite> lines`,
      );
      // The same papers, authors and edges: the 2 KB of skipped text per record must not change what is kept.
      assert.ok(
        padded.graphBytes < lean.graphBytes + 0.1 * (padded.fileBytes - lean.fileBytes),
        `the graph kept ${mib(padded.graphBytes - lean.graphBytes)} MiB more when the input had ${mib(padded.fileBytes - lean.fileBytes)} MiB of skipped text`,
      );
      assert.ok(lean.graphBytes / RECORDS < PER_RECORD_BYTES, `${Math.round(lean.graphBytes / RECORDS)} bytes a record`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * This test's records take about 270–330 bytes each, heap and columns (the same with the skipped text): the papers are
 * columns of typed arrays and the indexes by id, titleKey and nameKey hold no strings (paper-table.ts, handle-index.ts;
 * the columns' spare room and the first 512 KiB chunk of bylines are most of the spread); with papers as objects and
 * Maps by id, about 440; with the titleKeys in the heap and an empty alias list per author, about 560; with the rest of
 * the payloads too, about 800; with the edge lists left as pushes grew them, about 940; with the strings left as slices
 * of the read chunks, far more.
 */
const PER_RECORD_BYTES = 400;
