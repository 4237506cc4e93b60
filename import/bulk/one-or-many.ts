/**
 * A map from a key to one or more values that holds a lone value as itself. Nearly every titleKey names one paper
 * and nearly every nameKey one author, and an array around a lone value costs 56 bytes (its header and its element
 * store): 16 MB of the in-memory graph at 200k dblp records.
 */
export class OneOrMany<V extends object> {
  private readonly map = new Map<string, V | V[]>();

  get size(): number {
    return this.map.size;
  }

  /** The values under the key, in the order they were added ([] when none). */
  get(key: string): readonly V[] {
    const held = this.map.get(key);
    return held === undefined ? [] : Array.isArray(held) ? held : [held];
  }

  add(key: string, value: V): void {
    const held = this.map.get(key);
    if (held === undefined) this.map.set(key, value);
    else if (Array.isArray(held)) held.push(value);
    else this.map.set(key, [held, value]);
  }

  remove(key: string, value: V): void {
    const left = this.get(key).filter((v) => v !== value);
    if (left.length === 0) this.map.delete(key);
    else this.map.set(key, left.length === 1 ? left[0] : left);
  }
}
