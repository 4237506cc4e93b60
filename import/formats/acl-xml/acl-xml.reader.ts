/**
 * Streaming ACL Anthology XML reader (`<collection>/<volume>/<meta|paper>`). A volume's `<meta>` comes
 * before its papers, so it is kept while the volume is open and applied to each `<paper>` as that paper's
 * closing tag arrives. `<frontmatter>` and everything else under a volume are never built. Only XML's
 * predefined entities are accepted (the Anthology writes plain UTF-8).
 */
import type { FormatReader, ReadItem } from "../../canonical";
import {
  MAX_RECORD_CHARS,
  childElements,
  childText,
  streamXmlRecords,
  textOf,
  firstChild,
  type XmlAncestor,
  type XmlElement,
} from "../xml-stream";
import { mapAclPaper, type AclRawPaper, type AclRawVolume } from "./acl-xml.mapping";

const VOLUME_PARTS = new Set(["meta", "paper"]);

export function toAclRawVolume(collection: XmlAncestor, volume: XmlAncestor, meta: XmlElement | undefined): AclRawVolume {
  return {
    collectionId: collection.attributes.id ?? "",
    volumeId: volume.attributes.id ?? "",
    type: volume.attributes.type,
    booktitle: meta && childText(meta, "booktitle"),
    year: meta && childText(meta, "year"),
    venues: meta
      ? childElements(meta, "venue")
          .map(textOf)
          .filter((venue) => venue !== "")
      : [],
  };
}

export function toAclRawPaper(paper: XmlElement, volume: AclRawVolume): AclRawPaper {
  return {
    volume,
    paperId: paper.attributes.id,
    title: childText(paper, "title"),
    authors: childElements(paper, "author").map((author) => ({
      first: childText(author, "first"),
      last: childText(author, "last"),
      id: author.attributes.id?.trim() || undefined,
      orcid: author.attributes.orcid?.trim() || undefined,
    })),
    url: childText(paper, "url"),
    bibkey: childText(paper, "bibkey"),
    doi: childText(paper, "doi"),
    pages: childText(paper, "pages"),
    abstract: textOf(firstChild(paper, "abstract")) || undefined,
  };
}

export const aclXmlReader: FormatReader = {
  format: "acl-xml",
  async *read(input: AsyncIterable<Buffer>, file: string): AsyncIterable<ReadItem> {
    const records = streamXmlRecords(input, {
      file,
      rootName: "collection",
      isRecord: (name, ancestors) => ancestors.length === 2 && ancestors[1].name === "volume" && VOLUME_PARTS.has(name),
    });
    // The open <volume> (by identity) and what its <meta> said; reset when the next volume starts.
    let openVolume: XmlAncestor | undefined;
    let volumeInfo: AclRawVolume | undefined;
    for await (const { element, ancestors, oversized } of records) {
      const [collection, volume] = ancestors;
      if (volume !== openVolume) {
        openVolume = volume;
        volumeInfo = toAclRawVolume(collection, volume, undefined);
      }
      const location = { file, line: element.line };
      if (oversized) {
        yield { kind: "rejected", location, reason: `<${element.name}> is larger than ${MAX_RECORD_CHARS} characters` };
      } else if (element.name === "meta") {
        volumeInfo = toAclRawVolume(collection, volume, element);
      } else {
        const mapped = mapAclPaper(toAclRawPaper(element, volumeInfo!), location);
        yield mapped.kind === "paper" ? { kind: "record", record: mapped.paper } : { kind: "rejected", location, reason: mapped.reason };
      }
    }
  },
};
