import type { Config } from "../config";
import type { CostBudget } from "./cost-budget";
import type { Database } from "../db/database";
import { DocumentIndex, PersistedQueryStore } from "./documents";
import { allowGetQueries } from "./get-queries";
import { GraphVersionWatch } from "./graph-version-watch";
import type { GraphqlStep } from "./http-answer";
import { getCacheControl, httpCache, ResponseCache } from "./response-cache";
import { eventsRoute, type EventsRoute } from "./routes/events.routes";
import { loadManifest, trustedDocumentsOnly } from "./trusted-documents";

/**
 * What serving reads at the limit adds to the HTTP server, put together in one place: queries by GET, persisted
 * queries (automatic, or trusted documents only), the graph version watch, the response cache keyed on it, and the
 * events that announce a new version.
 */
export interface Serving {
  watch: GraphVersionWatch;
  /** Apollo's persisted-query store (its `persistedQueries.cache`). */
  persisted: PersistedQueryStore;
  /** undefined when RESPONSE_CACHE_MB=0. */
  cache?: ResponseCache;
  /** The Cache-Control of GET answers tied to the graph version (GraphQL's and the exports'). */
  cacheControl: string;
  /** For the /graphql route, between body parsing and admission control, in this order. */
  middleware: GraphqlStep[];
  events: EventsRoute;
  /** Reads the version once (never throws) and starts polling it. */
  start(): Promise<void>;
  close(): void;
}

export function createServing(
  db: Database,
  config: Config,
  log: (message: string) => void = () => undefined,
  budget?: CostBudget,
): Serving {
  const options = config.serving;
  const trusted = options.trustedDocuments ? loadManifest(options.trustedDocuments) : undefined;
  if (trusted && options.trustedDocuments) log(`Trusted documents only: ${trusted.size} operations from ${options.trustedDocuments}.`);
  const persisted = new PersistedQueryStore(trusted);
  const watch = new GraphVersionWatch(db, { pollMs: options.graphVersionPollMs, log });
  // Under a cost budget a kept answer is charged to each client it is sent to, as a computed one is (response-cache.ts).
  const cache = options.responseCacheBytes > 0 ? new ResponseCache(options.responseCacheBytes) : undefined;
  if (cache) watch.onCacheVersion(() => cache.clear());
  const middleware: GraphqlStep[] = [allowGetQueries()];
  if (trusted) middleware.push(trustedDocumentsOnly(trusted));
  middleware.push(
    httpCache({ watch, documents: new DocumentIndex(), persisted, cache, maxAgeSeconds: options.cacheMaxAgeSeconds, budget }),
  );
  const events = eventsRoute(watch, { maxStreams: options.maxEventStreams });
  return {
    watch,
    persisted,
    cache,
    cacheControl: getCacheControl(options.cacheMaxAgeSeconds, budget !== undefined),
    middleware,
    events,
    start: () => watch.start(),
    close() {
      watch.stop();
      events.close();
    },
  };
}
