import type { Database } from "../db/database";
import type { TieRule } from "./tie-strength";
import { AUTHOR_TIE_TOTALS, GRAPH_TIE_TOTAL } from "./ties.cypher";

/** The rule as statement parameters ($strength, $maxAuthors, $yearFrom, $yearTo). */
export function ruleParams(rule: TieRule): { strength: string; maxAuthors: number | null; yearFrom: number | null; yearTo: number | null } {
  return { strength: rule.strength, maxAuthors: rule.maxAuthors, yearFrom: rule.yearFrom, yearTo: rule.yearTo };
}

/** w_i for each author (0 for one without ties under the rule): association strength's per-author totals. */
export async function readAuthorTieTotals(db: Database, ids: readonly string[], rule: TieRule): Promise<Map<string, number>> {
  const records = await db.read(AUTHOR_TIE_TOTALS, { ids: [...ids], ...ruleParams(rule) });
  const totals = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const r of records) totals.set(r.get("id") as string, Number(r.get("total")));
  return totals;
}

/** m, the graph's total tie count under the rule (one pass over the papers). */
export async function readGraphTieTotal(db: Database, rule: TieRule): Promise<number> {
  const [record] = await db.read(GRAPH_TIE_TOTAL, ruleParams(rule));
  return Number(record?.get("total") ?? 0);
}
