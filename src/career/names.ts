/*
 * Name variants: which two author names may be the same person written two ways. Pure functions; the namesake flags
 * (namesakes.ts) and their benchmark use them. A name is compared by its family name (the last word) and its given
 * names (the words before), after folding: TeX already decoded by the importer, Unicode NFKD with combining marks
 * removed, lower case, and the German transliteration of ä/ö/ü (ae/oe/ue) accepted beside the plain letter.
 */

export interface ParsedName {
  /** Every spelling of the family name that counts as the same (diacritics folded; umlauts also as ae/oe/ue). */
  family: string[];
  /** Given names in order, folded, split at spaces, dots and hyphens ("Jean-François" → jean, francois). */
  given: string[];
  /** The given names with ä/ö/ü written ae/oe/ue ("Jörg" → joerg); equal to given when there is none. */
  givenTransliterated: string[];
}

const UMLAUTS: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };

function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

function transliterate(text: string): string {
  return text.toLowerCase().replace(/[äöüß]/g, (c) => UMLAUTS[c] ?? c);
}

function words(text: string): string[] {
  return text
    .split(/[\s.\-‐‑–]+/u)
    .map((w) => w.replace(/[^\p{L}\p{N}']/gu, ""))
    .filter((w) => w.length > 0);
}

export function parseName(name: string): ParsedName {
  const folded = words(fold(name));
  if (folded.length === 0) return { family: [], given: [], givenTransliterated: [] };
  const transliterated = words(fold(transliterate(name.normalize("NFC"))));
  const family = [...new Set([folded[folded.length - 1], transliterated[transliterated.length - 1]])];
  return { family, given: folded.slice(0, -1), givenTransliterated: transliterated.slice(0, -1) };
}

/** "y" and "yu" are compatible (an initial), "yu" and "yang" are not. */
function givenWordCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === 1) return b.startsWith(a);
  if (b.length === 1) return a.startsWith(b);
  return false;
}

/**
 * Whether two names may be one person: the same family name (any spelling), and given names that agree where both
 * have them: the first given names compatible (equal, or one an initial of the other), each later pair compatible
 * as far as both go (a middle name or initial present on one side only is fine: "Aaron C. Courville" ~ "Aaron
 * Courville"), or the given names equal once joined ("Xiao-Ming" ~ "Xiaoming"). A name with no given name matches
 * none (a bare family name is no evidence).
 */
export function namesCompatible(a: ParsedName, b: ParsedName): boolean {
  if (!a.family.some((f) => b.family.includes(f))) return false;
  if (a.given.length === 0 || b.given.length === 0) return false;
  return [a.given, a.givenTransliterated].some((ga) => [b.given, b.givenTransliterated].some((gb) => givenCompatible(ga, gb)));
}

function givenCompatible(a: readonly string[], b: readonly string[]): boolean {
  if (a.join("") === b.join("")) return true;
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) if (!givenWordCompatible(a[i], b[i])) return false;
  return true;
}

/** The name with every given name cut to its initial ("Aaron C. Courville" → "A. C. Courville"). */
export function initialsForm(name: string): string {
  const all = name.trim().split(/\s+/);
  if (all.length < 2) return name;
  const family = all[all.length - 1];
  const given = words(all.slice(0, -1).join(" ")).map((w) => `${w[0].toUpperCase()}.`);
  return [...given, family].join(" ");
}

/** The key names are grouped by before pairwise checks: the folded family name (the first spelling). */
export function familyKey(name: string): string {
  return parseName(name).family[0] ?? "";
}
