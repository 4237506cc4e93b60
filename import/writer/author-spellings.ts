import { compareCodePoints } from "../../src/util/code-point-order";

/** An author's display name and the other spellings seen for it. */
export interface Spellings {
  name: string;
  aliases: readonly string[];
}

/**
 * The display rule (README "Identity rules"): the name is the greatest spelling by code point among all those seen,
 * the others are the aliases, in code point order, so that neither the order of the records nor how they were
 * batched changes them. The online import applies it in JavaScript, to the spellings it read before the batch
 * (graph-writer.ts), and `import --bulk` to its in-memory author, so both compare alike: in Cypher, a stored string
 * and a parameter compare by UTF-16 code unit while two stored strings compare by code point, so no single Cypher
 * comparison gives this order. Returns `current` itself when nothing new was seen.
 */
export function mergeSpellings(current: Spellings | undefined, seen: readonly string[]): Spellings {
  if (current && seen.every((s) => s === current.name || current.aliases.includes(s))) return current; // the usual case
  const forms = current ? [current.name, ...current.aliases] : [];
  for (const spelling of seen) if (!forms.includes(spelling)) forms.push(spelling);
  forms.sort(compareCodePoints);
  return { name: forms[forms.length - 1], aliases: forms.slice(0, -1) };
}
