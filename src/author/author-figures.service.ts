import DataLoader from "dataloader";
import type { Database } from "../db/database";
import type { GraphVersion } from "../db/graph-version";
import { BadUserInputError } from "../errors";
import { intInRange, pageSize, yearWindow, type IntRange, type WindowArgs } from "../kernel/argument-rules";
import { decodeCursor, listOrder } from "../kernel/cursor";
import type { Explanation } from "../kernel/explanation";
import {
  FIGURE_FORMULAS,
  figureNotes,
  figureParameters,
  FigureOrder,
  figuresStamp,
  type FiguresStamp,
  type StoredFigures,
} from "../kernel/graph-figures";
import { toPage, type PageData } from "../kernel/page";
import { toLuceneQuery } from "../kernel/search-text";
import { toAuthorRecord, type AuthorRecord } from "./author.record";
import { AUTHOR_FIGURES_BY_IDS, AUTHORS_BY_FIGURE, AUTHORS_BY_FIGURE_COUNT, VENUE_TOP_AUTHORS } from "./author-figures.cypher";

export const VENUE_TOP_AUTHORS_RANGE: IntRange = { min: 1, max: 100, default: 10 };

export interface AuthorFiguresData {
  pageRank: number;
  betweenness: number;
  /** 0 for the giant component, then by size. */
  component: number;
  figures: FiguresStamp;
  explain: Explanation[];
}

export interface VenueTopAuthorsData {
  figures: FiguresStamp;
  authors: Array<{ author: AuthorRecord; papers: number; pageRank: number; betweenness: number }>;
  explain: Explanation[];
}

/** What a connection ordered by a figure adds: which figures ordered it. */
export interface RankedAuthorsPage extends PageData<{ node: AuthorRecord; score: number | null; cursor: string }> {
  figures: FiguresStamp;
}

const IMPLEMENTATION = "coauthor-graph whole-graph figures (typed arrays in the Node process; src/figures)";

const EVIDENCE_NOTE: Record<"pagerank" | "betweenness", string> = {
  pagerank:
    "Evidence: the author's ties with the weights PageRank used are Author.coauthors(strength: NEWMAN), strongest first; each tie's papers are Query.collaboration.",
  betweenness:
    "Evidence: the paths through the author are Query.collaborationPath between authors on either side; the ties that lead to different groups are coauthorNetwork(depth: 1).analysis (constraint, effective size).",
};

export function figureExplanation(stored: StoredFigures, method: "pagerank" | "betweenness", graphSnapshotId: string): Explanation {
  return {
    method,
    implementation: IMPLEMENTATION,
    formula: FIGURE_FORMULAS[method],
    parameters: figureParameters(stored, method),
    snapshotId: stored.snapshotId,
    notes: figureNotes(stored, method, graphSnapshotId),
  };
}

/**
 * Questions answered from the stored whole-graph figures: an author's own, authors in the order of a figure, and a
 * venue's top authors in a year window. Every answer carries the figures' stamp: the snapshot they were computed on,
 * the graph's, and whether they differ (stale), so an old figure is never passed off as the current graph's.
 */
export class AuthorFiguresService {
  private readonly byId: DataLoader<string, { A: number[]; B: number[] } | null>;

