/** An author sharing a nameKey, as the name pass sees it. */
export interface NameKeyMember {
  id: string;
  keyed: boolean;
  numbered: boolean;
}

/**
 * Where the name-only mentions of one nameKey belong. They attach to the single keyed author with that nameKey,
 * unless that author is a numbered dblp homonym or there are several keyed authors (namesakes): then they stay
 * on the name-only author "name:<nameKey>". Being a function of the whole graph, it does not depend on import order.
 */
export function mentionTarget(key: string, members: readonly NameKeyMember[]): string {
  const keyed = members.filter((m) => m.keyed);
  return keyed.length === 1 && !keyed[0].numbered ? keyed[0].id : `name:${key}`;
}
