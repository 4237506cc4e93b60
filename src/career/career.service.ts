import type { AuthorLoaders } from "../author/author.loaders";
import type { AuthorRecord } from "../author/author.record";
import type { Database } from "../db/database";
import type { GraphVersion } from "../db/graph-version";
import { BadUserInputError, NotFoundError } from "../errors";
import {
  intInRange,
  LARGE_TEAM_THRESHOLD,
  MIN_GROUP_PAPERS,
  MIN_SHARED_COAUTHORS,
  MIN_TIE_PAPERS,
  yearWindow,
  type WindowArgs,
} from "../kernel/argument-rules";
import type { Explanation } from "../kernel/explanation";
import { readAuthorTieTotals, readGraphTieTotal } from "../kernel/tie-totals";
import { associationStrength, maxAuthorsPerPaper, paperWeight, TIE_STRENGTH_FORMULAS, TieStrength } from "../kernel/tie-strength";
import type { PaperLoaders } from "../paper/paper.loaders";
import type { PaperRecord } from "../paper/paper.record";
import type { VenueLoaders } from "../venue/venue.loaders";
import type { VenueRecord } from "../venue/venue.record";
import { careerExplanation } from "./career.explain";
import { readCoauthorCliques, readEgoPapers, readJointPapers, readPairProfiles } from "./career.store";
import {
  collaborationRows,
  strongerClass,
  TIE_CLASS_RULE,
  tieView,
  type CollaborationYearData,
  type TieClass,
  type TieViewData,
} from "./collaboration";
import { homonymVerdict, NAMESAKE_DEFAULTS, type CoauthorGroupData } from "./namesakes";
import { DEFAULT_LARGE_TEAM_THRESHOLD, timelineRows, type TimelineYearData } from "./timeline";
import { HOMONYM_RULE, SameAsFinder, type SameAsCheckData } from "./same-as";
import { afterCursor, awaitListing, listingExplanation, namesakeListing } from "./namesake-listing";
import { NamesakeKind, type ListedCandidate } from "./namesake-candidates";
import { pageSize } from "../kernel/argument-rules";
import { toPage, type PageData } from "../kernel/page";
import { listOrder } from "../kernel/cursor";

export type CareerLoaders = AuthorLoaders & PaperLoaders & VenueLoaders;

export interface TimelineData {
  authorId: string;
  rows: TimelineYearData[];
  /** The author's papers without a year (in no row). */
  undatedPapers: number;
  explain: Explanation;
  snapshotId: string;
}

export interface TieWeightData {
  strength: TieStrength;
  weight: number;
  formula: string;
}

export interface CollaborationData {
  author: AuthorRecord;
  coauthor: AuthorRecord;
  jointPapers: number;
  firstYear: number | null;
  lastYear: number | null;
  years: CollaborationYearData[];
  authorShare: number | null;
  coauthorShare: number | null;
  tieClass: TieClass;
  authorView: TieViewData;
  coauthorView: TieViewData;
  papers: Array<{ paper: PaperRecord; authorPosition: number; coauthorPosition: number; authorCount: number }>;
  weights: () => Promise<TieWeightData[]>;
  explain: Explanation[];
  snapshotId: string;
}

export interface CoauthorGroupView extends CoauthorGroupData {
  size: number;
  paperCount: number;
  papers: () => Promise<PaperRecord[]>;
  venueRows: () => Promise<Array<{ venue: VenueRecord; papers: number }>>;
  topCoauthors: (first: number) => Promise<Array<{ author: AuthorRecord; jointPapers: number }>>;
}

export interface HomonymCheckData {
  author: AuthorRecord;
  flagged: boolean;
  score: number;
  groups: CoauthorGroupView[];
  differingGroups: Array<{ a: number; b: number; disjointVenues: boolean; disjointYears: boolean }>;
  soloPapers: number;
  explain: Explanation;
  snapshotId: string;
}

const TIMELINE_FORMULA =
  "Per calendar year of the author's dated papers: papers; coauthors (distinct other authors on them); newCoauthors (those on no earlier dated paper of the author, the years before yearFrom included) and repeatCoauthors (the rest); mean and median team size (authors per byline, the author included); soloPapers (byline of 1); firstAuthorPapers (byline position 1, solo papers included); lastAuthorPapers (the last byline position, bylines of 2 or more); largeTeamPapers and largeTeamShare (bylines longer than largeTeamThreshold). Team size over time: Wuchty, Jones & Uzzi, Science 316 (2007); newcomers and incumbents: Guimerà, Uzzi, Spiro & Amaral, Science 308 (2005); first/last author roles as in bibliometrix's dominance factor (Kumar & Kumar 2008).";

