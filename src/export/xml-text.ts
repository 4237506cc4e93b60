/** Text and attribute values for the XML writers: the five predefined entities, and no characters XML 1.0 forbids. */
export function xmlText(value: string | number): string {
  return (
    String(value)
      // Control characters other than tab, newline and carriage return are not allowed in XML 1.0 at all.
      // eslint-disable-next-line no-control-regex -- matching exactly those characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
  );
}

/** "2019:2;2021:1" — per-year counts as one string, for formats that have no lists. */
export function perYearText(perYear: ReadonlyArray<readonly [number, number]>): string {
  return perYear.map(([year, papers]) => `${year}:${papers}`).join(";");
}
