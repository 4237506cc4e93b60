/**
 * Access to @retorquere/bibtex-parser, which decodes TeX to Unicode and splits names.
 * The package is ESM-only in practice (its CommonJS build requires an ESM-only dependency), so
 * it is loaded with a real dynamic import() — kept as import() by TypeScript's node16 mode —
 * once, on first use.
 */
import type { Creator, Entry } from "@retorquere/bibtex-parser" with { "resolution-mode": "import" };

// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- the linter's parser cannot resolve an import type with attributes; tsc does
export type BibtexLibraryModule = typeof import("@retorquere/bibtex-parser", { with: { "resolution-mode": "import" } });
export type BibtexEntry = Entry;
export type BibtexCreator = Creator;

let loading: Promise<BibtexLibraryModule> | undefined;

export function loadBibtexLibrary(): Promise<BibtexLibraryModule> {
  loading ??= import("@retorquere/bibtex-parser");
  return loading;
}

/** @string macros by (case-insensitive) name, as decoded text. */
export type MacroTable = Record<string, string>;

export interface ParsedEntry {
  entry?: BibtexEntry;
  /** Parser errors that make the entry unusable. */
  errors: string[];
  /** @string definitions found in the text. */
  strings: MacroTable;
}

/**
 * Parses one entry's text with the macros defined before it. Titles keep their source casing
 * (no sentence-casing, no case-protection markup); unknown TeX commands are dropped, keeping
 * their arguments. An undefined macro is tolerated, as BibTeX itself only warns: the field keeps
 * the macro's name (a year that is a name is then rejected by the mapping).
 */
export function parseEntryText(library: BibtexLibraryModule, text: string, macros: MacroTable): ParsedEntry {
  const parsed = library.parse(text, {
    english: false,
    caseProtection: false,
    unsupported: "ignore",
    strings: macros,
  });
  const errors = parsed.errors.map((error) => error.error).filter((message) => !message.startsWith("Unresolved @string reference"));
  return { entry: parsed.entries[0], errors, strings: parsed.strings };
}
