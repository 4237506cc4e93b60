/** An Author as every read returns it (see AUTHOR_MAP); the GraphQL Author type resolves from it. */
export interface AuthorRecord {
  id: string;
  name: string;
  aliases: string[];
  orcid: string | null;
  /** Distinct papers, from the AUTHORED degree. */
  paperCount: number;
  firstYear: number | null;
  lastYear: number | null;
  /** Distinct coauthors, from the COAUTHORED_WITH degree. */
  coauthorCount: number;
}

/** Maps AUTHOR_MAP output; tolerant of absent optional properties. */
export function toAuthorRecord(value: unknown): AuthorRecord {
  const m = value as Record<string, unknown>;
  return {
    id: String(m.id),
    name: typeof m.name === "string" ? m.name : String(m.id),
    aliases: Array.isArray(m.aliases) ? m.aliases.map(String) : [],
    orcid: typeof m.orcid === "string" ? m.orcid : null,
    paperCount: Number(m.paperCount ?? 0),
    firstYear: typeof m.firstYear === "number" ? m.firstYear : null,
    lastYear: typeof m.lastYear === "number" ? m.lastYear : null,
    coauthorCount: Number(m.coauthorCount ?? 0),
  };
}
