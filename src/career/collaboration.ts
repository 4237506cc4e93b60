import { isoYear, mean } from "./timeline";

/*
 * How a pair's tie developed, and how strong it is for each end (pure). The three classes (weak, strong, super) are
 * those of A. M. Petersen, "Quantifying the impact of weak, strong, and super ties in scientific careers", PNAS
 * 112(34), E4671-E4680 (2015), whose abstract says super ties are identified with "analytic extreme-value
 * thresholds" from an egocentric view of each career. His exact thresholds (methods section) were not checked, so
 * the formula is ours, in that spirit: for an author i with S_i coauthors and mean tie strength <K_i> (joint papers
 * per coauthor), a tie K_ij is strong when K_ij > <K_i>, and super when K_ij >= <K_i> ln S_i, about the expected
 * largest of S_i tie strengths drawn from an exponential distribution with mean <K_i> (exactly <K_i>·H(S_i), the
 * harmonic number, ln S_i + 0.577 for large S_i). Below: weak.
 */

export enum TieClass {
  WEAK = "WEAK",
  STRONG = "STRONG",
  SUPER = "SUPER",
}

/** Super ties need at least this many joint papers and this many coauthors (ln S_i >= 1), so that a threshold
 *  below the mean (S_i <= 2) cannot make every tie of a small career "super". */
export const SUPER_TIE_MIN_PAPERS = 2;
export const SUPER_TIE_MIN_COAUTHORS = 3;

export const TIE_CLASS_RULE =
  "Our rule for the three classes of Petersen (PNAS 112(34), E4671, 2015), who separates super ties by analytic extreme-value thresholds; his exact thresholds were not checked, so this formula is ours: from author i's view, with S_i coauthors and mean tie strength <K_i> (joint papers per coauthor, all time), tie K_ij is SUPER when K_ij >= <K_i>·ln S_i (about the expected largest of S_i exponential tie strengths with mean <K_i>), STRONG when K_ij > <K_i>, WEAK otherwise. A SUPER tie also needs K_ij >= 2 and S_i >= 3. The pair's class is the stronger of the two views.";

export interface TieProfile {
  /** S_i: distinct coauthors, all time. */
  coauthors: number;
  /** <K_i>: mean joint papers per coauthor, all time. */
  meanTieStrength: number;
}

export interface TieViewData {
  tieClass: TieClass;
  coauthors: number;
  meanTieStrength: number;
  superThreshold: number;
}

export function tieView(joint: number, profile: TieProfile): TieViewData {
  const superThreshold = profile.coauthors > 0 ? profile.meanTieStrength * Math.log(profile.coauthors) : 0;
  const isSuper = joint >= SUPER_TIE_MIN_PAPERS && profile.coauthors >= SUPER_TIE_MIN_COAUTHORS && joint >= superThreshold;
  const tieClass = isSuper ? TieClass.SUPER : joint > profile.meanTieStrength ? TieClass.STRONG : TieClass.WEAK;
  return { tieClass, coauthors: profile.coauthors, meanTieStrength: profile.meanTieStrength, superThreshold };
}

const RANK = { [TieClass.WEAK]: 0, [TieClass.STRONG]: 1, [TieClass.SUPER]: 2 };

export function strongerClass(a: TieClass, b: TieClass): TieClass {
  return RANK[a] >= RANK[b] ? a : b;
}

export interface JointPaper {
  paperId: string;
  year: number | null;
  size: number;
}

export interface CollaborationYearData {
  year: number;
  time: string;
  jointPapers: number;
  /** Joint papers up to and including this year. */
  cumulativeJointPapers: number;
  meanTeamSize: number | null;
}

/** One row per year from the first to the last joint year (years without joint papers included, with zeros). */
export function collaborationRows(papers: readonly JointPaper[]): CollaborationYearData[] {
  const years = papers.map((p) => p.year).filter((y): y is number => y !== null);
  if (years.length === 0) return [];
  const first = Math.min(...years);
  const last = Math.max(...years);
  const rows: CollaborationYearData[] = [];
  let cumulative = 0;
  for (let year = first; year <= last; year++) {
    const list = papers.filter((p) => p.year === year);
    cumulative += list.length;
    rows.push({
      year,
      time: isoYear(year),
      jointPapers: list.length,
      cumulativeJointPapers: cumulative,
      meanTeamSize: mean(list.map((p) => p.size)),
    });
  }
  return rows;
}
