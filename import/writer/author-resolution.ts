import { Database } from "../../src/db/database";
import { bumpIfChanged } from "../../src/db/graph-version";
import { IMPORT_TX_TIMEOUT_MS } from "./graph-writer";
import { mentionTarget, type NameKeyMember } from "./name-target";
import { DELETE_ORPHAN_NAME_AUTHORS, MOVE_NAMED_MENTIONS, NAME_KEY_GROUPS, TAKE_TOUCHED_NAME_KEYS } from "./writer.cypher";

/** nameKeys settled per transaction. */
export const NAME_RESOLUTION_BATCH_SIZE = 5000;

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
    const moves = groups.map((g) => {
      const key = g.get("key") as string;
      const target = mentionTarget(key, g.get("members") as NameKeyMember[]);
      return { key, target };
    });
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
