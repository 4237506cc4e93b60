import { Database } from "../../src/db/database";
import { bumpIfChanged } from "../../src/db/graph-version";
import { IMPORT_TX_TIMEOUT_MS } from "./graph-writer";
import { DELETE_ORPHAN_NAME_AUTHORS, MOVE_NAMED_MENTIONS, NAME_KEY_GROUPS, TAKE_TOUCHED_NAME_KEYS } from "./writer.cypher";

/** nameKeys settled per transaction. */
export const NAME_RESOLUTION_BATCH_SIZE = 5000;

interface Member {
  id: string;
  keyed: boolean;
  numbered: boolean;
}

/**
 * Where the name-only mentions of one nameKey belong. They attach to the single keyed author with that nameKey,
 * unless that author is a numbered dblp homonym or there are several keyed authors (namesakes): then they stay
 * on the name-only author "name:<nameKey>". Being a function of the whole graph, it does not depend on import order.
 */
export function mentionTarget(key: string, members: readonly Member[]): string {
  const keyed = members.filter((m) => m.keyed);
  return keyed.length === 1 && !keyed[0].numbered ? keyed[0].id : `name:${key}`;
}

/**
 * Settles every nameKey touched by the import: moves name-only mentions to their target and removes name-only
 * authors left without papers. Moves mark the affected authors for the coauthor-pair pass. Returns mentions moved.
 */
export async function resolveTouchedNames(db: Database): Promise<number> {
  let moved = 0;
  for (;;) {
    const [taken] = await db.write(TAKE_TOUCHED_NAME_KEYS, { limit: NAME_RESOLUTION_BATCH_SIZE }, { timeoutMs: IMPORT_TX_TIMEOUT_MS });
    const keys = (taken?.get("keys") as string[] | undefined) ?? [];
    if (keys.length === 0) return moved;
    const groups = await db.read(NAME_KEY_GROUPS, { keys }, { timeoutMs: IMPORT_TX_TIMEOUT_MS });
    if (groups.length === 0) continue;
    const moves = groups.map((g) => ({
      key: g.get("key") as string,
      target: mentionTarget(g.get("key") as string, g.get("members") as Member[]),
    }));
    const [move] = await db.writeAll(
      [
        { cypher: MOVE_NAMED_MENTIONS, params: { moves } },
        { cypher: DELETE_ORPHAN_NAME_AUTHORS, params: { keys: moves.map((m) => m.key) } },
      ],
      { timeoutMs: IMPORT_TX_TIMEOUT_MS },
      bumpIfChanged,
    );
    moved += move.relationshipsCreated;
  }
}
