import type { Database } from "../db/database";
import { GRAPH_COUNTS, IMPORT_RUNS } from "./stats.cypher";

export interface GraphCounts {
  authors: number;
  papers: number;
  venues: number;
  authorships: number;
  coauthorPairs: number;
  importRunCount: number;
}

export interface ImportRunRecord {
  id: string;
  source: string | null;
  format: string | null;
  sha256: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  status: string | null;
  /** The run's counts as the importer stored them (a JSON object); null when absent or unreadable. */
  counts: Record<string, unknown> | null;
}

export async function readGraphCounts(db: Database): Promise<GraphCounts> {
  const [record] = await db.read(GRAPH_COUNTS);
  const n = (key: string) => Number(record?.get(key) ?? 0);
  return {
    authors: n("authors"),
    papers: n("papers"),
    venues: n("venues"),
    authorships: n("authorships"),
    coauthorPairs: n("coauthorPairs"),
    importRunCount: n("importRunCount"),
  };
}

function parseCounts(raw: unknown): Record<string, unknown> | null {
  if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) return raw as Record<string, unknown>;
  if (typeof raw !== "string") return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function optional(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

export async function readImportRuns(db: Database, limit: number): Promise<ImportRunRecord[]> {
  const records = await db.read(IMPORT_RUNS, { limit });
  return records.map((r) => {
    const run = r.get("run") as Record<string, unknown>;
    return {
      id: String(run.id),
      source: optional(run.source),
      format: optional(run.format),
      sha256: optional(run.sha256),
      startedAt: optional(run.startedAt),
      finishedAt: optional(run.finishedAt),
      status: optional(run.status),
      counts: parseCounts(run.counts),
    };
  });
}
