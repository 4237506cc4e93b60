import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { joinSummaries } from "../../../import/bulk/bulk-import";
import { emptyFileSummary, type FileImportSummary, type ImportSummary } from "../../../import/import-runner";
import { formatImportSummary } from "../../../import/summary-report";
import { emptyWriteCounts } from "../../../import/writer/graph-writer";

/** An imported file's summary (emptyFileSummary is the failed one, before anything is read). */
function file(name: string, over: Partial<FileImportSummary>): FileImportSummary {
  return {
    ...emptyFileSummary(name),
    format: "dblp-xml",
    status: "imported",
    seconds: 1,
    stageSeconds: { check: 0, write: 1, names: 0, pairs: 0 },
    ...over,
  };
}

describe("a bulk load split by its memory budget, in the summary", () => {
  // The bulk part: a.xml whole, then b.xml up to record 120 (its read count overshoots: the reader reads ahead).
  const bulk: ImportSummary = {
    ok: true,
    files: [
      file("a.xml", { read: 50, runId: "run-a", writes: { ...emptyWriteCounts(), papersCreated: 50, authorshipsWritten: 90 } }),
      file("b.xml", {
        read: 140,
        runId: "run-b1",
        handedOff: { records: 120, reason: "filled" },
        writes: { ...emptyWriteCounts(), papersCreated: 120, authorshipsWritten: 300 },
        coauthorPairs: { created: 400, added: 0, recomputed: 0 },
      }),
    ],
    handOff: { paths: ["b.xml", "c.xml"], records: 120, reason: "filled" },
  };
  // The online part: b.xml from record 121 (its check pass read all of it, rejections included), then c.xml.
  const online: ImportSummary = {
    ok: true,
    files: [
      file("b.xml", {
        read: 200,
        rejected: 2,
        rejections: [{ file: "b.xml", line: 9, reason: "no title" }],
        runId: "run-b2",
        skippedRecords: 120,
        seconds: 4,
        writes: { ...emptyWriteCounts(), papersCreated: 70, papersUpdated: 8, authorshipsWritten: 210 },
        coauthorPairs: { created: 30, added: 55, recomputed: 0 },
      }),
      file("c.xml", { read: 10, runId: "run-c", writes: { ...emptyWriteCounts(), papersCreated: 10 } }),
    ],
  };

  it("gives the split file once: what its whole file read and rejected, both parts' writes added up, both runs", () => {
    const joined = joinSummaries(bulk, online);
    assert.deepEqual(
      joined.files.map((f) => f.file),
      ["a.xml", "b.xml", "c.xml"],
    );
    assert.equal(joined.ok, true);
    const b = joined.files[1];
    assert.equal(b.read, 200);
    assert.equal(b.rejected, 2);
    assert.equal(b.rejections.length, 1);
    assert.equal(b.writes.papersCreated, 190);
    assert.equal(b.writes.papersUpdated, 8);
    assert.equal(b.writes.authorshipsWritten, 510);
    assert.deepEqual(b.coauthorPairs, { created: 430, added: 55, recomputed: 0 });
    assert.equal(b.seconds, 5);
    assert.equal(b.stageSeconds.write, 2);
    assert.equal(b.runId, "run-b2");
    assert.deepEqual(b.bulkPart, { runId: "run-b1", records: 120 });
    assert.equal(b.skippedRecords, undefined);
    assert.equal(b.handedOff, undefined);
    const text = formatImportSummary(joined);
    assert.match(text, /split:\s+records 1–120 bulk-loaded \(import run run-b1\), the rest online \(the run above\)/);
    assert.match(text, /b\.xml \(dblp-xml\)[^\n]*\n\s+import run: run-b2/);
  });

  it("is not ok when the online part failed", () => {
    const failed = {
      ...online,
      ok: false,
      files: [{ ...online.files[0], status: "failed" as const, error: "Interrupted" }, online.files[1]],
    };
    const joined = joinSummaries(bulk, failed);
    assert.equal(joined.ok, false);
    assert.equal(joined.files[1].status, "failed");
    assert.equal(joined.files[1].error, "Interrupted");
  });
});
