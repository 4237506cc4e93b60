import assert from "node:assert/strict";
import { test } from "node:test";
import { optionalLuceneQuery, toLuceneQuery } from "../../../src/kernel/search-text";

const badInput = (error: unknown) => (error as { extensions?: { code?: string } }).extensions?.code === "BAD_USER_INPUT";

test("every word is required and the last one may be a prefix", () => {
  assert.equal(toLuceneQuery("Wei Xiong"), "+wei +(xiong xiong*)");
  assert.equal(toLuceneQuery("  tong   zh "), "+tong +(zh zh*)");
});

test("Lucene syntax in user text is escaped, so it cannot change or break the query", () => {
  assert.equal(toLuceneQuery("O'Brien (2020)"), "+o'brien +(\\(2020\\) \\(2020\\)*)");
  assert.equal(
    toLuceneQuery('a:b "c" d~ e^2 f* g? [h TO i] {j} k\\l m/n +o -p !q r&&s t||u'),
    '+a\\:b +\\"c\\" +d\\~ +e\\^2 +f\\* +g\\? +\\[h +to +i\\] +\\{j\\} +k\\\\l +m\\/n +\\+o +p +\\!q +r\\&\\&s +(t\\|\\|u t\\|\\|u*)',
  );
});

test("words joined by a dash are each required, as the index's tokenizer splits them", () => {
  assert.equal(toLuceneQuery("Lovelace-King"), "+lovelace +(king king*)");
  assert.equal(toLuceneQuery("Nils\u2013Erik Ma"), "+nils +erik +(ma ma*)");
});

test("the prefix is folded as the index folds words, and escaped after folding", () => {
  assert.equal(toLuceneQuery("José Núñ"), "+josé +(núñ nun*)");
  assert.equal(toLuceneQuery("Łuk"), "+(łuk luk*)");
  assert.equal(toLuceneQuery("straß"), "+(straß strass*)");
  // NFKD turns full-width punctuation into Lucene syntax: escaped after folding, never bare.
  assert.equal(toLuceneQuery("wei\uff08"), "+(wei\uff08 wei\\(*)");
  assert.equal(toLuceneQuery("smith\uff02"), '+(smith\uff02 smith\\"*)');
});

test("operator words lose their meaning (lower-cased)", () => {
  assert.equal(toLuceneQuery("cats AND dogs OR NOT"), "+cats +and +dogs +or +(not not*)");
});

test("blank, punctuation-only and overlong searches are BAD_USER_INPUT", () => {
  for (const text of ["", "   ", "\t\n", "() - !", "*"]) assert.throws(() => toLuceneQuery(text), badInput, JSON.stringify(text));
  assert.throws(() => toLuceneQuery("a".repeat(201)), badInput);
});

test("words made only of punctuation are dropped, the rest kept", () => {
  assert.equal(toLuceneQuery("graph - neural"), "+graph +(neural neural*)");
});

test("an optional search may be absent but not blank", () => {
  assert.equal(optionalLuceneQuery(null), null);
  assert.equal(optionalLuceneQuery(undefined), null);
  assert.throws(() => optionalLuceneQuery(" "), badInput);
});
