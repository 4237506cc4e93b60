import type { AuthorRow, AuthorshipRow, BatchRows } from "./batch-rows";
import { mentionTarget, type NameKeyMember } from "./name-target";
import type { NamedMention, PaperResolution } from "./paper-resolution";

/**
 * Authorships one file may hold skipped at most, until its name pass: past it the file writes every mention (correct,
 * only not a no-op), so the importer's memory stays bounded by the batch (a skipped authorship keeps a few hundred bytes).
 */
const MAX_SKIPPED_AUTHORSHIPS_PER_FILE = 100_000;

/** What the check needs to know of the graph: the online import reads Neo4j, `import --bulk` its in-memory graph. */
export interface SettledMentionsGraph {
  /** Whether an author with this id is in the graph (before the batch). */
  has(id: string): boolean;
  /** Every author of each nameKey. */
  members(keys: string[]): Promise<Map<string, NameKeyMember[]>>;
}

/** Skipped rows written after all: the authors (MERGE_AUTHORS) and their authorships (MERGE_AUTHORSHIPS). */
export interface Replay {
  authors: AuthorRow[];
  authorships: AuthorshipRow[];
}

/** What a file skipped for one name-only author: its rows, kept until the file's name pass. */
interface Skipped {
  key: string;
  /** The keyed author that holds the mentions. */
  target: string;
  author: AuthorRow;
  authorships: AuthorshipRow[];
}

/**
 * Name-only mentions that the graph already holds as settled, so that importing the same records again changes
 * nothing and the graph's version stays (issue 10: it changes when, and only when, an import changes the graph).
 *
 * Written as usual, such a mention recreates its "name:<key>" author and authorship, and the file's name pass moves it
 * back onto the keyed author that holds it: the same graph, but two transactions that changed it in between. A
 * name-only author's mentions in a batch are skipped when all of them are already where the name pass would put them:
 *  - "name:<key>" is not in the graph, and the name pass would send the key's mentions to one keyed author T
 *    (mentionTarget over the key's authors in the graph; no keyed author new to the graph with that key in the batch);
 *  - each mention's paper is in the graph and holds T's named authorship at the mention's byline position;
 *  - the batch gives the author no ORCID.
 * Its spellings need not be T's: they only matter if "name:<key>" is written after all, and then they are.
 * The skipped rows are kept until the file's name pass, and written after all, so that the graph ends as it would
 * with every mention written, when the skip stops being exact:
 *  - a later batch of the file writes that author (drop returns the rows to write before the batch's own, so its
 *    spellings and its first byline position on each paper are those of the skipped mentions);
 *  - before the name pass, the key would no longer go to T (a namesake arrived in the file: beforeNamePass);
 *  - `import --bulk` hands the file on before its name pass (flush).
 * Otherwise the name pass would have moved the mentions back onto T and removed "name:<key>": nothing to write.
 * A file stopped before its name pass (Ctrl-C, a lost database) loses what it skipped: importing it again settles it.
 * test/integration/import/settled-mentions.test.ts and import-differential.test.ts compare both ways.
 */
export class SettledMentions {
  private readonly skipped = new Map<string, Skipped>();
  private skippedAuthorships = 0;

  /**
   * The batch's rows without the mentions the graph already holds as settled (one read of nameKey groups, only when
   * some may be), and `replay`: the authorships an earlier batch skipped for an author this batch writes after all,
   * to write before the batch's own (that author's row carries the skipped spellings too).
   */
  async drop(
    rows: BatchRows,
    resolution: PaperResolution,
    graph: SettledMentionsGraph,
  ): Promise<{ rows: BatchRows; replay: AuthorshipRow[] }> {
    this.followRenames(resolution.renames);
    const skip = await this.settledNow(rows, resolution, graph);
    const replay: AuthorshipRow[] = [];
    const authors: AuthorRow[] = [];
    for (const author of rows.authors) {
      if (skip.has(author.id)) continue;
      const earlier = this.skipped.get(author.id);
      if (!earlier) authors.push(author);
      else {
        this.skipped.delete(author.id);
        replay.push(...earlier.authorships);
        authors.push({ ...author, spellings: union(earlier.author.spellings, author.spellings) });
      }
    }
    if (skip.size === 0 && replay.length === 0) return { rows, replay };
    return { rows: { ...rows, authors, authorships: rows.authorships.filter((e) => !skip.has(e.authorId)) }, replay };
  }

  /**
   * Before the file's name pass: the skipped rows of every key that the pass would no longer send to the author that
   * holds its mentions (a namesake arrived). The rest needs nothing: the pass would have moved them back.
   */
  async beforeNamePass(graph: SettledMentionsGraph): Promise<Replay> {
    if (this.skipped.size === 0) return { authors: [], authorships: [] };
    const members = await graph.members([...new Set([...this.skipped.values()].map((s) => s.key))]);
    const moved = [...this.skipped.values()].filter((s) => mentionTarget(s.key, members.get(s.key) ?? []) !== s.target);
    this.clear();
    return asReplay(moved);
  }

