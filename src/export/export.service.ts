import type { Database } from "../db/database";
import { NotFoundError } from "../errors";
import { IntRange, intInRange, minJointPapers, NETWORK_DEPTH, NETWORK_MAX_NODES, PAGE_SIZE, yearWindow } from "../kernel/argument-rules";
import { isPlainCount, maxAuthorsPerPaper, tieStrength } from "../kernel/tie-strength";
import type { AuthorService } from "../author/author.service";
import type { NetworkArgs, NetworkService } from "../network/network.service";
import type { CoauthorListRow, ExportGraph, FileRule } from "./export.model";
import { readAuthorYears, readCoauthorList, readPairYears } from "./export.store";
import { GRAFANA_NODES, grafanaFrames, GrafanaFrames } from "./grafana";

/** The rules of an export's arguments (BAD_USER_INPUT when broken), checked before anything is read or charged. */
export function checkListArgs(args: {
  yearFrom?: number | null;
  yearTo?: number | null;
  minJointPapers?: number | null;
  strength?: string | null;
  maxAuthorsPerPaper?: number | null;
}) {
  return {
    window: yearWindow(args.yearFrom, args.yearTo),
    minJoint: minJointPapers(args.minJointPapers),
    strength: tieStrength(args.strength),
    maxAuthors: maxAuthorsPerPaper(args.maxAuthorsPerPaper),
  };
}

/** checkListArgs, and the network's depth and size: the same checks coauthorNetwork makes. */
export function checkNetworkArgs(args: NetworkArgs, maxNodesRange: IntRange = NETWORK_MAX_NODES) {
  return {
    depth: intInRange("depth", args.depth, NETWORK_DEPTH),
    maxNodes: intInRange("maxNodes", args.maxNodes, maxNodesRange),
    ...checkListArgs(args),
  };
}

/**
 * Networks for the export writers: the network coauthorNetwork answers (same arguments, same
 * rules, same authors and ties), with per-author paper facts inside the year window and, when a
 * format needs them, each tie's joint papers per year.
 */
export class ExportService {
  constructor(
    private readonly db: Database,
    private readonly network: NetworkService,
    private readonly author: AuthorService,
  ) {}

  async networkGraph(
    args: NetworkArgs,
    { perYear = true, maxNodesRange = NETWORK_MAX_NODES }: { perYear?: boolean; maxNodesRange?: IntRange } = {},
  ): Promise<ExportGraph> {
    // The same checks coauthorNetwork makes, here first so that the export knows the values in force.
    const { depth, maxNodes, window, minJoint, strength, maxAuthors } = checkNetworkArgs(args, maxNodesRange);
    const network = await this.network.coauthorNetwork({ ...args, depth, maxNodes }, { edgeYears: true });

    const ids = network.nodes.map((node) => node.author.id);
    const [years, pairYears] = await Promise.all([
      readAuthorYears(this.db, ids, window),
      perYear
        ? readPairYears(
            this.db,
            network.edges.map((e) => [e.source, e.target] as [string, string]),
            { ...window, maxAuthors },
          )
        : new Map<string, Array<[number, number]>>(),
    ]);
    return {
      args: {
        authorId: args.authorId,
        depth,
        minJointPapers: minJoint,
        yearFrom: window.yearFrom,
        yearTo: window.yearTo,
        maxNodes,
        strength,
        maxAuthorsPerPaper: maxAuthors,
      },
      truncated: network.truncated,
      nodes: network.nodes.map(({ author, distance }) => {
        const facts = years.get(author.id);
        return {
          id: author.id,
          name: author.name,
          aliases: author.aliases,
          orcid: author.orcid,
          papers: facts?.papers ?? author.paperCount,
          coauthors: author.coauthorCount,
          firstYear: facts ? facts.firstYear : author.firstYear,
          lastYear: facts ? facts.lastYear : author.lastYear,
          meanYear: facts?.meanYear ?? null,
          distance,
        };
      }),
      edges: network.edges.map((edge) => ({
        source: edge.source,
        target: edge.target,
        jointPapers: edge.jointPapers,
        strength: edge.weight ?? edge.jointPapers,
        firstYear: edge.firstYear,
        lastYear: edge.lastYear,
        perYear: pairYears.get(`${edge.source}|${edge.target}`) ?? [],
      })),
    };
  }

  /** Grafana Node Graph frames of the network; the panel shows at most 1,500 nodes, so maxNodes is 1..1500. */
  async grafanaFrames(args: NetworkArgs): Promise<GrafanaFrames> {
    return grafanaFrames(await this.networkGraph(args, { perYear: false, maxNodesRange: GRAFANA_NODES }));
  }

  /**
   * Every coauthor of an author (joint papers recounted inside the window), strongest first. Unknown author: NOT_FOUND.
   * Under a tie strength scheme or a byline cap the rows are the `coauthors` field's, page after page (the same rule,
   * order and association-strength normalisation), with the strength beside the joint papers.
   */
  async coauthorList(args: {
    authorId: string;
    minJointPapers?: number | null;
    yearFrom?: number | null;
    yearTo?: number | null;
    strength?: string | null;
    maxAuthorsPerPaper?: number | null;
  }): Promise<{ name: string; rows: CoauthorListRow[]; rule: FileRule }> {
    const { window, minJoint, strength, maxAuthors } = checkListArgs(args);
    const rule = { ...window, strength, maxAuthorsPerPaper: maxAuthors };
    if (!isPlainCount({ strength, maxAuthors }))
      return { ...(await this.weightedCoauthorList(args.authorId, { ...args, ...window, minJointPapers: minJoint })), rule };
    const found = await readCoauthorList(this.db, { ...window, authorId: args.authorId, minJointPapers: minJoint });
    if (!found.found) throw new NotFoundError(`No author with id "${args.authorId}"`, { ids: [args.authorId] });
    return { name: found.ownerName ?? args.authorId, rows: found.rows, rule };
  }

  private async weightedCoauthorList(
    authorId: string,
    args: Parameters<AuthorService["coauthors"]>[1],
  ): Promise<{ name: string; rows: CoauthorListRow[] }> {
    const owner = await this.author.byId(authorId);
    if (!owner) throw new NotFoundError(`No author with id "${authorId}"`, { ids: [authorId] });
    const rows: CoauthorListRow[] = [];
    for (let after: string | null = null; ;) {
      const page = await this.author.coauthors(authorId, { ...args, first: PAGE_SIZE.max, after });
      for (const edge of page.edges)
        rows.push({
          id: edge.node.id,
          name: edge.node.name,
          jointPapers: edge.jointPapers,
          firstYear: edge.firstYear,
          lastYear: edge.lastYear,
          papers: edge.node.paperCount,
          strength: edge.strength,
        });
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
      after = page.pageInfo.endCursor;
    }
    return { name: owner.name, rows };
  }
}
