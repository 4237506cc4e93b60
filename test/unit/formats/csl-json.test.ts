import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { UnparseableFileError } from "../../../import/canonical";
import { openInput } from "../../../import/input";
import { nameKey } from "../../../import/normalise/text";
import { chunksOf, formatFixtures, recordsOf } from "../../support/format-fixtures";

const { fixturePath, readFixture, readItems: collect, assertMatchesExpected } = formatFixtures("csl-json");
const SLICE = "ml-anthology-slice.csl.jsonl";
const ARRAY = "colt-uai-alt-abstracts-slice.csl.json";

describe("CSL-JSON reader: real ML Anthology data", () => {
  it("maps the JSON Lines slice as recorded in the expected file", async () => {
    const items = await readFixture(SLICE);
    assert.equal(items.length, 84);
    assert.ok(items.every((item) => item.kind === "record"));
    assertMatchesExpected(SLICE, items);
  });

  it("reads the gzipped slice through openInput to the same records", async () => {
    const plain = await readFixture(SLICE);
    const gz = await collect(openInput(fixturePath(`${SLICE}.gz`)).bytes(), SLICE);
    assert.deepEqual(gz, plain);
  });

  it("maps the fields of a real line", async () => {
    const [first] = recordsOf(await readFixture(SLICE));
    assert.deepEqual(first, {
      sourceKey: "csl:ablin2019aistats-stochastic",
      title: "Stochastic algorithms with descent guarantees for ICA",
      year: 2019,
      url: "https://proceedings.mlr.press/v89/ablin19a.html",
      pages: "1564-1573",
      authors: [{ name: "Pierre Ablin" }, { name: "Alexandre Gramfort" }, { name: "Jean-François Cardoso" }, { name: "Francis Bach" }],
      venue: { name: "AISTATS", acronym: "AISTATS", kind: "conference" },
      location: { file: SLICE, line: 1 },
    });
  });

  it("finds the seed authors' joint papers", async () => {
    const papers = recordsOf(await readFixture(SLICE));
    const joint = papers.filter((paper) => {
      const keys = paper.authors.map((author) => nameKey(author.name));
      return keys.includes("wei xiong") && keys.includes("tong zhang");
    });
    assert.equal(joint.length, 14);
  });

  it("streams a JSON array file item by item, with abstracts and item lines", async () => {
    const items = await readFixture(ARRAY);
    assertMatchesExpected(ARRAY, items);
    const papers = recordsOf(items);
    assert.equal(papers.length, 6);
    assert.equal(papers[0].location.line, 2);
    assert.match(papers[0].abstract ?? "", /^Learning a target concept from a finite \$n \\times m\$ concept space/);
    assert.deepEqual(papers[0].venue, {
      name: "Proceedings of the 28th International Conference on Algorithmic Learning Theory",
      acronym: "ALT",
      kind: "conference",
    });
  });

  it("gives the same records whatever the chunk size", async () => {
    assert.deepEqual(await readFixture(SLICE, 5), await readFixture(SLICE));
    assert.deepEqual(await readFixture(ARRAY, 3), await readFixture(ARRAY));
  });
});

