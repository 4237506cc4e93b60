/**
 * The synthetic dblp (bench/dblp-gen.ts): the same seed gives the same bytes, the output keeps to the pinned dblp.dtd
 * (element and attribute names, required keys, entities), the project's dblp reader takes every publication of it,
 * and a monthly update changes known records and adds new ones. xmllint --dtdvalid checks it too where installed.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SaxesParser } from "saxes";
import { DblpGenCounts, generateDblp } from "../../../bench/lib/dblp-model";
import { measureDblpGraph } from "../../../bench/lib/dblp-graph-check";
import { dblpXmlReader } from "../../../import/formats/dblp-xml/dblp-xml.reader";
import { pinnedDblpEntities, PINNED_DBLP_DTD_PATH } from "../../../import/formats/dblp-xml/dtd-entities";
import { fromRoot } from "../../../src/util/project-root";

const RECORDS = 3_000;
const SEED = 7;

function generate(options: Parameters<typeof generateDblp>[0]): { xml: string; counts: DblpGenCounts } {
  const counts: DblpGenCounts = { publications: 0, changed: 0, personPages: 0, byKind: {} };
  return { xml: [...generateDblp(options, counts)].join(""), counts };
}

/** What the DTD declares: the children of <dblp>, the fields of a record, the attributes of each element. */
function dtdRules(dtd: string) {
  const elementModel = (name: string) => new RegExp(`<!ELEMENT\\s+${name}\\s+\\(([^>]*)\\)\\*?\\s*>`).exec(dtd)?.[1] ?? "";
  const field = /<!ENTITY\s+%\s+field\s+"([^"]+)"/.exec(dtd)![1];
  const titleContents = /<!ENTITY\s+%\s+titlecontents\s+"([^"]+)"/.exec(dtd)![1];
  const attributes = new Map<string, Set<string>>();
  for (const match of dtd.matchAll(/<!ATTLIST\s+(\w+)([^>]*)>/g)) {
    const names = [...match[2].matchAll(/(\w+)\s+(?:CDATA|NMTOKENS)/g)].map((m) => m[1]);
    attributes.set(match[1], new Set(names));
  }
  return {
    records: new Set(
      elementModel("dblp")
        .split("|")
        .map((s) => s.trim()),
    ),
    fields: new Set(field.split("|")),
    titleMarkup: new Set(titleContents.split("|").filter((s) => !s.startsWith("#"))),
    attributes,
  };
}

test("the same seed gives the same file, another seed another", () => {
  const a = generate({ records: RECORDS, seed: SEED }).xml;
  const b = generate({ records: RECORDS, seed: SEED }).xml;
  const c = generate({ records: RECORDS, seed: SEED + 1 }).xml;
  assert.equal(a, b);
  assert.notEqual(a, c);
});

