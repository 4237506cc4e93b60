import type { Database } from "../db/database";
import { readGraphVersion, type GraphVersion } from "../db/graph-version";
import { RequestSnapshot } from "../db/request-snapshot";
import { AuthorService } from "../author/author.service";
import { NetworkService } from "../network/network.service";
import { PaperService } from "../paper/paper.service";
import { StatsService } from "../stats/stats.service";
import { VenueService } from "../venue/venue.service";
import { createLoaders, Loaders } from "./loaders";
import { NodeService } from "../node/node.service";
import { ExportService } from "../export/export.service";
import { AnalysisService } from "../analysis/analysis.service";
import { startAnalysisIfAsked } from "../analysis/analysis-start";
import type { NetworkReadHook } from "../network/network.resolver";
import { CareerService } from "../career/career.service";
import { AuthorFiguresService } from "../author/author-figures.service";
import { FiguresService } from "../figures/figures.service";
import { readCurrentFigures, type StoredFigures } from "../kernel/graph-figures";

export interface Services {
  author: AuthorService;
  paper: PaperService;
  venue: VenueService;
  network: NetworkService;
  stats: StatsService;
  node: NodeService;
  export: ExportService;
  analysis: AnalysisService;
  career: CareerService;
  authorFigures: AuthorFiguresService;
  figures: FiguresService;
}

/** What every resolver receives. One per request: loaders cache only within it. */
export interface GraphContext {
  db: Database;
  /** The graph version, read at most once per request (stats, analysis explanations, extensions.snapshotId). */
  graphVersion: () => Promise<GraphVersion>;
  /** The same version for extensions.snapshotId: asked for when execution starts, it rides along with the first read. */
  answerSnapshot: Pick<RequestSnapshot, "wantAlong" | "get">;
  loaders: Loaders;
  services: Services;
  /** Who the request's query cost is charged to (cost-budget.ts); undefined: not charged (in-process calls). */
  client?: string;
  /** Whether the server has been at its admission limit since this request began (undefined: no admission control). */
  busy?: () => boolean;
  /** Called with each network a resolver reads (network.resolver.ts): an analysis asked for starts there. */
  onNetworkRead: NetworkReadHook;
}

/** Only GraphQL names (capped) of what a client sends reach Neo4j's transaction metadata. */
const NAME = "[_A-Za-z][_0-9A-Za-z]{0,99}";
const OPERATION_NAME = new RegExp(`^${NAME}$`);
/** `query Name` at the start of the document. Like the next, written so that it never backtracks much. */
const NAMED_OPERATION = new RegExp(`^\\s*(?:query|mutation|subscription)\\s+(${NAME})`);
/** The first root field of an anonymous operation: `{ field`, `{ alias: field`, `query($v: T) { field`. */
const ROOT_FIELD = new RegExp(`^\\s*(?:query\\s*(?:\\([^)]*\\)\\s*)?)?\\{\\s*(?:${NAME}\\s*:\\s*)?(${NAME})`);

/**
 * What a request's transactions say they are for, without parsing the query (Apollo does that later):
 * "api:<operationName>" as sent, else "api:<name>" of a document that starts with a named operation,
 * else "api:<root field>" of one that starts with an anonymous one, else "api".
 */
export function apiOperation(request: { query?: unknown; operationName?: unknown }): string {
  const { query, operationName } = request;
  if (typeof operationName === "string" && OPERATION_NAME.test(operationName)) return `api:${operationName}`;
  if (typeof query !== "string") return "api";
  const head = query.slice(0, 1_000);
  const name = NAMED_OPERATION.exec(head)?.[1] ?? ROOT_FIELD.exec(head)?.[1];
  return name ? `api:${name}` : "api";
}

/**
 * `request` is the GraphQL request as the client sent it (untrusted), only read for apiOperation.
 * `deadline` (epoch ms) bounds every transaction of the request (see Database.withDeadline).
 */
export function createContext(
  root: Database,
  request: { query?: unknown; operationName?: unknown } = {},
  options: { deadline?: number; client?: string; busy?: () => boolean } = {},
): GraphContext {
  const named = root.forOperation(apiOperation(request));
  const bounded = options.deadline === undefined ? named : named.withDeadline(options.deadline);
  const snapshot = new RequestSnapshot(() => readGraphVersion(bounded));
  const db = bounded.withPassenger(snapshot);
  const loaders = createLoaders(db);
  const network = new NetworkService(db, loaders);
  const author = new AuthorService(db, loaders);
  const graphVersion = () => snapshot.get();
  let figures: Promise<StoredFigures | null> | undefined;
  const currentFigures = () => {
    figures ??= readCurrentFigures(db).catch((error: unknown) => {
      figures = undefined;
      throw error;
    });
    return figures;
  };
  const analysis = new AnalysisService(db, graphVersion);
  return {
    db,
    onNetworkRead: (read, info) => startAnalysisIfAsked(analysis, read, info),
    client: options.client,
    busy: options.busy,
    graphVersion,
    answerSnapshot: snapshot,
    loaders,
    services: {
      author,
      paper: new PaperService(db, loaders),
      venue: new VenueService(db, loaders),
      network,
      stats: new StatsService(db, graphVersion),
      node: new NodeService(loaders),
      export: new ExportService(db, network, author),
      analysis,
      career: new CareerService(db, loaders, graphVersion),
      authorFigures: new AuthorFiguresService(db, graphVersion, currentFigures),
      figures: new FiguresService(graphVersion, currentFigures),
    },
  };
}
