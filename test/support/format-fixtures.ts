import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { it } from "node:test";
import { UnparseableFileError, type CanonicalPaper, type Format, type ReadItem } from "../../import/canonical";
import { readerFor } from "../../import/formats/registry";
import { fromRoot } from "../../src/util/project-root";

/**
 * What every format test shares: fixtures under test/fixtures/<format>/, fed to the format's reader
 * in chunks of a chosen size (so line, tag and multi-byte character boundaries fall mid-chunk), and
 * compared with the `<fixture>.expected.json` beside them. UPDATE_EXPECTED=1 rewrites the expected
 * files; read the diff before committing it, since an expected file is only as right as its review.
 */

/** Input files of each format, by how their names end; the expected file replaces that ending. */
const INPUT_ENDINGS: Readonly<Record<Format, RegExp>> = {
  "acl-author-page": /\.txt$/,
  "acl-xml": /\.xml$/,
  "dblp-xml": /\.xml$/,
  bibtex: /\.bib$/,
  "csl-json": /\.csl\.jsonl?$|\.jsonl?$/,
};

export function fixturePath(format: Format, name: string): string {
  return fromRoot("test", "fixtures", format, name);
}

/** Yields `bytes` in slices of `chunkSize`, as an async source like the file streams readers get. */
export async function* chunksOf(bytes: Buffer, chunkSize: number): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < bytes.length; offset += chunkSize) yield bytes.subarray(offset, offset + chunkSize);
}

/** Everything the format's reader yields for `input`, reported under the name `file`. */
export async function readItems(format: Format, input: AsyncIterable<Buffer>, file: string): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of readerFor(format).read(input, file)) items.push(item);
  return items;
}

/** Reads test/fixtures/<format>/<name> in chunks of `chunkSize` bytes; items name the file `name`. */
export function readFixture(format: Format, name: string, chunkSize = 64 * 1024): Promise<ReadItem[]> {
  return readItems(format, chunksOf(readFileSync(fixturePath(format, name)), chunkSize), path.basename(name));
}

/** Reads inline text as a file named `file`: UTF-8 bytes in one chunk unless the options say otherwise. */
export function readText(
  format: Format,
  text: string,
  file: string,
  options: { encoding?: BufferEncoding; chunkSize?: number } = {},
): Promise<ReadItem[]> {
  const bytes = Buffer.from(text, options.encoding ?? "utf8");
  return readItems(format, chunksOf(bytes, options.chunkSize ?? Math.max(bytes.length, 1)), file);
}

/** Asserts the fixture is refused as a whole with UnparseableFileError at `line`, whose detail matches `detail`. */
export async function assertUnparseable(format: Format, name: string, line: number, detail: RegExp): Promise<UnparseableFileError> {
  let caught: unknown;
  await readFixture(format, name).catch((err: unknown) => (caught = err));
  assert.ok(caught instanceof UnparseableFileError, `${name} should be refused, got ${String(caught)}`);
  assert.equal(caught.file, name);
  assert.deepEqual(caught.location, { file: name, line });
  assert.match(caught.detail, detail);
  assert.ok(caught.message.startsWith(`${name}:${line}: cannot be parsed:`), caught.message);
  return caught;
}

export function recordsOf(items: ReadItem[]): CanonicalPaper[] {
  return items.flatMap((item) => (item.kind === "record" ? [item.record] : []));
}

/**
 * Asserts `items` equal `<fixture without its ending>.expected.json`, exactly: a field the reader sets
 * to undefined counts as a difference, so records must leave absent fields out.
 */
export function assertMatchesExpected(format: Format, fixture: string, items: ReadItem[]): void {
  const expectedPath = fixturePath(format, fixture.replace(INPUT_ENDINGS[format], ".expected.json"));
  assert.notEqual(expectedPath, fixturePath(format, fixture), `${fixture} does not end like a ${format} input file`);
  if (process.env.UPDATE_EXPECTED === "1") writeFileSync(expectedPath, `${JSON.stringify(items, null, 2)}\n`);
  assert.ok(existsSync(expectedPath), `${expectedPath} is missing: run once with UPDATE_EXPECTED=1, then read it before committing`);
  assert.deepEqual(items, JSON.parse(readFileSync(expectedPath, "utf8")));
}

/** The one-case inputs in test/fixtures/<format>/cases/, by name. */
export function caseFiles(format: Format): string[] {
  const folder = fixturePath(format, "cases");
  return readdirSync(folder)
    .filter((name) => INPUT_ENDINGS[format].test(name) && !name.endsWith(".expected.json"))
    .sort()
    .map((name) => `cases/${name}`);
}

/**
 * One test per one-case fixture of the format: the reader's items for `cases/<name>` are exactly those in
 * `cases/<name>.expected.json` (read whole, and again in 3-byte chunks). The file's name, and a comment at
 * its top where the format has comments, say what the case is about; an expected file without its input fails too.
 */
export function testEveryCase(format: Format): void {
  const cases = caseFiles(format);
  it(`has one-case fixtures, each with its expected records`, () => {
    assert.ok(cases.length > 0, `no one-case fixtures in ${fixturePath(format, "cases")}`);
    const expected = readdirSync(fixturePath(format, "cases")).filter((name) => name.endsWith(".expected.json"));
    const inputs = new Set(cases.map((name) => name.slice("cases/".length).replace(INPUT_ENDINGS[format], ".expected.json")));
    assert.deepEqual(
      expected.filter((name) => !inputs.has(name)),
      [],
      "expected files without their input: rename or remove them",
    );
  });
  for (const name of cases) {
    it(name.slice("cases/".length), async () => {
      const items = await readFixture(format, name);
      assertMatchesExpected(format, name, items);
      assert.deepEqual(
        await readFixture(format, name, 3),
        items,
        "other items in 3-byte chunks: the reader loses state at a chunk boundary",
      );
    });
  }
}

/** The helpers above bound to one format, so a test file reads `readFixture("x.bib")`. */
export function formatFixtures(format: Format) {
  return {
    fixturePath: (name: string) => fixturePath(format, name),
    readItems: (input: AsyncIterable<Buffer>, file: string) => readItems(format, input, file),
    readFixture: (name: string, chunkSize?: number) => readFixture(format, name, chunkSize),
    readText: (text: string, file: string, options?: { encoding?: BufferEncoding; chunkSize?: number }) =>
      readText(format, text, file, options),
    assertMatchesExpected: (fixture: string, items: ReadItem[]) => assertMatchesExpected(format, fixture, items),
    assertUnparseable: (name: string, line: number, detail: RegExp) => assertUnparseable(format, name, line, detail),
  };
}