test("the output keeps to the pinned dblp.dtd: elements, attributes, required keys, entities", () => {
  const { xml, counts } = generate({ records: RECORDS, seed: SEED });
  const rules = dtdRules(readFileSync(fromRoot(...PINNED_DBLP_DTD_PATH), "latin1"));
  assert.match(xml, /^<\?xml version="1.0" encoding="ISO-8859-1"\?>\n<!DOCTYPE dblp SYSTEM "dblp.dtd">\n<dblp>\n/);
  assert.ok(/^[\t\n -~]*$/.test(xml), "plain ASCII: every other letter is an entity or a character reference");
  const parser = new SaxesParser({ xmlns: false });
  Object.assign(parser.ENTITIES, pinnedDblpEntities());
  const problems: string[] = [];
  const stack: string[] = [];
  const keys = new Set<string>();
  const kinds: Record<string, number> = {};
  parser.on("opentag", (tag) => {
    const parent = stack[stack.length - 1];
    const where = `<${tag.name}> in <${parent ?? "(document)"}>`;
    if (stack.length === 0 && tag.name !== "dblp") problems.push(`root ${tag.name}`);
    if (parent === "dblp") {
      if (!rules.records.has(tag.name)) problems.push(where);
      kinds[tag.name] = (kinds[tag.name] ?? 0) + 1;
      const key = tag.attributes.key as string | undefined;
      if (!key) problems.push(`${where} without key`);
      else if (keys.has(key)) problems.push(`duplicate key ${key}`);
      else keys.add(key);
    } else if (stack.length === 2 && !rules.fields.has(tag.name)) problems.push(where);
    else if (stack.length > 2 && !(rules.titleMarkup.has(tag.name) && stack.includes("title"))) problems.push(where);
    for (const attribute of Object.keys(tag.attributes))
      if (!rules.attributes.get(tag.name)?.has(attribute)) problems.push(`${where}: attribute ${attribute}`);
    stack.push(tag.name);
  });
  parser.on("closetag", () => stack.pop());
  parser.on("error", (error) => problems.push(error.message));
  parser.write(xml).close();
  const entities = (xml.match(/&[A-Za-z]+;|&#\d+;/g) ?? []).length;
  assert.deepEqual(problems.slice(0, 10), []);
  assert.ok(entities > 100, `names and titles carry dblp's entities (${entities})`);
  for (const kind of ["article", "inproceedings", "proceedings", "incollection", "book", "phdthesis", "www"])
    assert.ok((kinds[kind] ?? 0) > 0, `at least one <${kind}>: ${JSON.stringify(kinds)}`);
  assert.equal(kinds.www, counts.personPages);
});

test("xmllint --dtdvalid accepts it against the pinned dblp.dtd (where libxml2-utils is installed)", (t) => {
  if (spawnSync("xmllint", ["--version"]).error) {
    t.skip("xmllint is not installed (apt-get install libxml2-utils)");
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "dblp-gen-"));
  try {
    writeFileSync(path.join(dir, "gen.xml"), generate({ records: RECORDS, seed: SEED }).xml, "latin1");
    writeFileSync(path.join(dir, "month.xml"), generate({ records: RECORDS, seed: SEED, month: 1, monthRecords: 500 }).xml, "latin1");
    copyFileSync(fromRoot(...PINNED_DBLP_DTD_PATH), path.join(dir, "dblp.dtd"));
    for (const file of ["gen.xml", "month.xml"]) {
      const run = spawnSync("xmllint", ["--noout", "--nonet", "--dtdvalid", "dblp.dtd", file], { cwd: dir, encoding: "utf8" });
      assert.equal(run.status, 0, `${file}: ${run.stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

async function readAll(xml: string) {
  async function* input() {
    yield Buffer.from(xml, "latin1");
  }
  const records = [];
  const rejected = [];
  for await (const item of dblpXmlReader.read(input(), "gen.xml")) {
    if (item.kind === "record") records.push(item.record);
    else rejected.push(item);
  }
  return { records, rejected };
}

test("the project's dblp reader takes every publication (not proceedings, not person pages)", async () => {
  const { xml, counts } = generate({ records: RECORDS, seed: SEED });
  const { records, rejected } = await readAll(xml);
  assert.deepEqual(rejected, []);
  assert.equal(counts.publications, RECORDS);
  assert.equal(records.length, RECORDS - (counts.byKind.proceedings ?? 0));
  assert.ok(
    records.some((r) => r.authors.some((a) => a.name === "Wei Wang" || a.numbered)),
    "homonym numbers",
  );
  assert.ok(
    records.some((r) => r.authors.some((a) => /[\u00c0-\u017f]/.test(a.name))),
    "entities decoded",
  );
  assert.ok(records.filter((r) => r.doi).length > RECORDS / 2, "most have a DOI");
  assert.equal(new Set(records.map((r) => r.sourceKey)).size, records.length);
});

test("a monthly update: changed records keep their keys, new ones are new, about the asked size", async () => {
  const base = await readAll(generate({ records: RECORDS, seed: SEED }).xml);
  const baseKeys = new Map(base.records.map((r) => [r.sourceKey, r]));
  const month = generate({ records: RECORDS, seed: SEED, month: 1, monthRecords: 500 });
  const again = generate({ records: RECORDS, seed: SEED, month: 1, monthRecords: 500 });
  assert.equal(month.xml, again.xml);
  const { records, rejected } = await readAll(month.xml);
  assert.deepEqual(rejected, []);
  const written = month.counts.publications + month.counts.changed;
  assert.ok(Math.abs(written - 500) < 60, `${written} records for 500 asked`);
  const changed = records.filter((r) => baseKeys.has(r.sourceKey));
  assert.ok(changed.length > 0 && changed.length <= month.counts.changed, `${changed.length} changed`);
  for (const r of changed) {
    const before = baseKeys.get(r.sourceKey)!;
    assert.equal(r.title, before.title);
    assert.deepEqual(
      r.authors.map((a) => a.name),
      before.authors.map((a) => a.name),
    );
  }
  // Month 2 may change records of month 1 too, but its new records are new.
  const second = generate({ records: RECORDS, seed: SEED, month: 2, monthRecords: 500 });
  const month2 = await readAll(second.xml);
  const known = new Set([...baseKeys.keys(), ...records.map((r) => r.sourceKey)]);
  const renewed = month2.records.filter((r) => known.has(r.sourceKey)).length;
  assert.ok(renewed <= second.counts.changed, `${renewed} known keys for ${second.counts.changed} changed records`);
  assert.ok(month2.records.length - renewed > 400, "month 2 brings new records");
});

test("the checker measures the generated graph", async () => {
  const { xml } = generate({ records: RECORDS, seed: SEED });
  async function* input() {
    yield xml;
  }
  const figures = await measureDblpGraph(input(), { sources: 20, seed: 1 });
  assert.equal(figures.publications, RECORDS - generate({ records: RECORDS, seed: SEED }).counts.byKind.proceedings);
  assert.ok(figures.ties > figures.authors, `${figures.ties} ties for ${figures.authors} authors`);
  assert.ok(figures.distance.mean > 1 && figures.distance.sources === 20);
  assert.ok(figures.numberedAuthors > 0);
  // The calibration (bench/SCALE.md, "Calibration targets"), in bands wide enough for a 3,000-record set (seed 7 gives
  // 3.31, 0.17, 1.62, 17.9, 0.76, 0.96, 3.56, 4; 20,000 records: 3.30, 0.17, 1.53, 20.0, 0.77, 0.91, 3.88, 4): a change
  // to the model that leaves one of them fails here, not in an 8M run.
  const between = (value: number, low: number, high: number, what: string) => assert.ok(value >= low && value <= high, `${what}: ${value}`);
  between(figures.byline.mean, 3.0, 3.6, "mean byline (target 3–3.5)");
  between(figures.byline.solo / figures.publications, 0.12, 0.22, "solo papers' share");
  between(figures.tieMultiplicity, 1.35, 2.0, "joint papers per tie (repeat collaboration; KONECT's dblp 1.77)");
  between(figures.degree.mean, 12, 26, "mean coauthors per author (KONECT's dblp 16.3)");
  between(figures.withDoi / figures.publications, 0.65, 0.85, "share of records with a DOI");
  between(figures.largestComponent.share, 0.85, 1, "giant component's share of the authors");
  between(figures.distance.mean, 2.5, 6.5, "mean distance between sampled pairs (KONECT's dblp 6.09 at 1.3M authors)");
  between(figures.papersPerAuthor.median, 2, 6, "median papers per author");
});
