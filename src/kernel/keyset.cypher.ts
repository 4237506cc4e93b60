/**
 * Text sort keys for keyset pages. Neo4j orders STORED strings by code point, but compares a stored string with a
 * parameter (the cursor's key) by UTF-16 unit, so `ORDER BY a.id` paired with `a.id > $afterId` skips or repeats rows
 * exactly where the two orders disagree: a character above U+FFFF against one in U+E000..U+FFFF
 * (test/integration/api/keyset-string-order.test.ts). A string built in the statement both orders and compares by
 * UTF-16 unit, so every text key of a keyset page is built with textKey. Pages thus list names and ids in UTF-16 order,
 * JavaScript's default sort; networks, which are not paged, keep the store's code point order (network/edge-order.ts).
 */
export function textKey(expression: string): string {
  return `(${expression} + '')`;
}