  /** Every skipped row, for a file handed on before its name pass (the online part settles it). */
  flush(): Replay {
    const all = [...this.skipped.values()];
    this.clear();
    return asReplay(all);
  }

  private clear(): void {
    this.skipped.clear();
    this.skippedAuthorships = 0;
  }

  /** The batch's name-only authors whose mentions the graph holds as settled; their rows are kept in `skipped`. */
  private async settledNow(rows: BatchRows, resolution: PaperResolution, graph: SettledMentionsGraph): Promise<Set<string>> {
    const skip = new Set<string>();
    if (this.skippedAuthorships >= MAX_SKIPPED_AUTHORSHIPS_PER_FILE) return skip;
    const candidates = settledCandidates(rows, resolution, (id) => graph.has(id));
    if (candidates.size === 0) return skip;
    const members = await graph.members([...new Set([...candidates.values()].map((c) => c.key))]);
    for (const [id, c] of candidates) {
      const group = members.get(c.key) ?? [];
      if (group.some((m) => m.id === id) || mentionTarget(c.key, group) !== c.target) continue;
      const earlier = this.skipped.get(id);
      if ((earlier && earlier.target !== c.target) || this.skippedAuthorships >= MAX_SKIPPED_AUTHORSHIPS_PER_FILE) continue;
      skip.add(id);
      if (!earlier) {
        this.skipped.set(id, { key: c.key, target: c.target, author: c.author, authorships: c.authorships });
        this.skippedAuthorships += c.authorships.length;
        continue;
      }
      earlier.author = { ...earlier.author, spellings: union(earlier.author.spellings, c.author.spellings) };
      // The first time a paper is met keeps its position, as MERGE_AUTHORSHIPS' ON CREATE would.
      const seen = new Set(earlier.authorships.map((k) => k.paperId));
      for (const e of c.authorships)
        if (!seen.has(e.paperId)) {
          earlier.authorships.push(e);
          this.skippedAuthorships += 1;
        }
    }
    return skip;
  }

  /** Papers renamed by a batch (a DOI-less paper taking a DOI) keep their skipped authorships under the new id. */
  private followRenames(renames: PaperResolution["renames"]): void {
    if (renames.length === 0 || this.skipped.size === 0) return;
    const to = new Map(renames.map((r) => [r.from, r.to]));
    for (const s of this.skipped.values())
      s.authorships = s.authorships.map((e) => (to.has(e.paperId) ? { ...e, paperId: to.get(e.paperId)! } : e));
  }
}

function asReplay(skipped: readonly Skipped[]): Replay {
  return { authors: skipped.map((s) => s.author), authorships: skipped.flatMap((s) => s.authorships) };
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

interface Candidate {
  key: string;
  target: string;
  author: AuthorRow;
  authorships: AuthorshipRow[];
}

/** Name-only authors of the batch whose every mention the graph's papers already hold on one other author (see above). */
export function settledCandidates(rows: BatchRows, resolution: PaperResolution, inGraph: (id: string) => boolean): Map<string, Candidate> {
  // A keyed author new to the graph may change where the key's mentions go; one already there is in its group.
  const newKeyedKeys = new Set(rows.authors.filter((a) => a.keyed && !inGraph(a.id)).map((a) => a.nameKey));
  const edgesOf = new Map<string, AuthorshipRow[]>();
  for (const edge of rows.authorships) {
    const list = edgesOf.get(edge.authorId);
    if (list) list.push(edge);
    else edgesOf.set(edge.authorId, [edge]);
  }
  const out = new Map<string, Candidate>();
  for (const author of rows.authors) {
    if (!nameOnlyAndNew(author, inGraph) || newKeyedKeys.has(author.nameKey)) continue;
    let target: string | null = null;
    const held = (edgesOf.get(author.id) ?? []).every((edge) => {
      const mention = heldMention(resolution.before.get(edge.paperId)?.namedMentions, author, edge);
      if (!mention || (target !== null && target !== mention.authorId)) return false;
      target = mention.authorId;
      return true;
    });
    if (held && target !== null) out.set(author.id, { key: author.nameKey, target, author, authorships: edgesOf.get(author.id)! });
  }
  return out;
}

function nameOnlyAndNew(author: AuthorRow, inGraph: (id: string) => boolean): boolean {
  return !author.keyed && !author.numbered && author.orcid === null && !inGraph(author.id);
}

/** The one named mention of the author's nameKey on the paper, by another author and at the edge's position. */
function heldMention(mentions: NamedMention[] | undefined, author: AuthorRow, edge: AuthorshipRow): NamedMention | null {
  const same = (mentions ?? []).filter((m) => m.nameKey === author.nameKey);
  if (same.length !== 1) return null;
  const [mention] = same;
  return mention.authorId !== author.id && Number(mention.position) === edge.position ? mention : null;
}
