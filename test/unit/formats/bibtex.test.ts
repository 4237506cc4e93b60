import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { UnparseableFileError, type CanonicalPaper } from "../../../import/canonical";
import { nameKey } from "../../../import/normalise/text";
import { formatFixtures, recordsOf } from "../../support/format-fixtures";

const { readFixture, readText: readNamedText, assertMatchesExpected } = formatFixtures("bibtex");
const REAL = "nlp-project-anthology.bib";

const readText = (text: string) => readNamedText(text, "inline.bib", { chunkSize: 1024 });

function byKey(papers: CanonicalPaper[], key: string): CanonicalPaper {
  const paper = papers.find((candidate) => candidate.sourceKey === `bibtex:${key}`);
  assert.ok(paper, `no record for ${key}`);
  return paper;
}

describe("BibTeX reader: the real project file", () => {
  it("maps every field as recorded in the expected file", async () => {
    assertMatchesExpected(REAL, await readFixture(REAL));
  });

  it("reads all 19 entries, including the BERT paper twice (the writer dedupes)", async () => {
    const items = await readFixture(REAL);
    assert.equal(items.length, 19);
    const papers = recordsOf(items);
    assert.equal(papers.length, 19);
    const bert = papers.filter((paper) => paper.title.startsWith("BERT: Pre-training"));
    assert.deepEqual(
      bert.map((paper) => paper.sourceKey),
      ["bibtex:devlin2019bert", "bibtex:devlin-etal-2019-bert"],
    );
  });

  it("turns the tricky names into First Last with TeX decoded", async () => {
    const papers = recordsOf(await readFixture(REAL));
    const names = (key: string) => byKey(papers, key).authors.map((author) => author.name);
    assert.deepEqual(names("abu-farha"), ["Ibrahim Abu Farha", "Wajdi Zaghouani", "Walid Magdy"]);
    assert.deepEqual(names("van-hee-etal-2018-semeval"), ["Cynthia Van Hee", "Els Lefever", "Véronique Hoste"]);
    assert.equal(nameKey(names("van-hee-etal-2018-semeval")[2]), "veronique hoste");
    assert.deepEqual(names("Salton:86"), ["G. Salton", "M. J. McGill"]);
    assert.deepEqual(names("Muresan")[1], "Roberto González-Ibáñez");
    assert.deepEqual(names("maas-EtAl:2011:ACL-HLT2011"), [
      "Andrew L. Maas",
      "Raymond E. Daly",
      "Peter T. Pham",
      "Dan Huang",
      "Andrew Y. Ng",
      "Christopher Potts",
    ]);
  });

  it("decodes {'}, removes case-protecting braces and normalises pages", async () => {
    const papers = recordsOf(await readFixture(REAL));
    assert.equal(
      byKey(papers, "khattri-etal-2015-sentiment").title,
      "Your Sentiment Precedes You: Using an author's historical tweets to predict sarcasm",
    );
    const semeval = byKey(papers, "van-hee-etal-2018-semeval");
    assert.equal(semeval.title, "SemEval-2018 Task 3: Irony Detection in English Tweets");
    assert.equal(semeval.pages, "39-50");
    assert.equal(semeval.doi, "10.18653/v1/s18-1005");
    assert.match(semeval.abstract ?? "", /\(i\.e\. #irony, #sarcasm, #not\)/);
    assert.equal(byKey(papers, "hazarika").title, "CASCADE: Contextual Sarcasm Detection in Online Discussion Forums");
    assert.equal(byKey(papers, "10.5555/1870568.1870582").pages, "107-116");
    assert.equal(byKey(papers, "Muresan").pages, undefined, "n/a-n/a is not a page range");
  });

  it("derives venues and kinds from the entry type", async () => {
    const papers = recordsOf(await readFixture(REAL));
    const venue = (key: string) => byKey(papers, key).venue;
    assert.deepEqual(venue("Ghosh-Muresan"), { name: "CoRR", kind: "other" });
    assert.deepEqual(venue("ghosh2020report"), { name: "arXiv", kind: "other" });
    assert.deepEqual(venue("devlin2019bert"), { name: "arXiv", kind: "other" });
    assert.equal(venue("van-hee-etal-2018-semeval")?.kind, "workshop");
    assert.equal(venue("devlin-etal-2019-bert")?.kind, "conference");
    assert.deepEqual(venue("10.1145/3124420"), { name: "ACM Comput. Surv.", kind: "journal" });
    assert.equal(venue("maas-EtAl:2011:ACL-HLT2011")?.kind, "conference", "@InProceedings is mixed case");
    assert.equal(venue("10.5555/1870568.1870582")?.acronym, "CoNLL");
    assert.equal(venue("Veale10detectingironic")?.name, "Proceedings of 19th European conference on artificial intelligence—ECAI 2010");
    assert.equal(venue("Salton:86"), undefined);
  });

  it("gives the same records whatever the chunk size", async () => {
    assert.deepEqual(await readFixture(REAL, 3), await readFixture(REAL));
  });
});

describe("BibTeX reader: broken and unusual input", () => {
  it("rejects malformed entries with their line and keeps their neighbours", async () => {
    const items = await readFixture("bad-entries.bib");
    assert.deepEqual(
      items.map((item) => (item.kind === "record" ? item.record.sourceKey : `rejected@${item.location.line}`)),
      ["bibtex:good-one", "rejected@16", "rejected@22", "rejected@29", "bibtex:good-two"],
    );
    const reasons = items.flatMap((item) => (item.kind === "rejected" ? [item.reason] : []));
    assert.match(reasons[0], /no-title.*missing title/);
    assert.match(reasons[1], /bad-year.*bad year "20x1"/);
    assert.match(reasons[2], /missing-comma.*line 32/);
  });

  it("applies @string and #, skips @comment and @preamble, and drops 'and others'", async () => {
    const [goodOne, goodTwo] = recordsOf(await readFixture("bad-entries.bib"));
    assert.equal(goodOne.title, "A Good Paper on Tricky BibTeX");
    assert.deepEqual(
      goodOne.authors.map((author) => author.name),
      ["Jörg Müller", "María de la Cruz"],
    );
    assert.equal(nameKey(goodOne.authors[1].name), "maria de la cruz");
    assert.deepEqual(goodOne.venue, {
      name: "Proceedings of the 60th Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers)",
      kind: "conference",
    });
    assert.equal(goodOne.pages, "1-10");
    assert.deepEqual(
      goodTwo.authors.map((author) => author.name),
      ["Barnes and Noble", "Cathy O'Neil", "John Smith Jr.", "Ludwig van Beethoven"],
    );
    assert.equal(goodTwo.year, 2019, "year from the date field");
    assert.equal(goodTwo.title, "Second Good Paper: O'Neil's “Quotes”");
  });

  it("refuses a file whose entry is never closed, naming the entry's first line", async () => {
    await assert.rejects(readFixture("bad-unclosed.bib"), (error: unknown) => {
      assert.ok(error instanceof UnparseableFileError);
      assert.equal(error.location?.line, 3);
      assert.match(error.message, /bad-unclosed\.bib:3: cannot be parsed: the @article entry starting here is not closed/);
      return true;
    });
  });

  it("reads parenthesised entries, quoted values with braces, and ignores free text", async () => {
    const items = await readText(
      [
        "Free text with an @ sign and a stray } brace.",
        '@Article(paren-entry, title = "Braces {inside} quotes (and parens)", author = "Roe, Jane", year = "1999")',
        "@misc{empty-authors, title = {Editors Only}, editor = {Doe, Jane}}",
      ].join("\n"),
    );
    const [paren, editorsOnly] = recordsOf(items);
    assert.equal(items.length, 2);
    assert.equal(paren.title, "Braces inside quotes (and parens)");
    assert.equal(paren.year, 1999);
    assert.equal(paren.location.line, 2);
    assert.deepEqual(editorsOnly.authors, []);
    assert.equal(editorsOnly.year, undefined);
  });

  it("undoes TeX's escapes in DOIs and URLs, so dblp's 10.1007/…\\_9 is the DOI other sources give", async () => {
    const items = await readText(
      String.raw`@inproceedings{DBLP:conf/wea/X16, title={T}, author={Doe, Jane and Roe, Rick}, year=2016,
  doi={10.1007/978-3-319-38851-9\_9}, url={https://example.org/a\_b\%20c}}
@article{braced, title={U}, author={Doe, Jane}, year=2017, doi={10.1000/{ABC}.1}}`,
    );
    const [escaped, braced] = recordsOf(items);
    assert.equal(escaped.doi, "10.1007/978-3-319-38851-9_9");
    assert.equal(escaped.url, "https://example.org/a_b%20c");
    assert.equal(braced.doi, "10.1000/abc.1");
  });

  it("reads an empty file as no records", async () => {
    assert.deepEqual(await readText(""), []);
  });
});
