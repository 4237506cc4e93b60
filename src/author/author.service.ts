import type { Database } from "../db/database";
import { BadUserInputError } from "../errors";
import { AUTHOR_VENUES, hasWindow, intInRange, minJointPapers, PageArgs, pageSize, WindowArgs, yearWindow } from "../kernel/argument-rules";
import { decodeCursor, listOrder, type ListOrder } from "../kernel/cursor";
import { stableKey } from "../kernel/grouped-loader";
import { PageData, toPage } from "../kernel/page";
import { toLuceneQuery } from "../kernel/search-text";
import type { PaperLoaders } from "../paper/paper.loaders";
import type { PaperEdgeData } from "../paper/paper.service";
import type { VenueLoaders } from "../venue/venue.loaders";
import type { AuthorLoaders } from "./author.loaders";
import { AuthorRecord } from "./author.record";
import { isPlainCount, maxAuthorsPerPaper, TieRule, TieStrength, tieStrength } from "../kernel/tie-strength";
import { readAuthorTieTotals, readGraphTieTotal } from "../kernel/tie-totals";
import { AuthorVenueRow, CoauthorPageArgs, CoauthorFilter, countAuthorSearch, searchAuthors } from "./author.store";

export interface AuthorEdgeData {
  node: AuthorRecord;
  /** Full-text relevance; null outside a search. */
  score: number | null;
}

export interface CoauthorEdgeData {
  node: AuthorRecord;
  jointPapers: number;
  /** The tie's strength under the requested scheme (full counting: jointPapers). */
  strength: number;
  firstYear: number | null;
  lastYear: number | null;
}

export interface CoauthorArgs extends PageArgs, WindowArgs {
  minJointPapers?: number | null;
  strength?: string | null;
  maxAuthorsPerPaper?: number | null;
}

/** The tie rule of a coauthors request (BAD_USER_INPUT when broken). */
function coauthorRule(args: CoauthorArgs): TieRule {
  return {
    ...yearWindow(args.yearFrom, args.yearTo),
    strength: tieStrength(args.strength),
    maxAuthors: maxAuthorsPerPaper(args.maxAuthorsPerPaper),
  };
}

/**
 * The rules for author questions. Validation happens here, before any read; nested lists go
 * through the request's DataLoaders so that sibling authors share one statement.
 */
export class AuthorService {
  constructor(
    private readonly db: Database,
    private readonly loaders: AuthorLoaders & PaperLoaders & VenueLoaders,
  ) {}

  /**
   * An author by id. `coauthorPages` are the arguments of the author's `coauthors` fields the
   * client selected: when exactly one all-time page is among them, the author is read together
   * with that page in one statement and the page is primed for coauthors(), which then needs no
   * second round trip. Anything else (no page, a year window, several different pages) reads the
   * author alone, as before; arguments that break a rule are left for coauthors() to refuse.
   */
  async byId(id: string, coauthorPages: readonly CoauthorArgs[] = []): Promise<AuthorRecord | null> {
    const pages = new Map<string, CoauthorPageArgs>();
    for (const args of coauthorPages) {
      try {
        const { page, windowed } = coauthorPageRequest(args);
        if (!windowed && isPlainCount(coauthorRule(args))) pages.set(stableKey(page), page);
      } catch (error) {
        // coauthors() reports it where the client asked for it.
        if (!(error instanceof BadUserInputError)) throw error;
      }
    }
    if (pages.size !== 1) return this.loaders.authorById.load(id);
    const [page] = pages.values();
    const found = await this.loaders.authorWithCoauthors.load({ ownerId: id, args: page });
    if (found === null) return null;
    this.loaders.authorById.prime(id, found.author);
    this.loaders.authorCoauthors.prime({ ownerId: id, args: page }, found.page);
    return found.author;
  }

  /** Full-text search over names and aliases, best match first. Blank search is BAD_USER_INPUT. */
  async search(search: string, args: PageArgs): Promise<PageData<AuthorEdgeData & { cursor: string }>> {
    const query = toLuceneQuery(search);
    const first = pageSize(args.first);
    const order = listOrder("relevance", "authors", query);
    const after = decodeCursor(args.after, order);
    const hits = await searchAuthors(this.db, {
      query,
      afterScore: (after?.[0] as number) ?? null,
      afterId: (after?.[1] as string) ?? null,
      limit: first + 1,
    });
    for (const hit of hits) this.loaders.authorById.prime(hit.author.id, hit.author);
    return toPage(
      hits,
      { first, after: args.after },
      order,
      (hit) => [hit.score, hit.author.id],
      (hit) => ({ node: hit.author, score: hit.score }),
      () => countAuthorSearch(this.db, query),
    );
  }

  /** The author's papers, newest first (papers without a year last), optionally inside a year window. */
  async papers(authorId: string, args: PageArgs & WindowArgs): Promise<PageData<PaperEdgeData & { cursor: string }>> {
    const first = pageSize(args.first);
    const window = yearWindow(args.yearFrom, args.yearTo);
    const after = decodeCursor(args.after, "year");
    const rows = await this.loaders.authorPapers.load({
      ownerId: authorId,
      args: { ...window, afterYear: (after?.[0] as number) ?? null, afterId: (after?.[1] as string) ?? null, limit: first + 1 },
    });
    for (const row of rows) this.loaders.paperById.prime(row.paper.id, row.paper);
    return toPage(
      rows,
      { first, after: args.after },
      "year",
      (row) => [row.sortYear, row.paper.id],
      (row) => ({ node: row.paper, score: null }),
      () => this.loaders.authorPaperCount.load({ ownerId: authorId, args: window }),
    );
  }

