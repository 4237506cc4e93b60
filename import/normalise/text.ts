/** Unicode NFKD with combining marks (diacritics) removed: "Véronique" -> "Veronique". */
export function foldDiacritics(value: string): string {
  return value.normalize("NFKD").replace(/\p{M}+/gu, "");
}

/** Whitespace runs collapsed to one space and trimmed. */
export function collapseWhitespace(value: string): string {
  return value.replace(/\s+/gu, " ").trim();
}

/**
 * Author nameKey (DESIGN.md): NFKD, marks removed, lower-cased, whitespace collapsed.
 * Punctuation is kept on purpose: "Aaron C. Courville" and "Aaron Courville" stay apart.
 */
export function nameKey(displayName: string): string {
  return collapseWhitespace(foldDiacritics(displayName).toLowerCase());
}

/** Title/venue normalisation: NFKD, marks removed, lower-cased, every run of non [a-z0-9] -> one space, trimmed. */
export function normaliseTitle(title: string): string {
  return foldDiacritics(title)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** DOI lower-cased without a resolver prefix; undefined when it does not look like a DOI. */
export function normaliseDoi(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  const doi = raw
    .trim()
    .replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, "")
    .replace(/^doi:\s*/i, "")
    .toLowerCase();
  return /^10\.\d{4,9}\/\S+$/.test(doi) ? doi : undefined;
}
