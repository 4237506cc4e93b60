import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { UnparseableFileError } from "../../import/canonical";
import { InputError, openInput, openStdin, readHead, spoolStdin, type OpenedInput } from "../../import/input";
import { fromRoot } from "../../src/util/project-root";

const SLICE = fromRoot("test", "fixtures", "csl-json", "ml-anthology-slice.csl.jsonl");
const scratch = mkdtempSync(path.join(os.tmpdir(), "coauthor-graph-input-test-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

function scratchFile(name: string, content: Buffer | string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, content);
  return file;
}

async function allBytes(input: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of input) parts.push(chunk);
  return Buffer.concat(parts);
}

describe("openInput: files", () => {
  it("explains a missing file and what to do about it", () => {
    assert.throws(
      () => openInput(path.join(scratch, "nope.bib")),
      (error: unknown) => {
        assert.ok(error instanceof InputError);
        assert.match(error.message, /^No such file: .*nope\.bib .*Check the path, or pass - to read from standard input\./);
        return true;
      },
    );
  });

  it("refuses a folder", () => {
    assert.throws(() => openInput(scratch), InputError);
  });

  it("reads a plain file, and again from the start on a second call", async () => {
    const opened = openInput(SLICE);
    assert.equal(opened.file, SLICE);
    const expected = readFileSync(SLICE);
    assert.deepEqual(await allBytes(opened.bytes()), expected);
    assert.deepEqual(await allBytes(opened.bytes()), expected);
  });

  it("decompresses .gz files", async () => {
    const opened = openInput(`${SLICE}.gz`);
    assert.deepEqual(await allBytes(opened.bytes()), readFileSync(SLICE));
    assert.deepEqual(await allBytes(opened.bytes()), readFileSync(SLICE));
  });

  it("counts the stored bytes read, against the file's size, while it decompresses", async () => {
    const big = scratchFile("progress.bin.gz", gzipSync(randomBytes(4 << 20))); // incompressible: many chunks
    const opened = openInput(big);
    const size = readFileSync(big).length;
    assert.deepEqual(opened.sourceProgress(), { consumed: 0, size });
    let decompressed = 0;
    let consumedMidway = -1;
    for await (const chunk of opened.bytes()) {
      decompressed += chunk.length;
      if (consumedMidway < 0 && decompressed >= 1 << 20) consumedMidway = opened.sourceProgress().consumed;
    }
    assert.ok(consumedMidway > 0 && consumedMidway < size, `midway ${consumedMidway} of ${size}`);
    assert.equal(opened.sourceProgress().consumed, size);
    assert.deepEqual(openStdin(Readable.from([])).sourceProgress(), { consumed: 0, size: undefined });
  });

  it("recognises gzip by its magic bytes, whatever the name", async () => {
    const disguised = scratchFile("really-gzip.jsonl", gzipSync(readFileSync(SLICE)));
    assert.deepEqual(await allBytes(openInput(disguised).bytes()), readFileSync(SLICE));
  });

  it("reads concatenated gzip members as one stream", async () => {
    const twoMembers = scratchFile("two-members.gz", Buffer.concat([gzipSync("first\n"), gzipSync("second\n")]));
    assert.equal((await allBytes(openInput(twoMembers).bytes())).toString(), "first\nsecond\n");
  });

  it("leaves files that merely start with 0x1f alone, and reads empty files as nothing", async () => {
    const almost = Buffer.from([0x1f, 0x41, 0x42]);
    assert.deepEqual(await allBytes(openInput(scratchFile("almost.bin", almost)).bytes()), almost);
    assert.equal((await allBytes(openInput(scratchFile("empty.txt", "")).bytes())).length, 0);
  });

  it("refuses truncated gzip data as an unparseable file", async () => {
    const whole = gzipSync(readFileSync(SLICE));
    const truncated = scratchFile("truncated.jsonl.gz", whole.subarray(0, Math.floor(whole.length / 2)));
    await assert.rejects(allBytes(openInput(truncated).bytes()), (error: unknown) => {
      assert.ok(error instanceof UnparseableFileError);
      assert.match(error.message, /gzip data is corrupt or truncated/);
      return true;
    });
  });

  it("reads a decompressed head for format detection, stopping early", async () => {
    const head = await readHead(openInput(`${SLICE}.gz`), 1000);
    assert.equal(head.length, 1000);
    assert.deepEqual(head, readFileSync(SLICE).subarray(0, 1000));
    const whole = await readHead(openInput(scratchFile("short.txt", "tiny")));
    assert.equal(whole.toString(), "tiny");
  });
});

describe("openInput: standard input", () => {
  function stdinOf(content: Buffer, chunkSize: number): OpenedInput {
    const chunks: Buffer[] = [];
    for (let offset = 0; offset < content.length; offset += chunkSize) chunks.push(content.subarray(offset, offset + chunkSize));
    return openStdin(Readable.from(chunks));
  }

  it("reads once, gunzipping even when the magic bytes arrive one at a time", async () => {
    const opened = stdinOf(gzipSync("hello from stdin\n"), 1);
    assert.equal(opened.file, "<stdin>");
    assert.equal((await allBytes(opened.bytes())).toString(), "hello from stdin\n");
    assert.throws(
      () => opened.bytes(),
      (error: unknown) => error instanceof InputError && /only be read once/.test(error.message),
    );
  });

  it("maps '-' to standard input", () => {
    assert.equal(openInput("-").file, "<stdin>");
  });

  it("spools standard input to a private temporary file that openInput can read twice", async () => {
    const compressed = gzipSync(readFileSync(SLICE));
    const spooled = await spoolStdin(Readable.from([compressed.subarray(0, 100), compressed.subarray(100)]));
    try {
      assert.deepEqual(readFileSync(spooled), compressed);
      const opened = openInput(spooled);
      assert.deepEqual(await allBytes(opened.bytes()), readFileSync(SLICE));
      assert.deepEqual(await allBytes(opened.bytes()), readFileSync(SLICE));
    } finally {
      rmSync(spooled, { force: true });
    }
  });
});