/**
 * m, the graph's total tie count, per snapshot and window: one pass over every paper, the same for every pair, so it is
 * kept for the snapshot (a new snapshot id is a new key).
 */
/** DataLoader.loadMany answers a failed key with its Error; a list must fail with it, never drop the item silently. */
function rethrow<T>(values: Array<T | Error>): T[] {
  const failed = values.find((v): v is Error => v instanceof Error);
  if (failed) throw failed;
  return values as T[];
}

const GRAPH_TOTALS = new Map<string, Promise<number>>();

export class CareerService {
  readonly sameAs: SameAsFinder;

  constructor(
    private readonly db: Database,
    private readonly loaders: CareerLoaders,
    private readonly version: () => Promise<GraphVersion>,
  ) {
    this.sameAs = new SameAsFinder(db, loaders, version);
  }

  async timeline(author: AuthorRecord, args: WindowArgs & { largeTeamThreshold?: number | null }): Promise<TimelineData> {
    const window = yearWindow(args.yearFrom, args.yearTo);
    const largeTeam = intInRange("largeTeamThreshold", args.largeTeamThreshold ?? DEFAULT_LARGE_TEAM_THRESHOLD, LARGE_TEAM_THRESHOLD);
    const [papers, version] = await Promise.all([readEgoPapers(this.db, [author.id]), this.version()]);
    const rows = timelineRows(papers, window.yearFrom, window.yearTo, largeTeam);
    const undated = papers.filter((p) => p.year === null).length;
    return {
      authorId: author.id,
      rows,
      undatedPapers: undated,
      snapshotId: version.snapshotId,
      explain: careerExplanation({
        method: "timeline",
        formula: TIMELINE_FORMULA,
        parameters: { authorId: author.id, ...window, largeTeamThreshold: largeTeam },
        snapshotId: version.snapshotId,
        notes: [
          `${papers.length} papers read, ${undated} without a year (in no row).`,
          "Rows run from the first to the last year with a paper inside the window; years between without papers are rows of zeros (means and medians null).",
          "time is 1 January of the year, 00:00 UTC.",
        ],
      }),
    };
  }

  async collaboration(
    authorId: string,
    coauthorId: string,
    args: WindowArgs & { maxAuthorsPerPaper?: number | null },
  ): Promise<CollaborationData> {
    if (authorId === coauthorId)
      throw new BadUserInputError("authorId and coauthorId must be two different authors", { argument: "coauthorId" });
    const window = yearWindow(args.yearFrom, args.yearTo);
    const cap = maxAuthorsPerPaper(args.maxAuthorsPerPaper);
    const [profiles, inWindow, version] = await Promise.all([
      readPairProfiles(this.db, [authorId, coauthorId], window, cap),
      readJointPapers(this.db, authorId, coauthorId, window),
      this.version(),
    ]);
    // A paper above the cap counts nowhere, as in the ties of coauthors and coauthorNetwork under the same cap.
    const joint = cap === null ? inWindow : inWindow.filter((j) => j.size <= cap);
    const a = profiles.get(authorId);
    const b = profiles.get(coauthorId);
    if (!a) throw new NotFoundError(`no author with id "${authorId}"`, { argument: "authorId" });
    if (!b) throw new NotFoundError(`no author with id "${coauthorId}"`, { argument: "coauthorId" });
    const n = joint.length;
    const years = joint.map((j) => j.paper.year).filter((y): y is number => y !== null);
    // The class reads all-time tie strengths (Petersen's profiles are whole careers), so it uses the all-time count.
    const allTime =
      window.yearFrom === null && window.yearTo === null
        ? inWindow.length // every joint paper: the cap is not applied to the class either
        : (await readJointPapers(this.db, authorId, coauthorId, { yearFrom: null, yearTo: null })).length;
    const authorView = tieView(allTime, a.profile);
    const coauthorView = tieView(allTime, b.profile);
    const sizes = joint.map((j) => j.size);
    const snapshotId = version.snapshotId;
    const parameters = { authorId, coauthorId, ...window, maxAuthorsPerPaper: cap };
    return {
      author: a.author,
      coauthor: b.author,
      jointPapers: n,
      firstYear: years.length ? Math.min(...years) : null,
      lastYear: years.length ? Math.max(...years) : null,
      years: collaborationRows(joint.map((j) => ({ paperId: j.paper.id, year: j.paper.year, size: j.size }))),
      authorShare: a.papersInWindow > 0 ? n / a.papersInWindow : null,
      coauthorShare: b.papersInWindow > 0 ? n / b.papersInWindow : null,
      tieClass: strongerClass(authorView.tieClass, coauthorView.tieClass),
      authorView,
      coauthorView,
      papers: joint.map((j) => ({ paper: j.paper, authorPosition: j.positionA, coauthorPosition: j.positionB, authorCount: j.size })),
      weights: () => this.weights(authorId, coauthorId, sizes, window, cap),
      snapshotId,
      explain: [
        careerExplanation({
          method: "collaboration",
          formula:
            "Joint papers: distinct papers with both on the byline, inside the window and with at most maxAuthorsPerPaper authors (when given); per-year rows from the first to the last joint year. authorShare = joint papers / the author's papers under the same window and cap (coauthorShare likewise).",
          parameters,
          snapshotId,
        }),
        careerExplanation({
          method: "tieClass",
          formula: TIE_CLASS_RULE,
          parameters: { ...parameters, allTimeJointPapers: allTime },
          snapshotId,
          notes: [
            `Author: S = ${authorView.coauthors}, <K> = ${authorView.meanTieStrength.toFixed(3)}, super threshold ${authorView.superThreshold.toFixed(3)} → ${authorView.tieClass}.`,
            `Coauthor: S = ${coauthorView.coauthors}, <K> = ${coauthorView.meanTieStrength.toFixed(3)}, super threshold ${coauthorView.superThreshold.toFixed(3)} → ${coauthorView.tieClass}.`,
            "The class ignores the year window and the byline cap: tie profiles are whole careers.",
          ],
        }),
        careerExplanation({
          method: "tieStrength",
          formula: Object.values(TIE_STRENGTH_FORMULAS).join(" | "),
          parameters,
          snapshotId,
        }),
      ],
    };
  }

