export type VenueKind = "conference" | "journal" | "workshop" | "other";

/** A Venue as every read returns it (see VENUE_MAP). */
export interface VenueRecord {
  id: string;
  name: string;
  acronym: string | null;
  kind: VenueKind;
  paperCount: number;
}

const KINDS: ReadonlySet<string> = new Set(["conference", "journal", "workshop", "other"]);

export function toVenueRecord(value: unknown): VenueRecord {
  const m = value as Record<string, unknown>;
  return {
    id: String(m.id),
    name: typeof m.name === "string" ? m.name : String(m.id),
    acronym: typeof m.acronym === "string" ? m.acronym : null,
    kind: typeof m.kind === "string" && KINDS.has(m.kind) ? (m.kind as VenueKind) : "other",
    paperCount: Number(m.paperCount ?? 0),
  };
}
