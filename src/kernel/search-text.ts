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
  const words = text
    .toLowerCase()
    .split(/[\s\p{Pd}]+/u)
    .filter((term) => HAS_WORD_CHARACTER.test(term));
  if (words.length === 0) {
    throw new BadUserInputError("search must contain at least one letter or digit", { argument: "search" });
  }
  const escape = (term: string) => term.replace(LUCENE_SPECIAL, (ch) => `\\${ch}`);
  const last = words.length - 1;
  // A prefix term is not analysed: folded here as the index folds what it holds ("núñ" finds Núñez, "łuk" Łukasz),
  // and escaped after folding (NFKD turns a full-width "（" into a "(" that must not reach the parser bare).
  return words.map((word, i) => (i === last ? `+(${escape(word)} ${escape(asciiFold(word))}*)` : `+${escape(word)}`)).join(" ");
}

/** Letters that the indexes' ASCII folding turns into others and NFKD leaves alone (Lucene's ASCIIFoldingFilter). */
const ASCII_FOLDS: Record<string, string> = { ł: "l", ø: "o", ß: "ss", æ: "ae", œ: "oe", đ: "d", ð: "d", þ: "th", ı: "i" };

/**
 * A lower-cased word as the indexes' standard-folding analyzer folds it, near enough for a prefix: NFKD with the
 * combining marks removed (é → e, ñ → n), then the letters NFKD keeps (ł → l, ß → ss).
 */
function asciiFold(word: string): string {
  return word
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[łøßæœđðþı]/g, (letter) => ASCII_FOLDS[letter]);
}

/** Optional search arguments: absent or null means "no search"; anything given must be searchable. */
export function optionalLuceneQuery(raw: string | null | undefined): string | null {
  return raw === null || raw === undefined ? null : toLuceneQuery(raw);
}
