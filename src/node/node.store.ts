import type { Database } from "../db/database";
import { AuthorRecord, toAuthorRecord } from "../author/author.record";
import { PaperRecord, toPaperRecord } from "../paper/paper.record";
import { toVenueRecord, VenueRecord } from "../venue/venue.record";
import { NODES_BY_IDS } from "./node.cypher";
import { byOwner } from "../kernel/rows";

/** What node(id) found, with its label (kernel/node-label.ts lists the labels). */
export type NodeRecord =
  { label: "Author"; record: AuthorRecord } | { label: "Paper"; record: PaperRecord } | { label: "Venue"; record: VenueRecord };

export async function readNodesByIds(db: Database, ids: string[]): Promise<Map<string, NodeRecord>> {
  const records = await db.read(NODES_BY_IDS, { ids });
  return byOwner(
    records,
    (r): NodeRecord => {
      const label = r.get("label") as NodeRecord["label"];
      if (label === "Author") return { label, record: toAuthorRecord(r.get("author")) };
      if (label === "Paper") return { label, record: toPaperRecord(r.get("paper")) };
      return { label: "Venue", record: toVenueRecord(r.get("venue")) };
    },
    "id",
  );
}
