/**
 * DBLP XML reader against fixture files paired with their expected canonical records
 * (`<fixture>.expected.json`). Regenerate those with UPDATE_EXPECTED=1 only after reading the diff.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseDtdEntities, pinnedDblpEntities } from "../../../import/formats/dblp-xml/dtd-entities";
import type { ReadItem } from "../../../import/canonical";
import { formatFixtures, recordsOf as papersOf } from "../../support/format-fixtures";

const { readFixture, assertMatchesExpected: matchesExpected } = formatFixtures("dblp-xml");

async function assertMatchesExpected(name: string): Promise<ReadItem[]> {
  const items = await readFixture(name);
  matchesExpected(name, items);
  return items;
}

test("dblp-head.xml gives exactly its expected canonical records", async () => {
  const items = await assertMatchesExpected("dblp-head.xml");
  assert.equal(items.length, 131);
  assert.ok(items.every((item) => item.kind === "record"));
  assert.equal(
    papersOf(items).reduce((sum, paper) => sum + paper.authors.length, 0),
    73,
    "73 authorships, as the data README says",
  );
});

test("dblp-head.xml: homonym numbers, orcid, decoded entities, dblp's trailing period", async () => {
  const papers = papersOf(await readFixture("dblp-head.xml"));
  const authors = papers.flatMap((paper) => paper.authors);

  const singh = authors.find((author) => author.key?.value === "Manish Singh 0001");
  assert.deepEqual(singh, { name: "Manish Singh", key: { scheme: "dblp", value: "Manish Singh 0001" }, numbered: true });
  const wong = authors.find((author) => author.name === "Tien-Tsin Wong");
  assert.deepEqual(wong, { name: "Tien-Tsin Wong", key: { scheme: "dblp", value: "Tien-Tsin Wong" }, numbered: false });
  assert.equal(authors.find((author) => author.name === "Sylvia C. Pont")?.orcid, "0000-0002-9834-9600");
  assert.equal(authors.filter((author) => author.orcid).length, 4);

  const names = new Set(authors.map((author) => author.name));
  for (const decoded of ["Jürgen Beyerer", "Matti Pietikäinen", "François Chaumette"]) assert.ok(names.has(decoded), decoded);
  assert.ok(![...names].some((name) => name.includes("&")), "no entity left undecoded");

  const curvedness = papers[0];
  assert.equal(curvedness.title, "Curvedness");
  assert.equal(curvedness.sourceKey, "dblp:reference/vision/X14bd");
  assert.equal(curvedness.doi, "10.1007/978-0-387-31439-6_100117");
  assert.deepEqual(curvedness.venue, { name: "Computer Vision, A Reference Guide", kind: "other" });
  assert.deepEqual(curvedness.location, { file: "dblp-head.xml", line: 4 });
});

test("the records do not depend on how the bytes are chunked", async () => {
  const whole = await readFixture("record-kinds.xml");
  for (const chunkBytes of [1, 7, 61])
    assert.deepEqual(await readFixture("record-kinds.xml", chunkBytes), whole, `${chunkBytes}-byte chunks`);
});

test("record-kinds.xml (ISO-8859-1 bytes, every record kind) gives its expected canonical records", async () => {
  const papers = papersOf(await assertMatchesExpected("record-kinds.xml"));
  const byKey = new Map(papers.map((paper) => [paper.sourceKey, paper]));

  assert.equal(papers.length, 11, "13 records minus the www person page and the proceedings volume");
  assert.ok(!byKey.has("dblp:homepages/s/ManishSingh1"));

  const article = byKey.get("dblp:journals/jmlr/MullerJ23")!;
  assert.equal(article.title, "Is Attention All You Need?", "markup stripped, '?' kept");
  assert.equal(article.authors[0].name, "Klaus-Robert Müller", "raw ISO-8859-1 byte decoded");
  assert.equal(article.authors[0].orcid, "0000-0001-2345-678X");
  assert.deepEqual(article.authors[1].key, { scheme: "dblp", value: "José García 0002" });
  assert.equal(article.doi, "10.5555/jmlr.2023.0001", "DOI from the doi.org <ee>, not the first <ee>");
  assert.equal(article.url, "https://jmlr.org/papers/v24/mueller23a.html");
  assert.deepEqual(article.venue, { name: "J. Mach. Learn. Res.", acronym: "jmlr", kind: "journal" });

  assert.equal(byKey.get("dblp:conf/icml/Singh0122")!.title, "H2O: Heavy-Hitter Oracle×2");
  assert.deepEqual(byKey.get("dblp:conf/eccv/Lee22")!.venue, { name: "ECCV", acronym: "eccv", kind: "conference" });
  assert.equal(byKey.get("dblp:conf/eccv/Lee22")!.url, "https://dblp.org/rec/conf/eccv/Lee22");
  assert.deepEqual(byKey.get("dblp:conf/acl/Wong21")!.venue, { name: "BioNLP@ACL", kind: "workshop" });
  assert.deepEqual(byKey.get("dblp:conf/cvpr/Ng21w")!.venue, { name: "CVPR Workshops", kind: "workshop" });

  assert.equal(byKey.has("dblp:conf/icml/2022"), false, "proceedings volumes are not papers");
  assert.deepEqual(byKey.get("dblp:books/mk/Editors19")!.authors, [], "book editors are not authors");
  assert.equal(byKey.get("dblp:phd/de/Beyerer1994")!.venue, undefined);
  assert.equal(byKey.get("dblp:ms/Fran95")!.authors[0].name, "François Chaumette");
});

test("the entity table comes from the pinned dblp.dtd", () => {
  const table = pinnedDblpEntities();
  assert.equal(table.uuml, "ü");
  assert.equal(table.times, "×");
  assert.equal(Object.keys(table).length, 65, "62 Latin-1 letters plus reg, micro, times");
  assert.deepEqual(parseDtdEntities('<!ENTITY a "&#x41;"> <!ENTITY % p "x"> <!ENTITY b "&a;&a;"> <!ENTITY c  "&#67;" >'), {
    a: "A",
    c: "C",
  });
});
