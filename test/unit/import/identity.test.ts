import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CanonicalPaper } from "../../../import/canonical";
import { authorId, paperTitleKey, venueId } from "../../../import/identity";
import { nameKey, normaliseDoi, normaliseTitle } from "../../../import/normalise/text";
import { mentionTarget } from "../../../import/writer/name-target";
import { toBatchRows } from "../../../import/writer/batch-rows";

describe("nameKey", () => {
  it("folds diacritics and case, collapses whitespace, keeps punctuation", () => {
    assert.equal(nameKey("  Véronique   Hoste "), "veronique hoste");
    assert.equal(nameKey("Aaron C. Courville"), "aaron c. courville");
    assert.notEqual(nameKey("Aaron C. Courville"), nameKey("Aaron Courville"));
    // A stray control character is white space, not part of the name (XML exports could not carry it).
    assert.equal(nameKey("Back\u0001"), "back");
    assert.equal(nameKey("Wei\u0000\u009fXiong"), "wei xiong");
    assert.equal(nameKey("Jean-François Cardoso"), "jean-francois cardoso");
    assert.equal(nameKey("ＡＢＣ Ｄ"), "abc d"); // NFKD folds full-width forms
  });
});

describe("paper and venue identity", () => {
  it("normalises titles to a-z0-9 words", () => {
    assert.equal(
      normaliseTitle("Chem-FINESE: Validating Fine-Grained Few-shot Entity Extraction!"),
      "chem finese validating fine grained few shot entity extraction",
    );
    assert.equal(paperTitleKey({ title: "{BERT}: Pre-training", year: 2019 }), "bert pre training|2019");
    assert.equal(paperTitleKey({ title: "No Year" }), "no year|");
  });
  it("keeps the letters of a title in another script, so that such titles stay apart; a Latin title's key does not move", () => {
    const keys = [
      "基于深度学习的中文分词",
      "基于图神经网络的推荐系统",
      "Глубокое обучение для анализа текста",
      "Ω",
      "Transformer在NLP中的应用",
      "Transformer在NLP中的研究",
    ].map((title) => paperTitleKey({ title, year: 2020 }));
    assert.equal(new Set(keys).size, keys.length, keys.join(" / "));
    assert.equal(keys[2], "глубокое обучение для анализа текста|2020");
    assert.equal(keys[3], "ω|2020");
    // Punctuation only: the title as written, not an empty key every such title would share.
    assert.notEqual(paperTitleKey({ title: "???", year: 2020 }), paperTitleKey({ title: "!!!", year: 2020 }));
    assert.notEqual(paperTitleKey({ title: "???", year: 2020 }), "|2020");
    // Latin titles keep their keys: a Greek letter or an ł in them stays out, as before.
    assert.equal(normaliseTitle("β-VAE: Learning Basic Visual Concepts"), "vae learning basic visual concepts");
    assert.equal(normaliseTitle("Łódź and ε-greedy Exploration"), "odz and greedy exploration");
    assert.equal(venueId({ name: "计算机学报", kind: "journal" }), "计算机学报");
    // Latin letters without a decomposition and single Greek symbols leave a Latin title's key as it was.
    for (const [title, key] of [
      ["Øl", "l"],
      ["Ðorđe and the dør", "or e and the d r"],
      ["ε-DP", "dp"],
      ["ΔV", "v"],
      ["Straße", "stra e"],
    ])
      assert.equal(normaliseTitle(title), key, title);
    assert.equal(venueId({ name: "Journal of Things", acronym: "-", kind: "journal" }), "journal of things");
    assert.equal(venueId({ name: "???", kind: "journal" }), "");
  });
  it("lower-cases DOIs and strips resolver prefixes", () => {
    assert.equal(normaliseDoi("https://doi.org/10.18653/V1/N19-1423"), "10.18653/v1/n19-1423");
    assert.equal(normaliseDoi("doi:10.1000/ABC"), "10.1000/abc");
    assert.equal(normaliseDoi("not a doi"), undefined);
  });
  it("prefers the acronym for venues", () => {
    assert.equal(venueId({ name: "International Conference on Machine Learning", acronym: "ICML", kind: "conference" }), "icml");
    assert.equal(venueId({ name: "Findings of the ACL: EMNLP 2024", kind: "conference" }), "findings of the acl emnlp 2024");
  });
  it("derives author ids from person keys, else from the nameKey", () => {
    assert.equal(authorId({ name: "Wei Xiong", key: { scheme: "dblp", value: "Wei Xiong 0001" }, numbered: true }), "dblp:Wei Xiong 0001");
    assert.equal(authorId({ name: "Wei  XIONG" }), "name:wei xiong");
  });
});

