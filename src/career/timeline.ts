/*
 * An author's career year by year, computed from the author's papers (one row per paper: year, byline size, the
 * author's byline position, the paper's last position and the other authors). Pure, so tests and the benchmark can
 * check it against counts made from the raw records.
 */

export interface CareerPaper {
  paperId: string;
  year: number | null;
  /** Authors on the byline, the author included. */
  size: number;
  /** The author's 1-based byline position (the smallest when a source lists the author twice). */
  position: number;
  /** The largest byline position on the paper: the last author's. */
  lastPosition: number;
  /** Ids of the other authors. */
  coauthors: string[];
}

export interface TimelineYearData {
  year: number;
  /** 1 January of the year, 00:00 UTC, ISO 8601: what Grafana's time series and Observable Plot read as time. */
  time: string;
  papers: number;
  coauthors: number;
  newCoauthors: number;
  repeatCoauthors: number;
  meanTeamSize: number | null;
  medianTeamSize: number | null;
  soloPapers: number;
  firstAuthorPapers: number;
  lastAuthorPapers: number;
  largeTeamPapers: number;
  largeTeamShare: number | null;
}

export const DEFAULT_LARGE_TEAM_THRESHOLD = 10;

export function isoYear(year: number): string {
  const y = Math.abs(year).toString().padStart(4, "0");
  return `${year < 0 ? "-00" : ""}${y}-01-01T00:00:00.000Z`;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}

/**
 * One row per year from the first to the last dated paper inside [yearFrom, yearTo] (years without papers included,
 * with zeros, so a time axis has no holes). A coauthor is new in a year when no earlier dated paper of the author
 * (inside the window or before it) has them; undated papers count for no year and make nobody new or repeat.
 */
export function timelineRows(
  papers: readonly CareerPaper[],
  yearFrom: number | null,
  yearTo: number | null,
  largeTeam: number,
): TimelineYearData[] {
  const dated = papers.filter((p): p is CareerPaper & { year: number } => p.year !== null).sort((a, b) => a.year - b.year);
  const byYear = new Map<number, CareerPaper[]>();
  for (const p of dated) byYear.set(p.year, [...(byYear.get(p.year) ?? []), p]);
  const inside = dated.filter((p) => (yearFrom === null || p.year >= yearFrom) && (yearTo === null || p.year <= yearTo));
  if (inside.length === 0) return [];
  const first = inside[0].year;
  const last = inside[inside.length - 1].year;
  const seen = new Set<string>();
  for (const p of dated) if (p.year < first) for (const c of p.coauthors) seen.add(c);
  const rows: TimelineYearData[] = [];
  for (let year = first; year <= last; year++) {
    const list = byYear.get(year) ?? [];
    const coauthors = new Set(list.flatMap((p) => p.coauthors));
    const fresh = [...coauthors].filter((c) => !seen.has(c)).length;
    const sizes = list.map((p) => p.size);
    const large = list.filter((p) => p.size > largeTeam).length;
    rows.push({
      year,
      time: isoYear(year),
      papers: list.length,
      coauthors: coauthors.size,
      newCoauthors: fresh,
      repeatCoauthors: coauthors.size - fresh,
      meanTeamSize: mean(sizes),
      medianTeamSize: median(sizes),
      soloPapers: list.filter((p) => p.size === 1).length,
      firstAuthorPapers: list.filter((p) => p.position === 1).length,
      lastAuthorPapers: list.filter((p) => p.size >= 2 && p.position === p.lastPosition).length,
      largeTeamPapers: large,
      largeTeamShare: list.length === 0 ? null : large / list.length,
    });
    for (const c of coauthors) seen.add(c);
  }
  return rows;
}
