/**
 * The named-entity table for DBLP XML, taken once from the PINNED import/formats/dblp-xml/dblp.dtd and never
 * from the input. Only declarations whose value is a single character reference (`<!ENTITY uuml "&#252;">`)
 * are accepted, so a replacement text can never contain another entity: no expansion, no bombs.
 */
import { readFileSync } from "node:fs";
import { fromRoot } from "../../../src/util/project-root";

export const PINNED_DBLP_DTD_PATH = ["import", "formats", "dblp-xml", "dblp.dtd"] as const;

const CHARACTER_ENTITY_DECLARATION = /<!ENTITY\s+([A-Za-z_][\w.-]*)\s+"&#(?:x([0-9A-Fa-f]+)|([0-9]+));"\s*>/g;

/** `name -> character` for every general entity declared as one character reference; parameter entities are ignored. */
export function parseDtdEntities(dtdText: string): Record<string, string> {
  const table: Record<string, string> = {};
  for (const match of dtdText.matchAll(CHARACTER_ENTITY_DECLARATION)) {
    const codePoint = match[2] !== undefined ? parseInt(match[2], 16) : parseInt(match[3], 10);
    table[match[1]] = String.fromCodePoint(codePoint);
  }
  return table;
}

let pinnedTable: Readonly<Record<string, string>> | undefined;

export function pinnedDblpEntities(): Readonly<Record<string, string>> {
  if (!pinnedTable) {
    const table = parseDtdEntities(readFileSync(fromRoot(...PINNED_DBLP_DTD_PATH), "latin1"));
    // An empty table means the pinned DTD is missing or changed shape: a broken checkout, not bad user input.
    if (!table.uuml) throw new Error(`coauthor-graph: ${PINNED_DBLP_DTD_PATH.join("/")} declares no character entities`);
    pinnedTable = Object.freeze(table);
  }
  return pinnedTable;
}
