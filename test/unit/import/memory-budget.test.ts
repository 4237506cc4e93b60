import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import os from "node:os";
import { describe, it } from "node:test";
import { bulkMemory, fullVerdict, heapVerdict, oldSpaceLimitBytes, type HeapReading } from "../../../import/bulk/memory-budget";
import { machineMemoryBytes } from "../../../src/util/memory-size";

const MIB = 2 ** 20;
const GIB = 2 ** 30;

/** 8 million records, a 4 GiB heap on a 24 GiB machine, 100 MiB for the program itself. */
const reading = (over: Partial<HeapReading>): HeapReading => ({
  done: 1_000_000,
  total: 8_000_000,
  usedBytes: 400 * MIB,
  baselineBytes: 100 * MIB,
  limitBytes: 4 * GIB,
  outsideBytes: 150 * MIB,
  machineBytes: 24 * GIB,
  ...over,
});

describe("the bulk import's heap budget", () => {
  it("lets a graph that will fit go on", () => {
    // 300 MiB of heap per million records: 2.4 GiB for eight, under 90% of 4 GiB; with 1.2 GiB of columns outside the
    // heap, about 6.3 GiB at the peak, well inside 24 GiB.
    assert.equal(heapVerdict(reading({})), null);
  });

  it("refuses as soon as the projection for the whole input is past the limit, with the heap to ask for", () => {
    // 1.4 GiB per million records: about 11.3 GiB for eight, and 1.3 times that for the CSV stage; with the columns
    // (1.5 GiB) about 16 GiB in all, which a 24 GiB machine has.
    const verdict = heapVerdict(reading({ usedBytes: 1.5 * GIB }));
    assert.ok(verdict);
    assert.match(verdict, /after 1000000 of 8000000 records it uses 1\.5 GiB, so the whole input needs about 14\.\d GiB/);
    assert.match(verdict, /Nothing was written to the database/);
    const asked = Number(/--max-old-space-size=(\d+)/.exec(verdict)?.[1]);
    assert.ok(asked >= 14.5 * 1024 && asked < 15 * 1024 && asked % 256 === 0, `asked for ${asked} MiB`);
  });

  it("does not project from the first few records, but stops before V8's own limit whatever the share read", () => {
    assert.equal(heapVerdict(reading({ done: 100_000, usedBytes: 400 * MIB })), null);
    assert.ok(heapVerdict(reading({ done: 100_000, usedBytes: 3.8 * GIB })));
  });

  it("sends a machine too small for the whole graph to the online path instead of a heap it does not have", () => {
    const verdict = heapVerdict(reading({ usedBytes: 2 * GIB, machineBytes: 16 * GIB }));
    assert.ok(verdict);
    assert.doesNotMatch(verdict, /max-old-space-size/);
    assert.match(verdict, /about 21\.\d GiB in all at its peak, and this machine has 16\.0 GiB\. Next: import without --bulk/);
  });

  it("counts the papers' columns outside the heap against the machine's memory", () => {
    // The heap fits its 4 GiB limit (2.4 GiB projected), but 1.5 GiB of columns per million records is 12 GiB for
    // eight: the heap at its 4 GiB limit and 15.6 GiB of columns (the CSV stage's room) at the peak, 19.6 GiB, past
    // 90% of a 16 GiB machine.
    const verdict = heapVerdict(reading({ outsideBytes: 1.5 * GIB, machineBytes: 16 * GIB }));
    assert.ok(verdict);
    assert.match(
      verdict,
      /will not fit in this machine's 16\.0 GiB: after 1000000 of 8000000 records it holds 400 MiB of heap and 1\.5 GiB of papers' columns/,
    );
    assert.match(verdict, /needs about 19\.6 GiB at its peak/);
    assert.match(verdict, /Nothing was written to the database\. Next: import without --bulk/);
    assert.doesNotMatch(verdict, /max-old-space-size/, "more heap would not help");
    // The same graph on a 24 GiB machine fits; on one that COAUTHOR_GRAPH_BULK_MEMORY caps, the refusal says so.
    assert.equal(heapVerdict(reading({ outsideBytes: 1.5 * GIB, machineBytes: 24 * GIB })), null);
    const capped = heapVerdict(reading({ outsideBytes: 1.5 * GIB, machineBytes: 16 * GIB, memoryChosen: true }));
    assert.match(capped ?? "", /not fit in the 16\.0 GiB that COAUTHOR_GRAPH_BULK_MEMORY allows/);
    assert.match(capped ?? "", /raise COAUTHOR_GRAPH_BULK_MEMORY if the machine has it/);
  });

  it("stops when the memory in use is already past the share, before any projection", () => {
    // 2% read (no projection yet), but 3 GiB of heap (4.5 with its growth) and 3 GiB of columns on an 8 GiB machine.
    const verdict = heapVerdict(
      reading({ done: 160_000, usedBytes: 3 * GIB, limitBytes: 16 * GIB, outsideBytes: 3 * GIB, machineBytes: 8 * GIB }),
    );
    assert.match(verdict ?? "", /will not fit in this machine's 8\.0 GiB/);
    assert.equal(
      heapVerdict(reading({ done: 160_000, usedBytes: 1 * GIB, limitBytes: 16 * GIB, outsideBytes: 1 * GIB, machineBytes: 8 * GIB })),
      null,
    );
  });

  it("before the first full collection, judges the heap in use now as it is, and projects nothing from it", () => {
    // 6 GiB in use (garbage included) and 2 GiB of columns on an 8 GiB machine: past 90% now, refused.
    const now = { done: 1_000_000, usedBytes: 6 * GIB, limitBytes: 16 * GIB, outsideBytes: 2 * GIB, machineBytes: 8 * GIB };
    assert.match(heapVerdict(reading({ ...now, heapIsLive: false })) ?? "", /will not fit in this machine's 8\.0 GiB/);
    // 4 GiB in use: 6 GiB with the columns, under 7.2; had it been the live heap, its room to grow would make it 8.
    const fits = { ...now, usedBytes: 4 * GIB };
    assert.equal(heapVerdict(reading({ ...fits, heapIsLive: false })), null);
    assert.ok(heapVerdict(reading(fits)));
    // Nor is 1.4 GiB in use at an eighth of the records projected to a heap past its limit when it is not the live heap.
    assert.equal(heapVerdict(reading({ usedBytes: 1.5 * GIB, outsideBytes: 0, heapIsLive: false })), null);
  });

  it("counts the program's own memory outside the heap with the graph's", () => {
    // 4 GiB in use and 2 GiB of columns fit 90% of 8 GiB; with a program of 1.5 GiB beside them they do not.
    const fits = {
      done: 1_000_000,
      usedBytes: 4 * GIB,
      limitBytes: 16 * GIB,
      outsideBytes: 2 * GIB,
      machineBytes: 8 * GIB,
      heapIsLive: false,
    };
    assert.equal(heapVerdict(reading(fits)), null);
    assert.match(heapVerdict(reading({ ...fits, programBytes: 1.5 * GIB })) ?? "", /\(the program itself 1\.5 GiB more\)/);
  });

  it("takes the memory it may use from COAUTHOR_GRAPH_BULK_MEMORY, else from the machine", () => {
    assert.deepEqual(bulkMemory({}), { bytes: machineMemoryBytes(), chosen: false });
    assert.deepEqual(bulkMemory({ COAUTHOR_GRAPH_BULK_MEMORY: " 8g " }), { bytes: 8 * GIB, chosen: true });
    assert.deepEqual(bulkMemory({ COAUTHOR_GRAPH_BULK_MEMORY: "1536MiB" }), { bytes: 1536 * MIB, chosen: true });
    assert.throws(
      () => bulkMemory({ COAUTHOR_GRAPH_BULK_MEMORY: "lots" }),
      /COAUTHOR_GRAPH_BULK_MEMORY=lots is not a usable memory size: give e\.g\. 8g/,
    );
    assert.throws(() => bulkMemory({ COAUTHOR_GRAPH_BULK_MEMORY: "10m" }), /at least 64m/);
    assert.ok(machineMemoryBytes() > 0 && machineMemoryBytes() <= os.totalmem());
  });

  it("judges the heap by the old generation's limit, not by V8's heap_size_limit, which counts the young generation too", () => {
    // What V8 reports in a node started with the bulk rerun's flags: its heap_size_limit holds three 32 MiB semi-spaces.
    const reported = (flags: string[]) =>
      Number(execFileSync(process.execPath, [...flags, "-p", "require('v8').getHeapStatistics().heap_size_limit"]).toString());
    assert.equal(reported(["--max-old-space-size=48", "--max-semi-space-size=32"]), 144 * MIB);
    assert.equal(oldSpaceLimitBytes(["--max-old-space-size=48", "--max-semi-space-size=32"], {}), 48 * MIB);
    // The command line wins over NODE_OPTIONS, as node applies them; V8 spells its flags with - or _.
    assert.equal(oldSpaceLimitBytes(["--max_old_space_size=64"], { NODE_OPTIONS: "--max-old-space-size=100" }), 64 * MIB);
    assert.equal(oldSpaceLimitBytes([], { NODE_OPTIONS: "--max-old-space-size=100" }), 100 * MIB);
    assert.equal(oldSpaceLimitBytes([], { NODE_OPTIONS: '"--max-old-space-size=48"' }), 48 * MIB, "quoted, as node allows");
  });
  it("with the rest handed to the online import, fills the graph as far as the memory allows instead of projecting", () => {
    // Projected, 1.5 GiB per million records will not fit a 4 GiB heap (heapVerdict refuses), but the graph as it is
    // now, with the CSV stage's room, still does: it goes on.
    const early = reading({ usedBytes: 1.5 * GIB });
    assert.ok(heapVerdict(early));
    assert.equal(fullVerdict(early), null);
    // The live heap with the CSV stage's room (1.3 times) past 90% of the limit: full, and the message says of what.
    const heapFull = fullVerdict(reading({ usedBytes: 2.9 * GIB }));
    assert.match(heapFull ?? "", /has filled this process's heap \(after 1000000 of about 8000000 records it holds 2\.9 GiB of heap/);
    assert.equal(fullVerdict(reading({ usedBytes: 2.7 * GIB })), null);
    // The memory it may use: 100 MiB of program, 1 GiB of heap (1.3 with the CSV stage, 1.95 with its room to grow) and
    // 1 GiB of columns (1.3 GiB) make 3.35 GiB, past 90% of a 3.5 GiB cap and within 90% of 4 GiB.
    const capped = { usedBytes: 1 * GIB, outsideBytes: 1 * GIB, programBytes: 100 * MIB, memoryChosen: true, limitBytes: 8 * GIB };
    assert.match(
      fullVerdict(reading({ ...capped, machineBytes: 3.5 * GIB })) ?? "",
      /has filled the 3\.5 GiB that COAUTHOR_GRAPH_BULK_MEMORY allows \(.*about 3\.3 GiB at the CSV stage's peak\)/,
    );
    assert.equal(fullVerdict(reading({ ...capped, machineBytes: 4 * GIB })), null);
  });

  it("never judges the memory below what the process holds now: the model leaves the young generation and buffers out", () => {
    // The model says 450 MiB in all now (program, heap with its room, columns), 570 with the CSV stage's room; the
    // process is resident at 900 MiB (its semi-spaces, the parser's buffers), so it needs about 1,020 MiB.
    const small = { usedBytes: 200 * MIB, outsideBytes: 100 * MIB, programBytes: 50 * MIB, memoryChosen: true, limitBytes: 8 * GIB };
    assert.equal(fullVerdict(reading({ ...small, machineBytes: 1 * GIB })), null);
    assert.match(
      fullVerdict(reading({ ...small, machineBytes: 1 * GIB, rssBytes: 900 * MIB })) ?? "",
      /about 1020 MiB at the CSV stage's peak/,
    );
    // So does the refusal's projection: the same reading at an eighth of the input needs 2,845 MiB by the model, within
    // 90% of 4 GiB; resident at 1.5 GiB, it needs 1.5 GiB and the model's 2,395 MiB of growth, past it.
    assert.equal(heapVerdict(reading({ ...small, machineBytes: 4 * GIB })), null);
    assert.match(heapVerdict(reading({ ...small, machineBytes: 4 * GIB, rssBytes: 1.5 * GIB })) ?? "", /will not fit in the 4\.0 GiB/);
  });
});
