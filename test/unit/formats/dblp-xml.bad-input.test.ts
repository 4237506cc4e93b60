/**
 * DBLP XML bad input: a malformed record is a rejection and its neighbours still come out; a broken or
 * hostile file is refused as a whole with UnparseableFileError, file and line, and nothing expanded.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { UnparseableFileError, type ReadItem } from "../../../import/canonical";
import { MAX_RECORD_CHARS } from "../../../import/formats/xml-stream";
import { chunksOf, formatFixtures } from "../../support/format-fixtures";

const { readFixture, readItems, readText: readNamedText, assertUnparseable } = formatFixtures("dblp-xml");
const readText = (text: string, file = "inline.xml") => readNamedText(text, file, { encoding: "latin1" });

const keysOf = (items: ReadItem[]): string[] => items.map((item) => (item.kind === "record" ? item.record.sourceKey : "rejected"));

test("a record without a title is rejected with its line; the records around it come out", async () => {
  const items = await readFixture("bad-missing-title.xml");
  assert.deepEqual(keysOf(items), ["dblp:journals/t/A20", "rejected", "dblp:journals/t/C20"]);
  assert.deepEqual(items[1], {
    kind: "rejected",
    location: { file: "bad-missing-title.xml", line: 10 },
    reason: "journals/t/NoTitle20: no title",
  });
});

test("a non-numeric year is rejected; the records around it come out", async () => {
  const items = await readFixture("bad-year.xml");
  assert.deepEqual(keysOf(items), ["dblp:journals/t/A20", "rejected", "dblp:journals/t/C20"]);
  assert.deepEqual(items[1], {
    kind: "rejected",
    location: { file: "bad-year.xml", line: 10 },
    reason: 'journals/t/Roman20: year "MMXX" is not a 4-digit number',
  });
});

test("other malformed records: no key, unknown kind, empty author; www pages are skipped silently", async () => {
  const items = await readText(
    '<?xml version="1.0" encoding="ISO-8859-1"?>\n<dblp>\n' +
      "<article><title>No Key.</title></article>\n" +
      '<poster key="x/y/Z"><title>What.</title></poster>\n' +
      '<article key="journals/t/E20"><author> </author><title>Empty Author.</title></article>\n' +
      '<www key="homepages/a/B"><author>Ann Lee</author><title>Home Page</title></www>\n' +
      '<article key="journals/t/Ok20"><title>Fine.</title></article>\n</dblp>\n',
  );
  assert.deepEqual(
    items.map((item) => (item.kind === "rejected" ? `${item.location.line}: ${item.reason}` : item.record.sourceKey)),
    [
      "3: <article> has no key attribute",
      "4: unknown dblp record kind <poster>",
      "5: journals/t/E20: author 1 is empty",
      "dblp:journals/t/Ok20",
    ],
  );
});

test("a record over the size cap is rejected without being kept; the records around it come out", async () => {
  const items = await readText(
    '<?xml version="1.0" encoding="ISO-8859-1"?>\n<dblp>\n<article key="journals/t/A20"><title>Fine.</title></article>\n' +
      `<article key="journals/t/Huge20">\n<title>Huge.</title>\n${"<author>Ann Lee</author>\n".repeat(MAX_RECORD_CHARS / 20)}</article>\n` +
      '<article key="journals/t/C20"><title>Fine.</title></article>\n</dblp>\n',
  );
  assert.deepEqual(keysOf(items), ["dblp:journals/t/A20", "rejected", "dblp:journals/t/C20"]);
  assert.deepEqual(items[1], {
    kind: "rejected",
    location: { file: "inline.xml", line: 4 },
    reason: `<article key="journals/t/Huge20"> is larger than ${MAX_RECORD_CHARS} characters`,
  });
});

test("truncated XML is refused with file and line", async () => {
  await assertUnparseable("bad-truncated.xml", 11, /unclosed tag: author/);
});

test("mismatched tags are refused with file and line", async () => {
  await assertUnparseable("bad-mismatched.xml", 12, /unexpected close tag/);
});

test("a file that is not XML at all is refused", async () => {
  await assertUnparseable("bad-not-xml.xml", 6, /text data outside of root node/);
  await assert.rejects(readText(""), UnparseableFileError);
  await assert.rejects(readText('<?xml version="1.0"?>\n<collection id="2024.x"/>\n'), /root element is <collection>, expected <dblp>/);
});

test("an entity the pinned DTD does not declare is refused, not passed through", async () => {
  await assertUnparseable("bad-unknown-entity.xml", 12, /unknown entity &madeup;/);
});

test("billion laughs: the internal DTD subset is refused before anything is expanded", async () => {
  const started = Date.now();
  const error = await assertUnparseable("bad-entity-bomb.xml", 13, /internal subset/);
  assert.ok(!error.message.includes("lol"), "nothing from the entities in the message");
  assert.ok(Date.now() - started < 1000);
});

test("external entities and external DTDs are refused, nothing is read from them", async () => {
  const xxe = await assertUnparseable("bad-external-entity.xml", 4, /internal subset/);
  const dtd = await assertUnparseable("bad-external-dtd.xml", 2, /external DTD "file:\/\/\/etc\/passwd", which is never loaded/);
  for (const error of [xxe, dtd]) assert.ok(!/root:/.test(error.message));
});

test("bytes that contradict the declared encoding are refused with the line of the bad byte", async () => {
  await assertUnparseable("bad-wrong-encoding.xml", 10, /not valid UTF-8/);
  await assert.rejects(readText('<?xml version="1.0" encoding="EBCDIC-US"?><dblp/>'), /unsupported encoding "EBCDIC-US"/);
});

test("UTF-8 dblp files and files without a DOCTYPE read the same entities", async () => {
  const utf8 = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?>\n<dblp><article key="journals/t/U20"><author>Jürgen M&uuml;ller</author><title>Ü.</title></article></dblp>',
    "utf8",
  );
  const items = await readItems(chunksOf(utf8, utf8.length), "utf8.xml");
  assert.equal(items.length, 1);
  assert.ok(items[0].kind === "record");
  assert.equal(items[0].record.authors[0].name, "Jürgen Müller");
  assert.equal(items[0].record.title, "Ü");
});
