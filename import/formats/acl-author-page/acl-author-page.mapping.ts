import type { CanonicalPaper, CanonicalVenue, ReadItem, VenueKind } from "../../canonical";
import type { NumberedLine } from "../line-stream";
import { collapseWhitespace, normaliseTitle } from "../../normalise/text";

/** The raw record of an author page: one "pdf bib" block and the context it sits in. */
export interface AuthorPageBlock {
  owner: string;
  /** From the closest year heading above the block; undefined before the first heading. */
  year?: number;
  /** Line of the "pdf bib" marker that opens the block. */
  line: number;
  /** Up to three consecutive lines after the marker: title, authors, venue. */
  header: NumberedLine[];
  abstractParagraphs: string[];
}

/** Maps one block to a canonical paper; a block without its authors or venue line is rejected. */
export function mapAuthorPageBlock(block: AuthorPageBlock, file: string): ReadItem {
  const location = { file, line: block.line };
  const [titleLine, authorsLine, venueLine] = block.header;
  if (!titleLine) return { kind: "rejected", location, reason: "paper block has no title, authors or venue line" };
  if (!authorsLine || !venueLine) {
    return {
      kind: "rejected",
      location,
      reason: `paper block "${titleLine.text}" is missing its ${authorsLine ? "venue" : "authors and venue"} line (expected title, authors separated by " | ", venue on consecutive lines)`,
    };
  }
  const authorNames = authorsLine.text
    .split("|")
    .map(collapseWhitespace)
    .filter((name) => name.length > 0);
  if (authorNames.length === 0) {
    return { kind: "rejected", location, reason: `paper block "${titleLine.text}" has an empty authors line` };
  }
  const title = collapseWhitespace(titleLine.text);
  const record: CanonicalPaper = {
    sourceKey: `acl-page:${block.owner}#${normaliseTitle(title)}`,
    title,
    year: block.year,
    authors: authorNames.map((name) => ({ name })),
    venue: venueOf(venueLine.text),
    location,
  };
  if (block.abstractParagraphs.length > 0) record.abstract = block.abstractParagraphs.join("\n\n");
  if (record.year === undefined) delete record.year;
  return { kind: "record", record };
}

function venueOf(line: string): CanonicalVenue {
  const name = collapseWhitespace(line);
  return { name, kind: venueKind(name) };
}

/**
 * Workshop proceedings first (they are often "Proceedings of the ... Workshop"); Findings volumes are conference
 * papers. The Anthology's journals are TACL ("Transactions of ...") and Computational Linguistics, whose venue line
 * is "Computational Linguistics, Volume 45, Issue 1 - March 2019".
 */
function venueKind(name: string): VenueKind {
  if (/\bworkshops?\b/i.test(name)) return "workshop";
  if (/^findings\b/i.test(name)) return "conference";
  if (/\b(?:journal|transactions)\b/i.test(name) || /^computational linguistics\b/i.test(name)) return "journal";
  return "conference";
}
