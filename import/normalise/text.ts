/** Unicode NFKD with combining marks (diacritics) removed: "Véronique" -> "Veronique". */
export function foldDiacritics(value: string): string {
  return value.normalize("NFKD").replace(/\p{M}+/gu, "");
}

/**
 * Whitespace runs collapsed to one space and trimmed. Control characters (Unicode Cc: U+0000–U+001F, U+007F–U+009F)
 * count as whitespace: a stray one in a BibTeX or CSL-JSON name made an author id of its own ("name:b\u0001" beside
 * "name:b"), which XML cannot even carry (GEXF and GraphML dropped it, and two authors had one id there).
 */
export function collapseWhitespace(value: string): string {
  return value.replace(/[\s\p{Cc}]+/gu, " ").trim();
}

/**
 * Author nameKey (DESIGN.md): NFKD, marks removed, lower-cased, whitespace collapsed.
 * Punctuation is kept on purpose: "Aaron C. Courville" and "Aaron Courville" stay apart.
 */
export function nameKey(displayName: string): string {
  return collapseWhitespace(foldDiacritics(displayName).toLowerCase());
}

/**
 * Title/venue normalisation: NFKD, marks removed, lower-cased, every run of non [a-z0-9] -> one space, trimmed.
 * A title written mostly in another script (Chinese, Russian, Greek, …: at least half as many of its letters as of
 * a-z and at least two, letters of the Latin script not counted, an ideograph counting three) keeps every letter and
 * digit instead: with [a-z0-9] alone all such titles of a year were one key, so their
 * papers one paper with every author of them (and such venues had no id). A Latin title keeps the key it always had
 * ("β-VAE" leaves its β out), so that the keys already in a graph do not move. Neither (punctuation only, "???"):
 * the title as written, lower-cased, white space collapsed.
 */
export function normaliseTitle(title: string): string {
  const folded = foldDiacritics(title).toLowerCase();
  const latin = folded.replace(/[^a-z0-9]+/g, " ").trim();
  const latinLetters = latin.replace(/[^a-z]/g, "").length;
  // Letters of other scripts only: a Latin letter without a decomposition (ø, ł, ß, đ) is still a Latin title's.
  const other = folded.replace(/[^\p{L}]|\p{Script=Latin}/gu, "");
  // An ideograph or syllable of Chinese, Japanese or Korean says about as much as a short word: three letters' worth.
  const otherLetters =
    other.length + 2 * other.replace(/[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu, "").length;
  // At least two letters' worth: one Greek symbol ("ε-DP", "ΔV") leaves a Latin title's key as it was.
  if (otherLetters >= 2 && 2 * otherLetters >= latinLetters) return folded.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  return latin || collapseWhitespace(folded);
}

/** DOI lower-cased without a resolver prefix; undefined when it does not look like a DOI. */
export function normaliseDoi(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  const doi = raw
    .trim()
    .replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, "")
    .replace(/^doi:\s*/i, "")
    .toLowerCase();
  return /^10\.\d{4,9}\/\S+$/.test(doi) ? doi : undefined;
}