  private async weights(
    a: string,
    b: string,
    sizes: number[],
    window: { yearFrom: number | null; yearTo: number | null },
    maxAuthors: number | null,
  ): Promise<TieWeightData[]> {
    const shared = sizes.filter((s) => s >= 2);
    const sum = (strength: TieStrength) => shared.reduce((t, s) => t + paperWeight(strength, s), 0);
    const rule = { strength: TieStrength.ASSOCIATION_STRENGTH, maxAuthors, ...window };
    const snapshotId = (await this.version()).snapshotId;
    const mKey = `${snapshotId}|${window.yearFrom}|${window.yearTo}|${maxAuthors}`;
    let m = GRAPH_TOTALS.get(mKey);
    if (m === undefined) {
      if (GRAPH_TOTALS.size > 64) GRAPH_TOTALS.clear();
      m = readGraphTieTotal(this.db, rule);
      m.catch(() => GRAPH_TOTALS.delete(mKey));
      GRAPH_TOTALS.set(mKey, m);
    }
    const [totals, mValue] = await Promise.all([readAuthorTieTotals(this.db, [a, b], rule), m]);
    return [
      { strength: TieStrength.FULL, weight: sum(TieStrength.FULL), formula: TIE_STRENGTH_FORMULAS.FULL },
      { strength: TieStrength.NEWMAN, weight: sum(TieStrength.NEWMAN), formula: TIE_STRENGTH_FORMULAS.NEWMAN },
      { strength: TieStrength.FRACTIONAL, weight: sum(TieStrength.FRACTIONAL), formula: TIE_STRENGTH_FORMULAS.FRACTIONAL },
      {
        strength: TieStrength.ASSOCIATION_STRENGTH,
        weight: associationStrength(shared.length, totals.get(a) ?? 0, totals.get(b) ?? 0, mValue),
        formula: TIE_STRENGTH_FORMULAS.ASSOCIATION_STRENGTH,
      },
    ];
  }

  async possibleHomonym(
    author: AuthorRecord,
    args: { minGroupPapers?: number | null; minTiePapers?: number | null },
  ): Promise<HomonymCheckData> {
    const minGroupPapers = intInRange("minGroupPapers", args.minGroupPapers ?? NAMESAKE_DEFAULTS.minGroupPapers, MIN_GROUP_PAPERS);
    const minTiePapers = intInRange("minTiePapers", args.minTiePapers ?? NAMESAKE_DEFAULTS.minTiePapers, MIN_TIE_PAPERS);
    const papers = await readEgoPapers(this.db, [author.id]);
    const coauthors = [...new Set(papers.flatMap((p) => p.coauthors))];
    const [ties, version] = await Promise.all([
      readCoauthorCliques(this.db, [author.id], new Set(coauthors), new Set(papers.map((p) => p.paperId))),
      this.version(),
    ]);
    const verdict = homonymVerdict(papers, ties, minGroupPapers, minTiePapers);
    return {
      author,
      flagged: verdict.flagged,
      score: verdict.score,
      groups: verdict.groups.map((g) => this.groupView(g)),
      differingGroups: verdict.differingPairs,
      soloPapers: verdict.soloPapers,
      snapshotId: version.snapshotId,
      explain: careerExplanation({
        method: "possibleHomonym",
        formula: HOMONYM_RULE,
        parameters: { authorId: author.id, minGroupPapers, minTiePapers },
        snapshotId: version.snapshotId,
        notes: [
          `${papers.length} papers, ${coauthors.length} coauthors, ${ties.length} papers of two or more coauthors without the author, ${verdict.groups.length} groups, ${verdict.soloPapers} solo papers (in no group).`,
          "A flag is evidence for a curator, not a decision: one person who changed fields or institutions completely also splits this way. Nothing is split.",
          "minGroupPapers and minTiePapers were chosen on labelled cases for precision (README, Careers and namesakes).",
        ],
      }),
    };
  }

