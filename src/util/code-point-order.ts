/**
 * Unicode code point order, the order Neo4j gives strings read from its store: `WHERE a.id < b.id` and `ORDER BY`
 * over stored properties compare their UTF-8 bytes. JavaScript's `<` compares UTF-16 code units instead, and so do
 * Cypher's comparisons of parameters and of strings built inside a query. The two orders disagree only when one
 * string has a character above U+FFFF (a surrogate pair, such as "𝔄" or "😀") where the other has one in
 * U+E000..U+FFFF (private use, full-width forms such as "Ａ"): code point order puts the first after, UTF-16 before.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      // Move the surrogates (U+D800..U+DFFF, which only encode characters above U+FFFF) above the rest of the BMP.
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

/** a < b in code point order. */
export function codePointLess(a: string, b: string): boolean {
  return compareCodePoints(a, b) < 0;
}
