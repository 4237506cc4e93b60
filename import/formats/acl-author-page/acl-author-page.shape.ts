/**
 * The line shapes of an ACL Anthology author page copied as text. Shared by the reader and by
 * format detection, so both agree on what a paper block looks like.
 */

/** Link labels the Anthology prints in front of each paper ("pdf bib", "pdf bib abs", "bib video"). */
const LINK_LABELS = new Set([
  "pdf",
  "bib",
  "abs",
  "video",
  "poster",
  "slides",
  "presentation",
  "software",
  "code",
  "data",
  "dataset",
  "attachment",
  "note",
  "supplementary",
]);

/** True for the link line that opens a paper block: only link labels, "bib" among them (every paper has one). */
export function isPaperMarkerLine(line: string): boolean {
  const labels = line.trim().toLowerCase().split(/\s+/);
  return labels.includes("bib") && labels.every((label) => LINK_LABELS.has(label));
}

/** True for a year heading: a line that is just a 4-digit year. */
export function isYearHeading(line: string): boolean {
  return /^\s*(?:1[89]|2\d)\d\d\s*$/.test(line);
}