  private groupView(g: CoauthorGroupData): CoauthorGroupView {
    return {
      ...g,
      size: g.coauthors.length,
      paperCount: g.paperIds.length,
      papers: async () =>
        (await this.loaders.paperById.loadMany(g.paperIds)).filter((p): p is PaperRecord => p !== null && !(p instanceof Error)),
      venueRows: async () => {
        const venues = rethrow(await this.loaders.venueById.loadMany(g.venues.map((v) => v.venueId)));
        return g.venues.flatMap((v, i) => {
          const venue = venues[i];
          return venue && !(venue instanceof Error) ? [{ venue, papers: v.papers }] : [];
        });
      },
      topCoauthors: async (first) => {
        const top = g.coauthors.slice(0, first);
        const authors = rethrow(await this.loaders.authorById.loadMany(top.map((c) => c.id)));
        return top.flatMap((c, i) => {
          const author = authors[i];
          return author && !(author instanceof Error) ? [{ author, jointPapers: c.jointPapers }] : [];
        });
      },
    };
  }

  possibleSameAs(author: AuthorRecord, args: { minSharedCoauthors?: number | null }): Promise<SameAsCheckData> {
    const minShared = intInRange(
      "minSharedCoauthors",
      args.minSharedCoauthors ?? NAMESAKE_DEFAULTS.minSharedCoauthors,
      MIN_SHARED_COAUTHORS,
    );
    return this.sameAs.check(author, minShared);
  }

  /** The whole-graph listing of one kind, strongest first, paged by [score, key]. */
  async namesakeCandidates(args: {
    kind: NamesakeKind;
    first?: number | null;
    after?: string | null;
    minGroupPapers?: number | null;
    minTiePapers?: number | null;
    minSharedCoauthors?: number | null;
  }): Promise<PageData<{ node: NamesakeCandidateData; cursor: string }> & { explain: Explanation; snapshotId: string }> {
    const first = pageSize(args.first);
    const params = {
      minGroupPapers: intInRange("minGroupPapers", args.minGroupPapers ?? NAMESAKE_DEFAULTS.minGroupPapers, MIN_GROUP_PAPERS),
      minTiePapers: intInRange("minTiePapers", args.minTiePapers ?? NAMESAKE_DEFAULTS.minTiePapers, MIN_TIE_PAPERS),
      minSharedCoauthors: intInRange(
        "minSharedCoauthors",
        args.minSharedCoauthors ?? NAMESAKE_DEFAULTS.minSharedCoauthors,
        MIN_SHARED_COAUTHORS,
      ),
    };
    const version = await this.version();
    const listing = await awaitListing(
      namesakeListing(this.db, version, params, (line) => console.error(line)),
      version.snapshotId,
      params,
      this.db.deadline,
    );
    const list = args.kind === NamesakeKind.HOMONYM ? listing.homonyms : listing.sameAs;
    // Scores depend on the kind and the thresholds: a cursor of one listing is not one of another.
    const order = listOrder("namesake", args.kind, params);
    const rows = afterCursor(list, args.after, order).slice(0, first + 1);
    const authors = await this.loaders.authorById.loadMany([...new Set(rows.flatMap((r) => r.authorIds))]);
    const failed = authors.find((a) => a instanceof Error);
    if (failed) throw failed;
    const byId = new Map(authors.filter((a): a is AuthorRecord => a !== null && !(a instanceof Error)).map((a) => [a.id, a]));
    const page = toPage(
      rows,
      { first, after: args.after },
      order,
      (r) => [r.score, r.key],
      (r) => ({ node: { ...r, authors: r.authorIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])) } }),
      () => Promise.resolve(list.length),
    );
    return Object.assign(page, {
      explain: listingExplanation(args.kind, params, version.snapshotId, list.length, listing),
      snapshotId: version.snapshotId,
    });
  }
}

export interface NamesakeCandidateData extends ListedCandidate {
  authors: AuthorRecord[];
}
