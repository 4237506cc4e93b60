import type { Database } from "../db/database";
import { hasWindow, YearWindow } from "../kernel/argument-rules";
import type { CoauthorListRow } from "./export.model";
import { AUTHOR_PAPER_YEARS, COAUTHOR_LIST, COAUTHOR_LIST_IN_WINDOW, PAIR_PAPERS_PER_YEAR } from "./export.cypher";

export interface AuthorYears {
  papers: number;
  firstYear: number | null;
  lastYear: number | null;
  meanYear: number | null;
}

const nullableNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** Exports read bigger answers than the API; give them the time a user waits for a download. */
const EXPORT_TIMEOUT_MS = 60_000;

export async function readAuthorYears(db: Database, ids: string[], window: YearWindow): Promise<Map<string, AuthorYears>> {
  const records = await db.read(AUTHOR_PAPER_YEARS, { ids, ...window }, { timeoutMs: EXPORT_TIMEOUT_MS });
  return new Map(
    records.map((r) => [
      String(r.get("id")),
      {
        papers: Number(r.get("papers")),
        firstYear: nullableNumber(r.get("firstYear")),
        lastYear: nullableNumber(r.get("lastYear")),
        meanYear: nullableNumber(r.get("meanYear")),
      },
    ]),
  );
}

/** Per pair "source|target": [year, joint papers] oldest first, of the joint papers inside the window and the byline cap. */
export async function readPairYears(
  db: Database,
  pairs: Array<[string, string]>,
  rule: YearWindow & { maxAuthors: number | null },
): Promise<Map<string, Array<[number, number]>>> {
  if (pairs.length === 0) return new Map();
  const records = await db.read(PAIR_PAPERS_PER_YEAR, { pairs, ...rule }, { timeoutMs: EXPORT_TIMEOUT_MS });
  return new Map(
    records.map((r) => [
      `${r.get("source")}|${r.get("target")}`,
      (r.get("perYear") as unknown[][]).map(([year, papers]) => [Number(year), Number(papers)] as [number, number]),
    ]),
  );
}

export async function readCoauthorList(
  db: Database,
  args: YearWindow & { authorId: string; minJointPapers: number },
): Promise<{ found: boolean; ownerName: string | null; rows: CoauthorListRow[] }> {
  const [record] = await db.read(hasWindow(args) ? COAUTHOR_LIST_IN_WINDOW : COAUTHOR_LIST, { ...args }, { timeoutMs: EXPORT_TIMEOUT_MS });
  const rows = (record.get("rows") as Array<Record<string, unknown>>).map((row) => ({
    id: String(row.id),
    name: String(row.name ?? row.id),
    jointPapers: Number(row.jointPapers),
    firstYear: nullableNumber(row.firstYear),
    lastYear: nullableNumber(row.lastYear),
    papers: Number(row.papers),
    // Full counting: the strength is the joint papers.
    strength: Number(row.jointPapers),
  }));
  return { found: Boolean(record.get("found")), ownerName: (record.get("ownerName") as string | null) ?? null, rows };
}
