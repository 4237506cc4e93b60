import { BadUserInputError } from "../errors";
import type { YearWindow } from "./argument-rules";

/**
 * How much one coauthorship tie weighs. Every scheme reads the pair's joint papers, one (year, byline size n) entry
 * per paper, kept on COAUTHORED_WITH.paperYears/paperSizes by the importer; papers with more than maxAuthorsPerPaper
 * authors (when given) and papers outside the year window add nothing, to the tie or to any total.
 */
export enum TieStrength {
  FULL = "FULL",
  NEWMAN = "NEWMAN",
  FRACTIONAL = "FRACTIONAL",
  ASSOCIATION_STRENGTH = "ASSOCIATION_STRENGTH",
}

/** Formula and source of each scheme: the schema's descriptions and every explanation quote these. */
export const TIE_STRENGTH_FORMULAS: Record<TieStrength, string> = {
  [TieStrength.FULL]: "Full counting: s_ij = Σ_p 1 over the joint papers p of i and j (the number of joint papers).",
  [TieStrength.NEWMAN]:
    "Newman's collaboration weight: s_ij = Σ_p 1/(n_p − 1), n_p the number of authors of joint paper p, so each paper adds 1 to each of its authors' total tie weight (M. E. J. Newman, Scientific collaboration networks II, Phys. Rev. E 64, 016132, 2001). Perianes-Rodriguez, Waltman & van Eck (J. Informetrics 10, 2016) call this fractional counting.",
  [TieStrength.FRACTIONAL]:
    "Fractional counting: s_ij = Σ_p 1/n_p, each paper a unit shared by its n_p authors (the fractional approach of V. Batagelj & M. Cerinšek, On bibliographic networks, Scientometrics 96, 2013: N = Aᵀ·diag(1/n)·A without the diagonal).",
  [TieStrength.ASSOCIATION_STRENGTH]:
    "Association strength: s_ij = 2m·c_ij/(w_i·w_j), c_ij the joint papers, w_i = Σ_j c_ij = Σ_{p∋i} (n_p − 1) author i's total tie count and m = Σ_{i<j} c_ij = Σ_p n_p(n_p − 1)/2 the whole graph's, all under the same window and maxAuthorsPerPaper: observed joint papers over those expected if i and j chose coauthors independently (1 = as expected; N. J. van Eck & L. Waltman, How to normalize cooccurrence data?, JASIST 60, 2009; VOSviewer's default).",
};

/** What a tie-building field needs: the scheme, the byline cap and the window. */
export interface TieRule extends YearWindow {
  strength: TieStrength;
  /** Papers with more authors add no tie; null: no cap. */
  maxAuthors: number | null;
}

export const MAX_AUTHORS_PER_PAPER = { min: 2, max: 100_000 };

export function tieStrength(value: string | null | undefined): TieStrength {
  if (value === null || value === undefined) return TieStrength.FULL;
  if (!(Object.values(TieStrength) as string[]).includes(value))
    throw new BadUserInputError(`strength must be one of ${Object.values(TieStrength).join(", ")}`, { argument: "strength" });
  return value as TieStrength;
}

export function maxAuthorsPerPaper(value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < MAX_AUTHORS_PER_PAPER.min || value > MAX_AUTHORS_PER_PAPER.max)
    throw new BadUserInputError(
      `maxAuthorsPerPaper must be between ${MAX_AUTHORS_PER_PAPER.min} and ${MAX_AUTHORS_PER_PAPER.max} (got ${value}); leave it out for no cap`,
      { argument: "maxAuthorsPerPaper" },
    );
  return value;
}

/** True when the plain joint-paper count answers (full counting, no cap): the fields' original, fastest paths. */
export function isPlainCount(rule: Pick<TieRule, "strength" | "maxAuthors">): boolean {
  return rule.strength === TieStrength.FULL && rule.maxAuthors === null;
}

/** The weight one joint paper with n authors adds to a tie (association strength: its raw count, normalised later). */
export function paperWeight(strength: TieStrength, n: number): number {
  if (strength === TieStrength.NEWMAN) return 1 / (n - 1);
  if (strength === TieStrength.FRACTIONAL) return 1 / n;
  return 1;
}

/** Association strength from a tie's joint papers, both ends' tie totals and the graph's total (all under one rule). */
export function associationStrength(joint: number, wi: number, wj: number, m: number): number {
  return wi > 0 && wj > 0 ? (2 * m * joint) / (wi * wj) : 0;
}

/** The parameters every explanation of a tie-built figure records. */
export function tieParameters(rule: TieRule): Record<string, unknown> {
  return { strength: rule.strength, maxAuthorsPerPaper: rule.maxAuthors, yearFrom: rule.yearFrom, yearTo: rule.yearTo };
}
