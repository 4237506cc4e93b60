import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { PaperPayloads, type PaperPayload } from "../../../import/bulk/paper-payloads";

const payload = (i: number, over: Partial<PaperPayload> = {}): PaperPayload => ({
  titleKey: i % 4 === 0 ? null : `title ${i} ünïcödé quotes|${1990 + (i % 30)}`,
  title: `Title ${i}: Ünïcödé, "quotes", a \u{1F600}, a line\nbreak`,
  url: i % 3 === 0 ? null : `https://example.org/${i}`,
  abstract: i % 2 === 0 ? null : `Abstract ${i} `.repeat(i % 50),
  pages: i % 5 === 0 ? null : `${i}-${i + 9}`,
  sourceKeys: i % 7 === 0 ? [] : [`dblp:journals/x/${i}`, ...(i % 11 === 0 ? [`bibtex:k${i}`] : [])],
  ...over,
});

describe("the bulk import's paper payloads on disk", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "payloads-"));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("gives back every payload exactly, in any order, across many write buffers and reads between writes", () => {
    const store = new PaperPayloads(dir);
    try {
      const handles: number[] = [];
      // About 120k records of 60–700 bytes: several 4 MiB write buffers, so most reads come from the file.
      for (let i = 0; i < 120_000; i++) {
        handles.push(store.add(payload(i)));
        if (i % 9_973 === 0) assert.deepEqual(store.get(handles[i >> 1]), payload(i >> 1), `read back ${i >> 1} while writing`);
      }
      assert.ok(store.bytes > 3 * (4 << 20), `${store.bytes} bytes written`);
      for (let i = 0; i < handles.length; i++) assert.deepEqual(store.get(handles[i]), payload(i));
      for (let i = handles.length - 1; i >= 0; i -= 7) assert.deepEqual(store.get(handles[i]), payload(i));
      // peek: one record anywhere (in the file, in the write buffer), between sequential reads it must not disturb.
      for (let i = 0; i < handles.length; i += 1_001) {
        const far = (i * 7_919) % handles.length;
        assert.deepEqual(store.peek(handles[far]), payload(far), `peek ${far}`);
        assert.deepEqual(store.get(handles[i]), payload(i), `get ${i} after a peek`);
      }
      assert.deepEqual(store.peek(handles[handles.length - 1]), payload(handles.length - 1), "peek into the write buffer");
      assert.ok(
        handles.every((h) => Number.isInteger(h)),
        "handles are integers",
      );
    } finally {
      store.close();
    }
  });

  it("keeps lone surrogates, empty strings and a record larger than its buffers", () => {
    const store = new PaperPayloads(dir);
    try {
      const odd = payload(1, { title: "a lone \uD800 surrogate and \uDFFF another", url: "", pages: "" });
      const huge = payload(2, { abstract: "é".repeat(3 << 20) }); // 6 MiB of UTF-8
      const handles = [store.add(odd), store.add(huge), store.add(payload(3))];
      assert.deepEqual(store.get(handles[0]), odd);
      assert.deepEqual(store.get(handles[1]), huge);
      assert.deepEqual(store.get(handles[2]), payload(3));
      store.add(payload(4, { abstract: "x".repeat(5 << 20) })); // flushes what was buffered
      assert.deepEqual(store.get(handles[2]), payload(3));
      assert.deepEqual(store.get(handles[1]), huge);
      assert.deepEqual(store.peek(handles[1]), huge, "peek of a record longer than its first read");
      assert.deepEqual(store.peek(handles[0]), odd);
    } finally {
      store.close();
    }
  });

  it("leaves no file behind, even before it is closed", () => {
    const store = new PaperPayloads(dir);
    store.add(payload(5));
    assert.deepEqual(readdirSync(dir), []);
    store.close();
    store.close();
    assert.deepEqual(readdirSync(dir), []);
  });
});