describe("mention resolution", () => {
  const name = { id: "name:tien-tsin wong", keyed: false, numbered: false };
  it("attaches to the single unnumbered keyed author", () => {
    assert.equal(
      mentionTarget("tien-tsin wong", [name, { id: "dblp:Tien-Tsin Wong", keyed: true, numbered: false }]),
      "dblp:Tien-Tsin Wong",
    );
  });
  it("stays name-only when namesakes exist or the only keyed author is numbered", () => {
    const w1 = { id: "dblp:Wei Xiong 0001", keyed: true, numbered: true };
    const w2 = { id: "dblp:Wei Xiong 0002", keyed: true, numbered: true };
    assert.equal(mentionTarget("wei xiong", [w1, w2]), "name:wei xiong");
    assert.equal(mentionTarget("wei xiong", [w1]), "name:wei xiong");
    assert.equal(
      mentionTarget("tong zhang", [
        { id: "dblp:Tong Zhang", keyed: true, numbered: false },
        { id: "acl:tong-zhang", keyed: true, numbered: false },
      ]),
      "name:tong zhang",
    );
  });
});

describe("batch rows", () => {
  const paper = (over: Partial<CanonicalPaper>): CanonicalPaper => ({
    sourceKey: "x:1",
    title: "A Paper",
    year: 2020,
    authors: [{ name: "Ada Lovelace" }, { name: "Alan Turing" }],
    location: { file: "f", line: 1 },
    ...over,
  });
  it("folds a paper seen twice in one batch into one row with both source keys", () => {
    const rows = toBatchRows(
      [paper({ sourceKey: "bibtex:a" }), paper({ sourceKey: "bibtex:b", abstract: "text" })],
      ["a paper|2020", "a paper|2020"],
    );
    assert.equal(rows.papers.length, 1);
    assert.deepEqual(rows.papers[0].sourceKeys, ["bibtex:a", "bibtex:b"]);
    assert.equal(rows.papers[0].abstract, "text");
    assert.equal(rows.authorships.length, 2);
  });
  it("keeps every venue a batch claims for one paper, and an acronym seen after the venue's first record", () => {
    const rows = toBatchRows(
      [
        paper({ sourceKey: "a", venue: { name: "Zeta Workshop", kind: "workshop" } }),
        paper({ sourceKey: "b", venue: { name: "ALPHA", kind: "conference" } }),
        paper({ sourceKey: "c", venue: { name: "Alpha Proceedings", acronym: "ALPHA", kind: "conference" } }),
      ],
      ["p", "p", "p"],
    );
    assert.deepEqual(rows.papers[0].venueIds, ["zeta workshop", "alpha"]);
    assert.deepEqual(rows.venues, [
      { id: "zeta workshop", name: "Zeta Workshop", acronym: null, kind: "workshop" },
      { id: "alpha", name: "ALPHA", acronym: "ALPHA", kind: "conference" },
    ]);
  });
  it("keeps the first byline position when an author is listed twice and skips blank names", () => {
    const rows = toBatchRows([paper({ authors: [{ name: "Ada Lovelace" }, { name: "  " }, { name: "ada lovelace" }] })], ["p"]);
    assert.equal(rows.authorships.length, 1);
    assert.equal(rows.authorships[0].position, 1);
  });
});
