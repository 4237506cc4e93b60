/** A Paper as every read returns it (see PAPER_MAP). */
export interface PaperRecord {
  id: string;
  title: string;
  year: number | null;
  doi: string | null;
  url: string | null;
  abstract: string | null;
  pages: string | null;
  /** Every source record merged into this paper ("dblp:conf/acl/X24", "bibtex:key", ...). */
  sourceKeys: string[];
  authorCount: number;
}

function optionalString(value: unknown): string | null {
  return typeof value === "string" ? value : value === null || value === undefined ? null : String(value);
}

export function toPaperRecord(value: unknown): PaperRecord {
  const m = value as Record<string, unknown>;
  return {
    id: String(m.id),
    title: typeof m.title === "string" ? m.title : "",
    year: typeof m.year === "number" ? m.year : null,
    doi: optionalString(m.doi),
    url: optionalString(m.url),
    abstract: optionalString(m.abstract),
    pages: optionalString(m.pages),
    sourceKeys: Array.isArray(m.sourceKeys) ? m.sourceKeys.map(String) : [],
    authorCount: Number(m.authorCount ?? 0),
  };
}

/** A paper in a newest-first list, with its sort year (-1 when unknown) for the cursor. */
export interface PaperByYearRow {
  paper: PaperRecord;
  sortYear: number;
}

export function toPaperByYearRow(row: Record<string, unknown>): PaperByYearRow {
  return { paper: toPaperRecord(row.paper), sortYear: Number(row.sortYear) };
}
