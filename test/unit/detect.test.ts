import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import os from "node:os";
import path from "node:path";
import { FORMATS } from "../../import/canonical";
import { detectFormat, FormatDetectionError } from "../../import/detect";
import { readerFor } from "../../import/formats/registry";
import { openInput, readHead } from "../../import/input";
import { fromRoot } from "../../src/util/project-root";

function headOf(...parts: string[]): Buffer {
  return readFileSync(fromRoot("test", "fixtures", ...parts)).subarray(0, 8192);
}

describe("detectFormat: the real fixtures", () => {
  const cases: Array<[string[], string]> = [
    [["acl-author-page", "acl-author-page-wei-xiong.txt"], "acl-author-page"],
    [["acl-xml", "2024.findings-excerpt.xml"], "acl-xml"],
    [["dblp-xml", "dblp-head.xml"], "dblp-xml"],
    [["bibtex", "nlp-project-anthology.bib"], "bibtex"],
    [["csl-json", "ml-anthology-slice.csl.jsonl"], "csl-json"],
    [["csl-json", "colt-uai-alt-abstracts-slice.csl.json"], "csl-json"],
  ];
  for (const [parts, format] of cases) {
    it(`${parts.at(-1)} -> ${format}`, () => {
      assert.equal(detectFormat(parts.at(-1) ?? "", headOf(...parts)), format);
    });
  }

  it("decides from content, not the name: BibTeX in a .txt, an author page with no extension", () => {
    assert.equal(detectFormat("refs.txt", headOf("bibtex", "nlp-project-anthology.bib")), "bibtex");
    assert.equal(detectFormat("page", headOf("acl-author-page", "acl-author-page-wei-xiong.txt")), "acl-author-page");
  });

  it("looks at decompressed bytes of a gzipped file with a misleading name", async () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), "coauthor-graph-detect-test-"));
    try {
      const file = path.join(scratch, "data.bin");
      writeFileSync(file, gzipSync(readFileSync(fromRoot("test", "fixtures", "csl-json", "ml-anthology-slice.csl.jsonl"))));
      const opened = openInput(file);
      assert.equal(detectFormat(opened.file, await readHead(opened)), "csl-json");
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

describe("detectFormat: small inputs", () => {
  const detect = (text: string, file = "input") => detectFormat(file, Buffer.from(text));

  it("recognises BibTeX after comments, with mixed-case types and parentheses", () => {
    assert.equal(detect("% my refs\n\n@InProceedings{key,\n title={T}}"), "bibtex");
    assert.equal(detect('@string(acl = "ACL")\n'), "bibtex");
  });

  it("recognises CSL-JSON arrays and JSON Lines, with a byte-order mark", () => {
    assert.equal(detect('\uFEFF[\n  {"id": "x", "title": "T"}\n]'), "csl-json");
    assert.equal(detect('{"id":"x","type":"article-journal","title":"T"}\n{"id":"y","title":"U"}\n'), "csl-json");
    assert.equal(detect("[]"), "csl-json");
  });

  it("tells DBLP from ACL Anthology XML", () => {
    assert.equal(detect('<?xml version="1.0"?>\n<dblp>\n<article key="x">'), "dblp-xml");
    assert.equal(detect('<?xml version="1.0"?>\n<!DOCTYPE dblp SYSTEM "dblp.dtd">'), "dblp-xml");
    assert.equal(detect('<volume id="1">'), "acl-xml");
  });

  it("falls back on the extension for empty or inconclusive content", () => {
    assert.equal(detect("", "empty.bib"), "bibtex");
    assert.equal(detect("", "empty.jsonl.gz"), "csl-json");
    assert.equal(detect("% only a comment", "refs.bib"), "bibtex");
    assert.equal(detect('{"note": "no csl keys here"}', "odd.json"), "csl-json");
  });

  it("refuses what it cannot tell, listing the --format values", () => {
    const refusals: Array<[string, string, RegExp]> = [
      ["", "empty.txt", /it is empty/],
      ["just some words\nand more words\n", "notes.txt", /look like none of the supported formats/],
      ["<html><body>hi</body></html>", "page.xml", /it is XML, but neither/],
      ['{"note": "no csl keys here"}', "odd.txt", /none of the supported formats/],
    ];
    for (const [text, file, detail] of refusals) {
      assert.throws(
        () => detect(text, file),
        (error: unknown) => {
          assert.ok(error instanceof FormatDetectionError);
          assert.match(error.message, detail);
          assert.match(error.message, /Pass --format with one of: acl-author-page, acl-xml, dblp-xml, bibtex, csl-json\./);
          return true;
        },
      );
    }
  });
});

describe("readerFor", () => {
  it("has a reader for every format detection can return", () => {
    for (const format of FORMATS) assert.equal(readerFor(format).format, format);
  });
});
