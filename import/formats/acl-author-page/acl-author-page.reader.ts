import { UnparseableFileError, type FormatReader, type ReadItem } from "../../canonical";
import { readLines, type NumberedLine } from "../line-stream";
import { mapAuthorPageBlock, type AuthorPageBlock } from "./acl-author-page.mapping";
import { isPaperMarkerLine, isYearHeading } from "./acl-author-page.shape";

/**
 * Reads an ACL Anthology author page saved as text:
 *
 *   Wei Xiong                     <- page owner (first non-blank line)
 *   2024                          <- year heading
 *   pdf bib                       <- opens a paper block
 *   <title>
 *   <author> | <author> | ...
 *   <venue>
 *   (blank line)
 *   <abstract paragraph>          <- optional
 *
 * The title, authors and venue lines are consecutive; a blank line ends them. Only the current
 * block is held in memory.
 */
export const aclAuthorPageReader: FormatReader = {
  format: "acl-author-page",
  read: readAuthorPage,
};

async function* readAuthorPage(input: AsyncIterable<Buffer>, file: string): AsyncGenerator<ReadItem> {
  let owner: string | undefined;
  let year: number | undefined;
  let block: AuthorPageBlock | undefined;
  let headerClosed = false;
  let paragraph: string[] = [];
  let blocksSeen = 0;
  let firstStrayLine: number | undefined;

  const closeParagraph = (): void => {
    if (block && paragraph.length > 0) block.abstractParagraphs.push(paragraph.join(" "));
    paragraph = [];
  };
  const finishBlock = (): ReadItem | undefined => {
    closeParagraph();
    const finished = block;
    block = undefined;
    return finished ? mapAuthorPageBlock(finished, file) : undefined;
  };

  for await (const { text, line } of readLines(input, file)) {
    const trimmed = text.trim();
    if (owner === undefined) {
      if (trimmed === "") continue;
      if (isYearHeading(trimmed) || isPaperMarkerLine(trimmed)) {
        throw new UnparseableFileError(file, "the first line must be the page owner's name", { file, line });
      }
      owner = trimmed.replace(/\s+/g, " ");
      continue;
    }
    if (isPaperMarkerLine(trimmed) || isYearHeading(trimmed)) {
      const finished = finishBlock();
      if (finished) yield finished;
      if (isYearHeading(trimmed)) {
        year = Number(trimmed);
      } else {
        block = { owner, year, line, header: [], abstractParagraphs: [] };
        headerClosed = false;
        blocksSeen += 1;
      }
      continue;
    }
    if (!block) {
      // Text outside any paper block (page furniture such as "Co-authors"): not a paper, ignored.
      if (trimmed !== "") firstStrayLine ??= line;
      continue;
    }
    if (trimmed === "") {
      if (block.header.length > 0) headerClosed = true;
      closeParagraph();
    } else if (!headerClosed && block.header.length < HEADER_LINES) {
      block.header.push({ text: trimmed, line } satisfies NumberedLine);
    } else {
      headerClosed = true;
      paragraph.push(trimmed);
    }
  }
  const last = finishBlock();
  if (last) yield last;
  if (blocksSeen === 0 && firstStrayLine !== undefined) {
    throw new UnparseableFileError(file, `no paper blocks found (each paper starts with a "pdf bib" line)`, {
      file,
      line: firstStrayLine,
    });
  }
}

/** Title, authors, venue. */
const HEADER_LINES = 3;
