import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { importInto } from "../../../import/import-runner";
import { MemoryGraph } from "../../../import/bulk/memory-graph";
import { fromRoot } from "../../../src/util/project-root";

const GOOD = JSON.stringify({
  id: "a1",
  type: "paper-conference",
  title: "A paper",
  author: [{ family: "Lovelace", given: "Ada" }],
  issued: { "date-parts": [[2020]] },
});
const BAD = JSON.stringify({ id: "b1", type: "paper-conference", author: [{ family: "Babbage", given: "Charles" }] });

/*
 * The one-pass path of `import --bulk` (the in-memory graph; no check pass) refuses a file none of whose records
 * could be read only once it has read all of it: the whole bulk load then writes nothing, like a file that cannot be
 * parsed. The online path's refusal, before any write, is in test/integration/import/identity.test.ts.
 */
describe("a file whose records are all rejected", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "unreadable-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, lines: string[]) => {
    const at = path.join(dir, name);
    writeFileSync(at, lines.map((l) => `${l}\n`).join(""));
    return at;
  };

  it("is refused by the bulk path's one pass, says why and what to do, and stops the files after it", async () => {
    const graph = new MemoryGraph();
    const snapshot = fromRoot("test", "fixtures", "identity", "heap-snapshot.csl.jsonl");
    const summary = await importInto(graph, [snapshot, file("good.csl.jsonl", [GOOD])]);
    graph.release();
    assert.equal(summary.ok, false);
    assert.equal(summary.files.length, 1, "a bulk load stops at the refused file: it writes every file or none");
    const [refused] = summary.files;
    assert.equal(refused.status, "failed");
    assert.deepEqual([refused.read, refused.rejected], [3, 3]);
    assert.match(refused.error ?? "", /none of its 3 records could be read as csl-json \(the first, line 1: missing title\)/);
    assert.match(refused.error ?? "", /pass --format if detection guessed wrong/);
  });

  it("says so of a file with a single record too", async () => {
    const graph = new MemoryGraph();
    const summary = await importInto(graph, [file("one.csl.jsonl", [BAD])]);
    graph.release();
    assert.match(summary.files[0].error ?? "", /its only record could not be read as csl-json/);
  });

  it("refuses a file with text but no record: notes named .bib, or CSL-JSON read as BibTeX", async () => {
    const notes = path.join(dir, "notes.bib");
    writeFileSync(notes, "Things to read next week:\n- the dblp paper\n");
    const csl = file("records.csl.jsonl", [GOOD]);
    for (const [at, format] of [
      [notes, undefined],
      [csl, "bibtex"],
    ] as const) {
      const graph = new MemoryGraph();
      const summary = await importInto(graph, [at], format ? { format } : {});
      graph.release();
      assert.equal(summary.ok, false, at);
      assert.match(summary.files[0].error ?? "", /it is not empty, but holds no BibTeX entry, not one "@" \(it begins "/);
      assert.match(summary.files[0].error ?? "", /pass --format if detection guessed wrong/);
    }
  });

  it("imports a file that is valid and empty: a CSL-JSON [], BibTeX of only @string and @comment", async () => {
    const graph = new MemoryGraph();
    const emptyArray = path.join(dir, "zotero.json");
    writeFileSync(emptyArray, "[]\n");
    const macros = path.join(dir, "abbrev.bib");
    writeFileSync(macros, '@string{icml = "International Conference on Machine Learning"}\n@comment{jabref-meta: databaseType:bibtex;}\n');
    const summary = await importInto(graph, [emptyArray, macros]);
    graph.release();
    assert.deepEqual(
      summary.files.map((f) => [f.status, f.read, f.error]),
      [
        ["imported", 0, undefined],
        ["imported", 0, undefined],
      ],
    );
  });

  it("is not what a file with some readable records or an empty file is: those are imported", async () => {
    const graph = new MemoryGraph();
    const summary = await importInto(graph, [file("mixed.csl.jsonl", [BAD, GOOD, BAD]), file("empty.csl.jsonl", [])]);
    assert.deepEqual(
      summary.files.map((f) => [f.status, f.read, f.rejected]),
      [
        ["imported", 3, 2],
        ["imported", 0, 0],
      ],
    );
    assert.equal(summary.ok, true);
    assert.equal(graph.paperTable.size, 1);
    assert.equal(graph.payloadOf(0).title, "A paper");
    graph.release();
  });
});
