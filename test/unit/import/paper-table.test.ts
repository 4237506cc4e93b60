import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { edgeAuthor, packEdge } from "../../../import/bulk/edge";
import { PaperTable } from "../../../import/bulk/paper-table";
import { StringBytes } from "../../../import/bulk/string-bytes";

/*
 * The bulk import's papers as columns (import/bulk/paper-table.ts) against plain arrays: bylines appended to in any
 * order (a paper's run moves to the pool's end when another's came after it, or when its chunk is full), authors
 * taken out, edges rewritten in place, papers renamed; enough edges to fill several of the pool's chunks (2^16 each).
 */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe("the bulk import's paper table", () => {
  it("keeps every byline as plain arrays would, through appends in any order, removals and rewrites", () => {
    const random = seeded(3);
    const table = new PaperTable();
    const reference: number[][] = [];
    const add = () => {
      const paper = table.add({ id: `p${reference.length}`, titleKeyIsId: true, doi: null, year: 2000, venue: -1, payload: 0 });
      reference.push([]);
      return paper;
    };
    for (let step = 0; step < 300_000; step++) {
      const roll = random();
      // Mostly a new paper's byline written at once; sometimes an author added to an earlier paper (its run moves).
      if (roll < 0.2 || reference.length === 0) {
        const paper = add();
        const size = 1 + Math.floor(random() * (random() < 0.01 ? 600 : 6));
        for (let i = 0; i < size; i++) {
          const edge = packEdge(Math.floor(random() * 1e6), i + 1, false, true);
          table.appendEdge(paper, edge);
          reference[paper].push(edge);
        }
      } else {
        const paper = Math.floor(random() * reference.length);
        const byline = reference[paper];
        if (roll < 0.8) {
          const edge = packEdge(Math.floor(random() * 1e6), byline.length + 1, true, false);
          table.appendEdge(paper, edge);
          byline.push(edge);
        } else if (roll < 0.9 && byline.length > 0) {
          const gone = edgeAuthor(byline[Math.floor(random() * byline.length)]);
          table.removeEdgesOf(paper, gone);
          reference[paper] = byline.filter((edge) => edgeAuthor(edge) !== gone);
        } else if (byline.length > 0) {
          const i = Math.floor(random() * byline.length);
          const edge = packEdge(edgeAuthor(byline[i]), i + 1, true, true);
          table.setEdge(paper, i, edge);
          byline[i] = edge;
        }
      }
    }
    let edges = 0;
    reference.forEach((byline, paper) => {
      assert.equal(table.edgeCount(paper), byline.length, `paper ${paper}`);
      byline.forEach((edge, i) => assert.equal(table.edge(paper, i), edge, `paper ${paper}, edge ${i}`));
      if (byline.length > 0) assert.equal(table.edgeIndex(paper, edgeAuthor(byline[byline.length - 1])) >= 0, true);
      edges += byline.length;
    });
    assert.ok(edges > 4 * 2 ** 16, `${edges} edges fill several chunks`);
  });

  it("finds papers by id, renamed ones by their new id only, and keeps DOIs and years", () => {
    const table = new PaperTable();
    const a = table.add({ id: "a title|2001", titleKeyIsId: true, doi: null, year: 2001, venue: 3, payload: 17 });
    const b = table.add({ id: "10.1/b", titleKeyIsId: false, doi: "10.1/b", year: null, venue: -1, payload: 18 });
    assert.deepEqual([table.find("a title|2001"), table.find("10.1/b"), table.find("10.1/c")], [a, b, -1]);
    assert.deepEqual(
      [table.doi(a), table.doi(b), table.year(a), table.year(b), table.venue(a), table.payload(b)],
      [null, "10.1/b", 2001, null, 3, 18],
    );
    // Renamed to a DOI: the titleKey it shared with its old id is handed back for the payload.
    assert.equal(table.rename(a, "10.1/a", "10.1/a"), "a title|2001");
    assert.equal(table.titleKeyIsId(a), false);
    assert.deepEqual([table.find("a title|2001"), table.find("10.1/a"), table.id(a), table.doi(a)], [-1, a, "10.1/a", "10.1/a"]);
    assert.equal(table.rename(b, "10.1/b2", "10.1/other"), null);
    assert.deepEqual([table.find("10.1/b"), table.find("10.1/b2"), table.doi(b)], [-1, b, "10.1/other"]);
    table.setDoi(b, null);
    assert.equal(table.doi(b), null);
    assert.throws(() => table.add({ id: "x", titleKeyIsId: true, doi: null, year: 2001.5, venue: -1, payload: 0 }), /not an integer/);
    // Ids that are not ASCII come back exactly, and are found.
    const c = table.add({ id: "ünïcödé \uD800 title|2003", titleKeyIsId: true, doi: null, year: 2003, venue: -1, payload: 19 });
    assert.equal(table.id(c), "ünïcödé \uD800 title|2003");
    assert.equal(table.find("ünïcödé \uD800 title|2003"), c);
  });
});

describe("the bulk import's strings as bytes", () => {
  it("gives back every string exactly: ASCII, Latin-1, astral characters, lone surrogates, empty, longer than a chunk", () => {
    const bytes = new StringBytes();
    const texts = [
      "10.1145/3313831.3376727",
      "",
      "réseaux de neurones|2019",
      "a \u{1F600} in a title|2020",
      "a lone surrogate \uD800 here",
      "\uDC00 and the other one",
      "x".repeat(70_000),
      "ü".repeat(40_000),
    ];
    for (let i = 0; i < 20_000; i++) texts.push(`10.1000/generated.${i}`);
    const places = texts.map((text) => {
      const place = { chunk: 0, offset: 0, length: 0 };
      bytes.add(text, place);
      return place;
    });
    texts.forEach((text, i) => assert.equal(bytes.get(places[i].chunk, places[i].offset, places[i].length), text, `string ${i}`));
    assert.ok(new Set(places.map((p) => p.chunk)).size > 4, "the strings fill several chunks");
  });
});