  /**
   * Coauthors by joint papers (desc), then name, then id. Without a window the materialised
   * COAUTHORED_WITH counts answer; with one, joint papers are recounted inside the window and
   * firstYear/lastYear describe the window's joint papers only.
   */
  async coauthors(authorId: string, args: CoauthorArgs): Promise<PageData<CoauthorEdgeData & { cursor: string }>> {
    const rule = coauthorRule(args);
    if (!isPlainCount(rule)) return this.weightedCoauthors(authorId, args, rule);
    const { first, filter, page, order } = coauthorPageRequest(args);
    const { rows, total } = await this.loaders.authorCoauthors.load({ ownerId: authorId, args: page });
    for (const row of rows) this.loaders.authorById.prime(row.author.id, row.author);
    return toPage(
      rows,
      { first, after: args.after },
      order,
      (row) => [row.jointPapers, row.sortName, row.author.id],
      (row) => ({
        node: row.author,
        jointPapers: row.jointPapers,
        strength: row.jointPapers,
        firstYear: row.firstYear,
        lastYear: row.lastYear,
      }),
      // The all-time page brings its total along; only a year window needs the count statement.
      () => (total !== null ? Promise.resolve(total) : this.loaders.authorCoauthorCount.load({ ownerId: authorId, args: filter })),
    );
  }

  /**
   * Coauthors under a tie strength scheme and/or a byline cap, strongest first (then name, id), from the ties'
   * joint-paper entries. Association strength also reads the owner's tie total and the graph's (one pass over papers).
   */
  private async weightedCoauthors(
    authorId: string,
    args: CoauthorArgs,
    rule: TieRule,
  ): Promise<PageData<CoauthorEdgeData & { cursor: string }>> {
    const first = pageSize(args.first);
    const order = listOrder("strength", rule);
    const after = decodeCursor(args.after, order);
    const page = {
      ...rule,
      minJointPapers: minJointPapers(args.minJointPapers),
      afterKey: (after?.[0] as number) ?? null,
      afterName: (after?.[1] as string) ?? null,
      afterId: (after?.[2] as string) ?? null,
      limit: first + 1,
    };
    const association = rule.strength === TieStrength.ASSOCIATION_STRENGTH;
    const [{ rows, total }, scale] = await Promise.all([
      this.loaders.authorWeightedCoauthors.load({ ownerId: authorId, args: page }),
      association ? associationScale(this.db, authorId, rule) : Promise.resolve(1),
    ]);
    for (const row of rows) this.loaders.authorById.prime(row.author.id, row.author);
    return toPage(
      rows,
      { first, after: args.after },
      order,
      (row) => [row.sortKey, row.sortName, row.author.id],
      (row) => ({
        node: row.author,
        jointPapers: row.jointPapers,
        strength: row.sortKey * scale,
        firstYear: row.firstYear,
        lastYear: row.lastYear,
      }),
      () => Promise.resolve(total),
    );
  }

  /** Paper.authors: byline order (AUTHORED.position), each author once. */
  paperAuthors(paperId: string): Promise<AuthorRecord[]> {
    return this.loaders.paperAuthors.load(paperId);
  }

  /** Venues the author published at, most papers first (then venue name). */
  async venues(authorId: string, args: { first?: number | null } & WindowArgs): Promise<AuthorVenueRow[]> {
    const limit = intInRange("first", args.first, AUTHOR_VENUES);
    const window = yearWindow(args.yearFrom, args.yearTo);
    const rows = await this.loaders.authorVenues.load({ ownerId: authorId, args: { ...window, limit } });
    for (const row of rows) this.loaders.venueById.prime(row.venue.id, row.venue);
    return rows;
  }
}

/**
 * The statement arguments of one coauthors page (rules applied: BAD_USER_INPUT when broken), the
 * same object whether it comes from the field or from byId's look-ahead, so that both make the
 * same DataLoader key.
 */
function coauthorPageRequest(args: CoauthorArgs): {
  first: number;
  filter: CoauthorFilter;
  page: CoauthorPageArgs;
  windowed: boolean;
  order: ListOrder;
} {
  const first = pageSize(args.first);
  const window = yearWindow(args.yearFrom, args.yearTo);
  const filter = { ...window, minJointPapers: minJointPapers(args.minJointPapers) };
  // Joint papers are recounted inside a window: a cursor of one window is not one of another.
  const order = listOrder("jointPapers", window);
  const after = decodeCursor(args.after, order);
  const page = {
    ...filter,
    afterJoint: (after?.[0] as number) ?? null,
    afterName: (after?.[1] as string) ?? null,
    afterId: (after?.[2] as string) ?? null,
    limit: first + 1,
  };
  return { first, filter, page, windowed: hasWindow(window), order };
}

/** 2m / w_i: what turns the rows' c_ij / w_j into association strength 2m·c_ij/(w_i·w_j). */
async function associationScale(db: Database, authorId: string, rule: TieRule): Promise<number> {
  const [totals, m] = await Promise.all([readAuthorTieTotals(db, [authorId], rule), readGraphTieTotal(db, rule)]);
  const wi = totals.get(authorId) ?? 0;
  return wi > 0 ? (2 * m) / wi : 0;
}