describe("CSL-JSON reader: names, particles and odd values", () => {
  it("joins given, particles, family and suffix; keeps literal names; keys ORCIDs", async () => {
    const [paper] = recordsOf(await readFixture("particles.csl.json"));
    assert.deepEqual(paper.authors, [
      { name: "Ludwig van Beethoven" },
      { name: "Jean de La Fontaine" },
      { name: "Martin Luther King Jr." },
      { name: "The CSL Working Group" },
      { name: "Josiah Carberry", key: { scheme: "orcid", value: "0000-0002-1825-0097" }, orcid: "0000-0002-1825-0097" },
      { name: "Mausam" },
      { name: "Véronique Hoste" },
    ]);
    assert.equal(paper.authors[6].name, "V\u00e9ronique Hoste", "composed to NFC");
  });

  it("reads a stray control character in a name as white space: one author, one id", async () => {
    const line = (family: string) =>
      JSON.stringify({ id: family.length, type: "paper-conference", title: "T", author: [{ given: "Wei", family }] });
    const items = await collect(
      (async function* () {
        yield Buffer.from(`${line("Xiong\u0001")}\n${line("Xi\u0007ong")}\n`);
      })(),
      "control.jsonl",
    );
    const names = recordsOf(items).map((paper) => paper.authors[0].name);
    assert.deepEqual(names, ["Wei Xiong", "Wei Xi ong"]);
    assert.equal(nameKey(names[0]), "wei xiong");
  });

  it("cleans markup, entities and escaped ampersands; normalises DOI and pages", async () => {
    const [paper] = recordsOf(await readFixture("particles.csl.json"));
    assert.equal(paper.title, "On Particles & Names in CSL");
    assert.equal(paper.abstract, "An abstract with markup \u2019and\u2019 entities.");
    assert.equal(paper.doi, "10.1000/xyz.1");
    assert.equal(paper.pages, "1-12");
    assert.equal(paper.year, 2021);
    assert.deepEqual(paper.venue, { name: "Journal of Names & Things", kind: "journal" });
  });

  it("reads numeric ids, raw dates, list-valued containers, workshops and preprints", async () => {
    const [, workshop, preprint] = recordsOf(await readFixture("particles.csl.json"));
    assert.equal(workshop.sourceKey, "csl:42");
    assert.equal(workshop.year, 2019);
    assert.deepEqual(workshop.venue, { name: "ICML 2024 Workshops: AI4Science", acronym: "ICMLW", kind: "workshop" });
    assert.deepEqual(preprint.authors, []);
    assert.deepEqual(preprint.venue, { name: "arXiv", kind: "other" });
  });
});

describe("CSL-JSON reader: bad input", () => {
  it("rejects bad lines with their line numbers and keeps the others", async () => {
    const items = await readFixture("bad-lines.jsonl");
    assert.deepEqual(
      items.map((item) => (item.kind === "record" ? item.record.sourceKey : `rejected@${item.location.line}`)),
      ["csl:good-1", "rejected@2", "rejected@3", "csl:good-2", "rejected@6", "rejected@7", "rejected@8"],
    );
    const reasons = items.flatMap((item) => (item.kind === "rejected" ? [item.reason] : []));
    assert.match(reasons[0], /^invalid JSON/);
    assert.equal(reasons[1], "missing title");
    assert.equal(reasons[2], "item is not a JSON object");
    assert.match(reasons[3], /^bad issued date/);
    assert.equal(reasons[4], "author 1 has no name");
  });

  it("rejects bad array items (invalid JSON, stray comma) and keeps the others", async () => {
    const items = await readFixture("bad-items.csl.json");
    assert.deepEqual(
      items.map((item) => (item.kind === "record" ? item.record.sourceKey : `rejected@${item.location.line}`)),
      ["csl:a", "rejected@3", "csl:c", "rejected@5", "csl:d"],
    );
    assert.equal(recordsOf(items)[1].title, 'Item C with a ] and a } and an escaped " quote');
  });

  it("refuses a truncated array, naming the line of the unfinished item", async () => {
    await assert.rejects(readFixture("bad-truncated.csl.json"), (error: unknown) => {
      assert.ok(error instanceof UnparseableFileError);
      assert.equal(error.location?.line, 3);
      assert.match(error.message, /not closed/);
      return true;
    });
  });

  it("refuses text after the array and input that is not JSON at all", async () => {
    await assert.rejects(collect(chunksOf(Buffer.from('[{"title":"x"}] trailing'), 4), "x.json"), UnparseableFileError);
    await assert.rejects(collect(chunksOf(Buffer.from("title,author\nx,y\n"), 4), "x.json"), UnparseableFileError);
  });

  it("reads empty and blank input as no records", async () => {
    assert.deepEqual(await collect(chunksOf(Buffer.from(""), 4), "empty.jsonl"), []);
    assert.deepEqual(await collect(chunksOf(Buffer.from("\n \n"), 4), "blank.jsonl"), []);
    assert.deepEqual(await collect(chunksOf(Buffer.from("[ ]"), 4), "empty.json"), []);
  });
});
