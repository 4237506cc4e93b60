import { BadUserInputError } from "../errors";
import { MAX_SEARCH_LENGTH } from "./argument-rules";

/** Every character Lucene's classic query parser gives a meaning to. */
const LUCENE_SPECIAL = /[\\+\-!():^[\]"{}~*?|&/]/g;
/** A term is worth sending only if the analyzer will keep something of it. */
const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Turns what a user typed into a safe Lucene query for Neo4j's full-text indexes.
 *
 * - Special characters are escaped and the text lower-cased, so `O'Brien (2020)` or a stray
 *   `AND`/`OR`/`NOT` can never change the query's structure or make the parser fail.
 * - Every term is required (`+term`): "wei xiong" finds Wei Xiong, not every Wei and every Xiong; words joined by a
 *   dash are terms of their own ("lovelace-king" asks for both).
 * - The last term also matches as a prefix, so type-ahead works ("tong zh" finds Tong Zhang);
 *   the exact form is OR-ed in so that full words still rank first.
 *
 * Blank text, text with no letter or digit, and text over MAX_SEARCH_LENGTH are BAD_USER_INPUT.
 */
export function toLuceneQuery(raw: string): string {
  const text = raw.trim();
  if (text.length > MAX_SEARCH_LENGTH) {
    throw new BadUserInputError(`search must be at most ${MAX_SEARCH_LENGTH} characters`, { argument: "search" });
  }
  // Split at dashes too: the index's tokenizer splits "lovelace-king" in two, and Lucene's parser joins the two
  // halves of one term with OR, so every Lovelace and every King matched where both were asked for.
  const terms = text
    .toLowerCase()
    .split(/[\s\p{Pd}]+/u)
    .filter((term) => HAS_WORD_CHARACTER.test(term))
    .map((term) => term.replace(LUCENE_SPECIAL, (ch) => `\\${ch}`));
  if (terms.length === 0) {
    throw new BadUserInputError("search must contain at least one letter or digit", { argument: "search" });
  }
  const last = terms.length - 1;
  // A prefix term is not analysed: folded here as the index folds what it holds ("núñ" finds Núñez).
  return terms.map((term, i) => (i === last ? `+(${term} ${foldMarks(term)}*)` : `+${term}`)).join(" ");
}

/** Combining marks removed after NFKD (é → e, ñ → n), as the indexes' standard-folding analyzer folds them. */
function foldMarks(term: string): string {
  return term.normalize("NFKD").replace(/\p{M}+/gu, "");
}

/** Optional search arguments: absent or null means "no search"; anything given must be searchable. */
export function optionalLuceneQuery(raw: string | null | undefined): string | null {
  return raw === null || raw === undefined ? null : toLuceneQuery(raw);
}
