import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { UnparseableFileError } from "../../../import/canonical";
import { readLines } from "../../../import/formats/line-stream";

async function* chunks(...parts: Buffer[]): AsyncGenerator<Buffer> {
  for (const part of parts) yield part;
}

async function lines(...parts: Buffer[]): Promise<string[]> {
  const out: string[] = [];
  for await (const { text } of readLines(chunks(...parts), "refs.bib")) out.push(text);
  return out;
}

describe("text input is UTF-8, or refused", () => {
  it("reassembles characters split across chunks, drops a byte-order mark, keeps a U+FFFD the file itself holds", async () => {
    const bytes = Buffer.from("\uFEFFJosé García\nrésumé � ok\n", "utf8");
    const cut = bytes.indexOf(0xa9); // inside é's two bytes
    assert.deepEqual(await lines(bytes.subarray(0, cut), bytes.subarray(cut)), ["José García", "résumé � ok"]);
  });

  it("refuses Latin-1 bytes, naming the line and how to re-encode", async () => {
    const latin1 = Buffer.concat([
      Buffer.from("@article{a,\n  title={Plain},\n", "utf8"),
      Buffer.from("  author={José García}\n}\n", "latin1"),
    ]);
    for (const parts of [[latin1], [latin1.subarray(0, 20), latin1.subarray(20)]]) {
      await assert.rejects(lines(...parts), (error: unknown) => {
        assert.ok(error instanceof UnparseableFileError);
        assert.match(error.message, /^refs\.bib:3: cannot be parsed: line 3 holds bytes that are not UTF-8/);
        assert.match(error.message, /iconv -f windows-1252 -t utf-8/);
        return true;
      });
    }
  });

  it("names the right line when the bad byte follows a character split across chunks", async () => {
    const bytes = Buffer.concat([Buffer.from("a\nb\nc\nd\né", "utf8"), Buffer.from("\n\xff\n", "latin1")]);
    const cut = bytes.indexOf(0xa9); // é's second byte opens the next chunk
    await assert.rejects(lines(bytes.subarray(0, cut), bytes.subarray(cut)), /line 6 holds bytes that are not UTF-8/);
    // An encoded surrogate (ED A0 80) is not UTF-8 either.
    await assert.rejects(lines(Buffer.from("ok\n"), Buffer.from([0x61, 0xed, 0xa0, 0x80, 0x0a])), /line 2 holds bytes/);
  });

  it("refuses a file that ends inside a character", async () => {
    await assert.rejects(lines(Buffer.from("ok\n"), Buffer.from([0xc3])), /line 2 holds bytes that are not UTF-8/);
  });
});
