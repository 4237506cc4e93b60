import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { splitBibtexEntries } from "../../../import/formats/bibtex/entry-splitter";

/**
 * Bounded memory for BibTeX: the splitter holds one entry at a time (the TeX parser then sees
 * only that entry), so the heap stays flat while far more text than the bound streams through.
 */
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

const GROWTH_LIMIT = 16 * 1024 * 1024;
const ABSTRACT = 'A {B}ib{T}e{X} abstract with {\\\'e}scapes, "quotes" and (parentheses). '.repeat(24);

function memoryInUse(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

async function* generatedBibtex(count: number, produced: { chars: number }): AsyncGenerator<string> {
  for (let index = 0; index < count; index++) {
    const entry =
      `% entry ${index} follows\n@InProceedings{key-${index},\n  title = {Paper {${index}}},\n` +
      `  author = {Doe, Jane and {Abu Farha}, Ibrahim},\n  abstract = {${ABSTRACT}},\n  year = ${2000 + (index % 25)}\n}\n\n`;
    produced.chars += entry.length;
    yield entry;
  }
}

describe("BibTeX entry splitter: bounded memory", () => {
  it("splits ~50 MB of entries with flat heap", async () => {
    const produced = { chars: 0 };
    collectGarbage();
    const baseline = memoryInUse();
    let peak = baseline;
    let entries = 0;
    for await (const entry of splitBibtexEntries(generatedBibtex(30_000, produced), "generated.bib")) {
      assert.equal(entry.type, "inproceedings");
      entries += 1;
      if (entries % 5_000 === 0) {
        collectGarbage();
        peak = Math.max(peak, memoryInUse());
      }
    }
    assert.equal(entries, 30_000);
    assert.ok(produced.chars > 3 * GROWTH_LIMIT, `input too small to prove anything: ${produced.chars} chars`);
    assert.ok(peak - baseline < GROWTH_LIMIT, `heap grew by ${((peak - baseline) / 1048576).toFixed(1)} MB`);
  });
});
