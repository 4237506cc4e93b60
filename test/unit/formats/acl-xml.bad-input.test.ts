/**
 * ACL Anthology XML bad input: a malformed paper is a rejection and its neighbours still come out; a broken
 * or hostile file is refused as a whole with UnparseableFileError, file and line, and nothing expanded.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { ReadItem } from "../../../import/canonical";
import { formatFixtures } from "../../support/format-fixtures";

const { readFixture, readText: readNamedText, assertUnparseable } = formatFixtures("acl-xml");
const readText = (text: string) => readNamedText(text, "inline.xml");

const keysOf = (items: ReadItem[]): string[] => items.map((item) => (item.kind === "record" ? item.record.sourceKey : "rejected"));

test("a paper without a title is rejected with its line; the papers around it come out", async () => {
  const items = await readFixture("bad-missing-title.xml");
  assert.deepEqual(keysOf(items), ["acl:2024.tc-1.1", "rejected", "acl:2024.tc-1.3"]);
  assert.deepEqual(items[1], {
    kind: "rejected",
    location: { file: "bad-missing-title.xml", line: 14 },
    reason: "paper 2024.tc-1.2: no title",
  });
});

test("a non-numeric volume year rejects that volume's papers; the next volume comes out", async () => {
  const items = await readFixture("bad-year.xml");
  assert.deepEqual(keysOf(items), ["rejected", "acl:2024.tc-2.1"]);
  assert.deepEqual(items[0], {
    kind: "rejected",
    location: { file: "bad-year.xml", line: 9 },
    reason: 'paper 2024.tc-1.1: volume year "MMXXIV" is not a 4-digit number',
  });
});

test("an author with neither first nor last name rejects the paper", async () => {
  const items = await readText(
    '<collection id="2024.tc"><volume id="1"><paper id="1"><title>T</title><author><first> </first></author></paper></volume></collection>',
  );
  assert.deepEqual(items, [
    { kind: "rejected", location: { file: "inline.xml", line: 1 }, reason: "paper 2024.tc-1.1: author 1 has neither <first> nor <last>" },
  ]);
});

test("truncated XML is refused with file and line", async () => {
  await assertUnparseable("bad-truncated.xml", 15, /unclosed tag: title/);
});

test("mismatched tags are refused with file and line", async () => {
  await assertUnparseable("bad-mismatched.xml", 16, /unexpected close tag/);
});

test("a file that is not XML at all, or another XML format, is refused", async () => {
  await assertUnparseable("bad-not-xml.xml", 2, /text data outside of root node/);
  await assert.rejects(readText('<?xml version="1.0"?>\n<dblp></dblp>'), /root element is <dblp>, expected <collection>/);
});

test("HTML-style entities are not XML's and are refused, not passed through", async () => {
  await assertUnparseable("bad-unknown-entity.xml", 10, /unknown entity &eacute;/);
});

test("billion laughs: the internal DTD subset is refused before anything is expanded", async () => {
  const error = await assertUnparseable("bad-entity-bomb.xml", 13, /internal subset/);
  assert.ok(!error.message.includes("lol"));
});

test("external entities are refused, nothing is read from them", async () => {
  const error = await assertUnparseable("bad-external-entity.xml", 4, /internal subset/);
  assert.ok(!/root:/.test(error.message));
  await assert.rejects(readText('<!DOCTYPE collection SYSTEM "file:///etc/passwd">\n<collection id="x"/>'), /external DTD/);
});
