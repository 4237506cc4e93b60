import DataLoader from "dataloader";

/**
 * A per-owner read with the same arguments for every owner, e.g. "the first 20 papers of each of
 * these authors, 2020-2024". Keys ask for one owner with some arguments.
 */
export interface OwnedKey<TArgs> {
  ownerId: string;
  args: TArgs;
}

/** Answers every owner of one argument set in a single statement. Owners it omits get `missing`. */
export type OwnedBatch<TArgs, TValue> = (ownerIds: string[], args: TArgs) => Promise<Map<string, TValue>>;

/** JSON with sorted object keys, so equal argument sets always group together. */
export function stableKey(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * A DataLoader for nested lists (Author.papers, Author.coauthors, Venue.papers, ...). Keys
 * collected in one tick are grouped by argument set; each group is one Cypher round trip with
 * `UNWIND $ownerIds`. Results come back in key order, as DataLoader requires.
 */
export function ownedLoader<TArgs, TValue>(
  batch: OwnedBatch<TArgs, TValue>,
  missing: () => TValue,
): DataLoader<OwnedKey<TArgs>, TValue, string> {
  return new DataLoader<OwnedKey<TArgs>, TValue, string>(
    async (keys) => {
      const groups = new Map<string, { args: TArgs; ownerIds: Set<string> }>();
      for (const key of keys) {
        const groupKey = stableKey(key.args);
        let group = groups.get(groupKey);
        if (!group) groups.set(groupKey, (group = { args: key.args, ownerIds: new Set() }));
        group.ownerIds.add(key.ownerId);
      }
      const answers = new Map<string, Map<string, TValue>>();
      await Promise.all(
        [...groups].map(async ([groupKey, group]) => {
          answers.set(groupKey, await batch([...group.ownerIds], group.args));
        }),
      );
      return keys.map((key) => answers.get(stableKey(key.args))?.get(key.ownerId) ?? missing());
    },
    { cacheKeyFn: (key) => stableKey([key.ownerId, key.args]) },
  );
}

/** A DataLoader by id whose batch answers a map; ids it omits resolve to null. */
export function byIdLoader<TValue>(batch: (ids: string[]) => Promise<Map<string, TValue>>): DataLoader<string, TValue | null> {
  return new DataLoader<string, TValue | null>(async (ids) => {
    const found = await batch([...ids]);
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** A DataLoader by id answering a list per id; ids the batch omits get an empty list. */
export function listByIdLoader<TItem>(batch: (ids: string[]) => Promise<Map<string, TItem[]>>): DataLoader<string, TItem[]> {
  return new DataLoader<string, TItem[]>(async (ids) => {
    const found = await batch([...ids]);
    return ids.map((id) => found.get(id) ?? []);
  });
}
