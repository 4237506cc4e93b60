import type { Spellings } from "./author-spellings";
import type { AuthorRow, AuthorshipRow, BatchRows } from "./batch-rows";
import { mentionTarget, type NameKeyMember } from "./name-target";
import type { NamedMention, PaperResolution } from "./paper-resolution";

/** Name-only authors one file may skip at most; past it the file writes every mention (correct, only not a no-op). */
const MAX_SKIPPED_PER_FILE = 500_000;

/** What the check needs to know of the graph: the online import reads Neo4j, `import --bulk` its in-memory graph. */
export interface SettledMentionsGraph {
  /** Whether an author with this id is in the graph (before the batch). */
  has(id: string): boolean;
  /** Every author of each nameKey. */
  members(keys: string[]): Promise<Map<string, NameKeyMember[]>>;
}

/**
 * Name-only mentions that the graph already holds as settled, so that importing the same records again changes
 * nothing and the graph's version stays (issue 10: it changes when, and only when, an import changes the graph).
 *
 * Written as usual, such a mention recreates its "name:<key>" author and authorship, and the file's name pass moves it
 * back onto the keyed author that holds it: the same graph, but two transactions that changed it in between. A
 * name-only author's mentions in a batch are skipped when all of them are already where the name pass would put them:
 *  - "name:<key>" is not in the graph, and the name pass would send the key's mentions to one keyed author T
 *    (mentionTarget over the key's authors in the graph, none of them in this batch);
 *  - each mention's paper is in the graph and holds T's named authorship at the mention's byline position;
 *  - the batch spells the author one way only, T's name, and gives it no ORCID.
 * What the skipped writes would still have mattered for is a "name:<key>" author created later in the same file (by a
 * batch with a new mention, or by the name pass when a namesake makes the key ambiguous): it would have carried the
 * skipped spelling. `spelling(id)` gives it back to both (graph-writer.ts, author-resolution.ts), so the graph ends
 * the same as with every mention written. test/integration/import/reimport.test.ts holds both to that.
 */
export class SettledMentions {
  /** Name-only author id → the spelling of its skipped mentions, for this file. */
  private readonly skipped = new Map<string, string>();

  /** The spelling of a name-only author whose mentions this file skipped. */
  spelling(id: string): string | undefined {
    return this.skipped.get(id);
  }

  /** The spellings of an author not in the graph, as they would be had this file's skipped mentions been written. */
  seed(id: string): Spellings | undefined {
    const name = this.skipped.get(id);
    return name === undefined ? undefined : { name, aliases: [] };
  }

  /** After the file's name pass. */
  clear(): void {
    this.skipped.clear();
  }

  /** The batch's rows without the mentions the graph already holds as settled (one read, only when some may be). */
  async drop(rows: BatchRows, resolution: PaperResolution, graph: SettledMentionsGraph): Promise<BatchRows> {
    if (this.skipped.size >= MAX_SKIPPED_PER_FILE) return rows;
    const candidates = settledCandidates(rows, resolution, (id) => graph.has(id));
    if (candidates.size === 0) return rows;
    const members = await graph.members([...new Set([...candidates.values()].map((c) => c.key))]);
    const skip = new Set<string>();
    for (const [id, c] of candidates) {
      const group = members.get(c.key) ?? [];
      if (group.some((m) => m.id === id) || mentionTarget(c.key, group) !== c.target) continue;
      skip.add(id);
      this.skipped.set(id, c.name);
    }
    if (skip.size === 0) return rows;
    return {
      ...rows,
      authors: rows.authors.filter((a) => !skip.has(a.id)),
      authorships: rows.authorships.filter((e) => !skip.has(e.authorId)),
    };
  }
}

interface Candidate {
  key: string;
  target: string;
  name: string;
}

/** Name-only authors of the batch whose every mention the graph's papers already hold on one other author (see above). */
export function settledCandidates(rows: BatchRows, resolution: PaperResolution, inGraph: (id: string) => boolean): Map<string, Candidate> {
  const keyedKeys = new Set(rows.authors.filter((a) => a.keyed).map((a) => a.nameKey));
  const edgesOf = new Map<string, AuthorshipRow[]>();
  for (const edge of rows.authorships) {
    const list = edgesOf.get(edge.authorId);
    if (list) list.push(edge);
    else edgesOf.set(edge.authorId, [edge]);
  }
  const out = new Map<string, Candidate>();
  for (const author of rows.authors) {
    if (!nameOnlyAndNew(author, inGraph) || keyedKeys.has(author.nameKey)) continue;
    const name = author.spellings[0];
    let target: string | null = null;
    const held = (edgesOf.get(author.id) ?? []).every((edge) => {
      const mention = heldMention(resolution.before.get(edge.paperId)?.namedMentions, author, edge);
      if (!mention || mention.name !== name || (target !== null && target !== mention.authorId)) return false;
      target = mention.authorId;
      return true;
    });
    if (held && target !== null) out.set(author.id, { key: author.nameKey, target, name });
  }
  return out;
}

function nameOnlyAndNew(author: AuthorRow, inGraph: (id: string) => boolean): boolean {
  return !author.keyed && !author.numbered && author.orcid === null && author.spellings.length === 1 && !inGraph(author.id);
}

/** The one named mention of the author's nameKey on the paper, by another author and at the edge's position. */
function heldMention(mentions: NamedMention[] | undefined, author: AuthorRow, edge: AuthorshipRow): NamedMention | null {
  const same = (mentions ?? []).filter((m) => m.nameKey === author.nameKey);
  if (same.length !== 1) return null;
  const [mention] = same;
  return mention.authorId !== author.id && Number(mention.position) === edge.position ? mention : null;
}
