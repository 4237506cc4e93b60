// Ids with ASCII, accents, CJK, private-use (E000+) and astral (surrogate pairs) characters:
// UTF-16 order and code point order disagree on the last two (Neo4j orders stored strings by code
// point, parameters by UTF-16 unit: test/integration/api/string-order.test.ts).
const ALPHABET = ["a", "b", "z", "é", "ø", "中", "\uE000", "\uFFFD", "😀", "𝔘", " ", "-", "0"];

/** `count` distinct author-like ids, the same for the same seed. */
export function randomIds(count: number, seed: number): string[] {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const ids = new Set<string>();
  while (ids.size < count) {
    let id = "name:";
    const length = 1 + Math.floor(next() * 4);
    for (let i = 0; i < length; i += 1) id += ALPHABET[Math.floor(next() * ALPHABET.length)];
    ids.add(id);
  }
  return [...ids];
}
