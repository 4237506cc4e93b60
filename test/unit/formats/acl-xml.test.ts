/**
 * ACL Anthology XML reader against fixture files paired with their expected canonical records
 * (`<fixture>.expected.json`). Regenerate those with UPDATE_EXPECTED=1 only after reading the diff.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { ReadItem } from "../../../import/canonical";
import { formatFixtures, recordsOf as papersOf } from "../../support/format-fixtures";

const { readFixture, assertMatchesExpected: matchesExpected } = formatFixtures("acl-xml");

async function assertMatchesExpected(name: string): Promise<ReadItem[]> {
  const items = await readFixture(name);
  matchesExpected(name, items);
  return items;
}

test("2024.findings-excerpt.xml gives exactly its expected canonical records", async () => {
  const items = await assertMatchesExpected("2024.findings-excerpt.xml");
  assert.equal(items.length, 4, "four papers; the frontmatter is not one");
  assert.ok(items.every((item) => item.kind === "record"));
});

test("2024.findings-excerpt.xml: titles, authors, volume meta, ids", async () => {
  const papers = papersOf(await readFixture("2024.findings-excerpt.xml"));
  assert.deepEqual(
    papers.map((paper) => paper.title),
    [
      "Chem-FINESE: Validating Fine-Grained Few-shot Entity Extraction through Text Reconstruction",
      "GPTs Are Multilingual Annotators for Sequence Generation Tasks",
      "Next Visit Diagnosis Prediction via Medical Code-Centric Multimodal Contrastive EHR Modelling with Hierarchical Regularisation",
      "FlexiQA: Leveraging LLM’s Evaluation Capabilities for Flexible Knowledge Selection in Open-domain Question Answering",
    ],
  );
  assert.deepEqual(
    papers.map((paper) => paper.authors.length),
    [7, 4, 1, 3],
  );
  assert.ok(!papers.flatMap((paper) => paper.authors).some((author) => author.name === "Yvette Graham"), "editors are not authors");

  const [first] = papers;
  assert.equal(first.sourceKey, "acl:2024.findings-eacl.1");
  assert.equal(first.url, "https://aclanthology.org/2024.findings-eacl.1");
  assert.equal(first.year, 2024);
  assert.equal(first.pages, "1-16");
  assert.deepEqual(first.authors[0], { name: "Qingyun Wang" });
  assert.deepEqual(first.venue, {
    name: "Findings of the Association for Computational Linguistics: EACL 2024",
    acronym: "findings",
    kind: "conference",
  });
  assert.deepEqual(first.location, { file: "2024.findings-excerpt.xml", line: 19 });
  assert.ok(first.abstract?.startsWith("Fine-grained few-shot entity extraction in the chemical domain"));
  assert.equal(papers[3].abstract, undefined, "the excerpt leaves the fourth abstract out");
});

test("the records do not depend on how the bytes are chunked (multi-byte characters split)", async () => {
  const whole = await readFixture("variants.xml");
  for (const chunkBytes of [1, 5, 64]) assert.deepEqual(await readFixture("variants.xml", chunkBytes), whole, `${chunkBytes}-byte chunks`);
});

test("variants.xml (journal, workshop, ids, markup) gives its expected canonical records", async () => {
  const papers = papersOf(await assertMatchesExpected("variants.xml"));
  const byKey = new Map(papers.map((paper) => [paper.sourceKey, paper]));
  assert.equal(papers.length, 5, "the frontmatter is skipped");

  const tacl = byKey.get("acl:2023.tacl-1.3")!;
  assert.deepEqual(tacl.authors.slice(0, 2), [
    { name: "Josef Valvoda", key: { scheme: "acl", value: "josef-valvoda" } },
    { name: "Ryan Cotterell", key: { scheme: "acl", value: "ryan-cotterell" }, orcid: "0000-0002-1234-567X" },
  ]);
  assert.equal(tacl.doi, "10.1162/tacl_a_00532");
  assert.equal(tacl.url, "https://aclanthology.org/2023.tacl-1.3", "the <url> inside the abstract is not the paper's");
  assert.equal(
    tacl.abstract,
    "Every legal case sets a precedent. Code: https://github.com/valvoda/Negative-Precedent-in-Legal-Outcome-Prediction",
  );
  assert.deepEqual(tacl.venue, {
    name: "Transactions of the Association for Computational Linguistics, Volume 11",
    acronym: "tacl",
    kind: "journal",
  });

  const markup = byKey.get("acl:2023.tacl-1.4")!;
  assert.equal(markup.title, "Scaling O(n^2) Attention for Benoît’s Corpus");
  assert.deepEqual(markup.authors, [{ name: "Benoît Crabbé" }, { name: "Mononymous" }]);

  const noAuthors = byKey.get("acl:2023.tacl-2.1")!;
  assert.deepEqual(noAuthors.authors, [], "a paper without authors is still a paper");
  assert.deepEqual(noAuthors.venue, {
    name: "Proceedings of the 23rd Workshop on Biomedical Natural Language Processing",
    acronym: "bionlp",
    kind: "workshop",
  });

  const external = byKey.get("acl:lee-2024-old")!;
  assert.equal(external.url, "http://example.org/papers/old-paper.pdf");
  assert.deepEqual(external.authors, [{ name: "Ann Lee" }], "paper-level editors are not authors");
  assert.equal(byKey.get("acl:2023.tacl-2.3")!.url, "https://aclanthology.org/2023.tacl-2.3");
});
