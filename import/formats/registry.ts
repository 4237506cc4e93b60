import type { Format, FormatReader } from "../canonical";
import { aclAuthorPageReader } from "./acl-author-page/acl-author-page.reader";
import { aclXmlReader } from "./acl-xml/acl-xml.reader";
import { bibtexReader } from "./bibtex/bibtex.reader";
import { cslJsonReader } from "./csl-json/csl-json.reader";
import { dblpXmlReader } from "./dblp-xml/dblp-xml.reader";

/** One reader per format; adding a format means adding a reader here and to FORMATS in canonical.ts. */
const READERS: Readonly<Record<Format, FormatReader>> = {
  "acl-author-page": aclAuthorPageReader,
  "acl-xml": aclXmlReader,
  "dblp-xml": dblpXmlReader,
  bibtex: bibtexReader,
  "csl-json": cslJsonReader,
};

export function readerFor(format: Format): FormatReader {
  return READERS[format];
}
