import type { Database } from "../db/database";
import { byOwner, listOf } from "../kernel/rows";
import type { TieRule } from "../kernel/tie-strength";
import { ruleParams } from "../kernel/tie-totals";
import { toAuthorRecord } from "./author.record";
import type { CoauthorRow } from "./author.store";
import { WEIGHTED_COAUTHORS_PAGE } from "./coauthor-ties.cypher";

export interface WeightedCoauthorPageArgs extends TieRule {
  minJointPapers: number;
  afterKey: number | null;
  afterName: string | null;
  afterId: string | null;
  limit: number;
}

export interface WeightedCoauthorRow extends CoauthorRow {
  /** What the list is ordered by: the strength, or for association strength c_ij / w_j (see coauthor-ties.cypher.ts). */
  sortKey: number;
}

export interface WeightedCoauthorPage {
  rows: WeightedCoauthorRow[];
  total: number;
}

export async function readWeightedCoauthors(
  db: Database,
  ownerIds: string[],
  args: WeightedCoauthorPageArgs,
): Promise<Map<string, WeightedCoauthorPage>> {
  const { minJointPapers, afterKey, afterName, afterId, limit } = args;
  const records = await db.read(WEIGHTED_COAUTHORS_PAGE, {
    ownerIds,
    ...ruleParams(args),
    minJointPapers,
    afterKey,
    afterName,
    afterId,
    limit,
  });
  return byOwner(records, (r) => ({
    rows: listOf(r, "rows", (row) => ({
      author: toAuthorRecord(row.author),
      sortName: String(row.sortName),
      jointPapers: Number(row.jointPapers),
      firstYear: typeof row.firstYear === "number" ? row.firstYear : null,
      lastYear: typeof row.lastYear === "number" ? row.lastYear : null,
      sortKey: Number(row.sortKey),
    })),
    total: Number(r.get("total")),
  }));
}
