import type { Record as Neo4jRecord } from "neo4j-driver";

/** Collects `ownerId`-keyed rows of a batched statement into the Map an owned DataLoader expects. */
export function byOwner<TValue>(records: Neo4jRecord[], value: (record: Neo4jRecord) => TValue, key = "ownerId"): Map<string, TValue> {
  const out = new Map<string, TValue>();
  for (const record of records) out.set(String(record.get(key)), value(record));
  return out;
}

/** The `rows` list of a batched page statement, each element mapped. */
export function listOf<TRow>(record: Neo4jRecord, field: string, map: (row: Record<string, unknown>) => TRow): TRow[] {
  const list = record.get(field) as Array<Record<string, unknown>> | null;
  return (list ?? []).map(map);
}
