/**
 * Streaming DBLP XML reader. Every child of `<dblp>` is one record; each is built as a small tree when its
 * closing tag arrives, turned into a DblpRawRecord here and mapped by dblp-xml.mapping.ts. Entities come
 * from the pinned dblp.dtd only (see dtd-entities.ts); `<!DOCTYPE dblp SYSTEM "dblp.dtd">` is accepted
 * but never loaded.
 */
import type { FormatReader, ReadItem } from "../../canonical";
import { MAX_RECORD_CHARS, streamXmlRecords, textOf, type XmlElement } from "../xml-stream";
import { DBLP_NON_PAPER_KINDS, mapDblpRecord, type DblpRawRecord } from "./dblp-xml.mapping";
import { pinnedDblpEntities } from "./dtd-entities";

type SingleValuedField = "title" | "year" | "booktitle" | "journal" | "series" | "pages";
const SINGLE_VALUED_FIELDS: ReadonlySet<string> = new Set<SingleValuedField>(["title", "year", "booktitle", "journal", "series", "pages"]);

/** One pass over the record's children (the hot path of a multi-GB import); the first of each field wins. */
export function toDblpRawRecord(element: XmlElement): DblpRawRecord {
  const raw: DblpRawRecord = { kind: element.name, key: element.attributes.key?.trim() || undefined, authors: [], ee: [] };
  for (const child of element.children) {
    if (typeof child === "string") continue;
    const name = child.name;
    if (name === "author") {
      raw.authors.push({ text: textOf(child), orcid: child.attributes.orcid?.trim() || undefined });
    } else if (name === "ee") {
      const ee = textOf(child);
      if (ee) raw.ee.push(ee);
    } else if (SINGLE_VALUED_FIELDS.has(name)) {
      const field = name as SingleValuedField;
      raw[field] ??= textOf(child) || undefined;
    }
  }
  return raw;
}

export const dblpXmlReader: FormatReader = {
  format: "dblp-xml",
  async *read(input: AsyncIterable<Buffer>, file: string): AsyncIterable<ReadItem> {
    const records = streamXmlRecords(input, {
      file,
      rootName: "dblp",
      entities: pinnedDblpEntities(),
      allowedDtdNames: ["dblp.dtd"],
      // Person pages (about a third of dblp.xml) are never built, only walked past.
      isRecord: (name, ancestors) => ancestors.length === 1 && !DBLP_NON_PAPER_KINDS.has(name),
    });
    for await (const { element, oversized } of records) {
      const location = { file, line: element.line };
      if (oversized) {
        const key = element.attributes.key ?? "";
        yield { kind: "rejected", location, reason: `<${element.name} key="${key}"> is larger than ${MAX_RECORD_CHARS} characters` };
        continue;
      }
      const mapped = mapDblpRecord(toDblpRawRecord(element), location);
      if (mapped.kind === "paper") yield { kind: "record", record: mapped.paper };
      else if (mapped.kind === "rejected") yield { kind: "rejected", location, reason: mapped.reason };
    }
  },
};
