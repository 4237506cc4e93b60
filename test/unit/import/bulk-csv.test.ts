import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { writeBulkCsv } from "../../../import/bulk/bulk-csv";
import { MemoryGraph } from "../../../import/bulk/memory-graph";
import { importInto } from "../../../import/import-runner";
import { bulkCsvSnapshot } from "../../support/bulk-csv-graph";

/** CSL-JSON lines, one paper each, with the abstracts given. */
function papers(abstracts: string[]): string {
  return abstracts
    .map((abstract, i) =>
      JSON.stringify({
        id: `p${i}`,
        type: "article-journal",
        title: `Paper number ${i} on "quoted" words`,
        abstract,
        author: [
          { given: "Ada", family: `Quote"d ${i}` },
          { given: "Grace", family: "Hopper" },
        ],
        issued: { "date-parts": [[2000 + (i % 20)]] },
        "container-title": "Test Journal",
      }),
    )
    .join("\n");
}

/**
 * The CSVs of a graph of these papers, with `abstracts[i]` put on paper i in the graph itself: the readers collapse
 * whitespace, so no line break reaches the graph through them today, but the writer must not depend on that.
 */
async function csvOf(dir: string, abstracts: string[]) {
  const file = path.join(dir, `in-${abstracts.length}.jsonl`);
  writeFileSync(file, papers(abstracts.map((_, i) => `Abstract ${i}`)));
  const graph = new MemoryGraph();
  const summary = await importInto(graph, [file]);
  assert.equal(summary.ok, true, summary.files.map((f) => f.error).join("\n"));
  const handles = Array.from({ length: graph.paperTable.size }, (_, paper) => paper);
  const byTitle = new Map(handles.map((p) => [graph.payloadOf(p).title, p]));
  abstracts.forEach((abstract, i) => graph.changePayload(byTitle.get(`Paper number ${i} on "quoted" words`)!, { abstract }));
  try {
    return writeBulkCsv(graph, path.join(dir, `csv-${Math.random().toString(36).slice(2)}`));
  } finally {
    graph.release();
  }
}

describe("the bulk CSV writer", () => {
  it("asks neo4j-admin for multi-line fields exactly when a field holds a line break, wherever it falls", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bulk-csv-"));
    try {
      // Many rows, so that the field with the break is written in a later chunk than the first.
      const plain = Array.from({ length: 3000 }, (_, i) => `An abstract of ${"words ".repeat(i % 40)}number ${i}.`);
      const flat = await csvOf(dir, plain);
      assert.equal(flat.multiline, false);

      for (const lineBreak of ["\n", "\r\n", "\r"]) {
        const broken = [...plain.slice(0, 2500), `First line${lineBreak}second line`, ...plain.slice(2500, 2999)];
        const csv = await csvOf(dir, broken);
        assert.equal(csv.multiline, true, JSON.stringify(lineBreak));
        // Read back as neo4j-admin reads quoted fields: the break, the quotes and every row survive.
        const snapshot = bulkCsvSnapshot(csv).join("\n");
        assert.ok(snapshot.includes(JSON.stringify(`First line${lineBreak}second line`)), JSON.stringify(lineBreak));
        assert.ok(snapshot.includes(JSON.stringify('Paper number 2500 on "quoted" words')));
        assert.equal(csv.rows.papers, 3000);
        const lines = readFileSync(csv.nodes.find((n) => n.label === "Paper")!.file, "utf8").split("\n").length;
        assert.equal(lines, 3000 + 1 + (lineBreak.includes("\n") ? 1 : 0) + 1, "header, rows, the break, and the last newline");
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