  constructor(
    private readonly db: Database,
    private readonly version: () => Promise<GraphVersion>,
    private readonly current: () => Promise<StoredFigures | null>,
  ) {
    this.byId = new DataLoader(async (ids) => {
      const records = await db.read(AUTHOR_FIGURES_BY_IDS, { ids: [...ids] });
      const found = new Map(records.map((r) => [r.get("id") as string, { A: r.get("A") as number[], B: r.get("B") as number[] }]));
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  private async stamp(): Promise<{ stored: StoredFigures; stamp: FiguresStamp; graph: string } | null> {
    const [stored, version] = await Promise.all([this.current(), this.version()]);
    return stored ? { stored, stamp: figuresStamp(stored, version.snapshotId), graph: version.snapshotId } : null;
  }

  async ofAuthor(authorId: string): Promise<AuthorFiguresData | null> {
    const [state, values] = await Promise.all([this.stamp(), this.byId.load(authorId)]);
    const own = state && values ? values[state.stored.slot] : null;
    if (!state || !own || own[0] === null) return null;
    const explain = (["pagerank", "betweenness"] as const).map((method) => {
      const explanation = figureExplanation(state.stored, method, state.graph);
      // The evidence behind either figure is the author's ties, weighed as PageRank weighed them.
      return { ...explanation, notes: [...explanation.notes, EVIDENCE_NOTE[method]] };
    });
    return { pageRank: own[0], betweenness: own[1], component: own[2], figures: state.stamp, explain };
  }

  async ranked(
    orderBy: string,
    args: { search?: string | null; first?: number | null; after?: string | null },
  ): Promise<RankedAuthorsPage> {
    const figure = figureOrder(orderBy);
    const first = pageSize(args.first);
    const query = args.search === null || args.search === undefined ? null : toLuceneQuery(args.search);
    const state = await this.stamp();
    if (!state)
      throw new BadUserInputError(
        "No whole-graph figures have been computed for this graph yet: run `coauthor-graph figures` (import does it at its end).",
        { argument: "orderBy" },
      );
    const order = listOrder("figure", figure);
    const after = decodeCursor(args.after, order);
    const statements = AUTHORS_BY_FIGURE[figure][state.stored.slot];
    const records = await this.db.read(query === null ? statements.all : statements.search, {
      query,
      afterKey: after?.[0] ?? null,
      afterId: after?.[1] ?? null,
      limit: first + 1,
    });
    const rows = records.map((r) => ({ author: toAuthorRecord(r.get("author")), key: Number(r.get("key")) }));
    const page = toPage(
      rows,
      { first, after: args.after },
      order,
      (row) => [row.key, row.author.id],
      (row) => ({ node: row.author, score: null }),
      async () => {
        const counts = AUTHORS_BY_FIGURE_COUNT[figure][state.stored.slot];
        const [record] = await this.db.read(query === null ? counts.all : counts.search, { query });
        return Number(record?.get("total") ?? 0);
      },
    );
    return Object.assign(page, { figures: state.stamp });
  }

  async venueTopAuthors(
    venueId: string,
    args: WindowArgs & { orderBy?: string | null; first?: number | null },
  ): Promise<VenueTopAuthorsData | null> {
    const figure = figureOrder(args.orderBy ?? FigureOrder.PAGERANK);
    const window = yearWindow(args.yearFrom, args.yearTo);
    const limit = intInRange("first", args.first, VENUE_TOP_AUTHORS_RANGE);
    const state = await this.stamp();
    if (!state) return null;
    const records = await this.db.read(VENUE_TOP_AUTHORS, { venueId, ...window, slot: state.stored.slot, orderBy: figure, limit });
    return {
      figures: state.stamp,
      authors: records.map((r) => ({
        author: toAuthorRecord(r.get("author")),
        papers: Number(r.get("papers")),
        pageRank: Number(r.get("pageRank")),
        betweenness: Number(r.get("betweenness")),
      })),
      explain: [
        {
          method: "venueTopAuthors",
          implementation: "coauthor-graph (one Cypher statement over the stored figures)",
          formula: `The authors of the venue's papers inside the year window, by their whole-graph ${figure === FigureOrder.PAGERANK ? "PageRank" : "betweenness"} (desc), then papers there (desc), then id; papers = distinct papers at the venue inside the window.`,
          parameters: { venueId, ...window, orderBy: figure, first: limit },
          snapshotId: state.graph,
          notes: figureNotes(state.stored, "pagerank", state.graph).filter((n) => n.startsWith("Stale")),
        },
        figureExplanation(state.stored, "pagerank", state.graph),
        figureExplanation(state.stored, "betweenness", state.graph),
      ],
    };
  }
}

function figureOrder(value: string): FigureOrder {
  if (!(Object.values(FigureOrder) as string[]).includes(value))
    throw new BadUserInputError(`orderBy must be one of ${Object.values(FigureOrder).join(", ")}`, { argument: "orderBy" });
  return value as FigureOrder;
}
