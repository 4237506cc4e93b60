import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import type { CostBudget } from "./cost-budget";
import { createLimitsPlugin, type QueryLimits } from "./limits";
import { createOverloadPlugin } from "./overload";
import { readOnlyPlugin } from "./read-only";

/**
 * The Apollo plugins every server of this API runs with: the HTTP server (which adds its drain
 * plugin) and the tests' in-process API alike, so that both execute requests the same way.
 */
export function apiPlugins<TContext extends BaseContext>(
  schema: GraphQLSchema,
  limits: QueryLimits,
  budget?: CostBudget,
): ApolloServerPlugin<TContext>[] {
  return [
    // The default landing page loads Apollo Sandbox from a CDN; our playground is served locally.
    ApolloServerPluginLandingPageDisabled(),
    // Apollo's default cache-control plugin has a willResolveField hook, which makes Apollo wrap
    // every field resolver of the schema and call the hook for every field of every answer (three
    // per network edge). We set no cache hints, so all it ever did was answer "no-store", which the
    // HTTP server now sets itself (src/api/http.ts). The other three never apply here (no Apollo
    // key, not a subgraph); disabling them says so and drops their per-request hooks.
    ApolloServerPluginCacheControlDisabled(),
    ApolloServerPluginUsageReportingDisabled(),
    ApolloServerPluginSchemaReportingDisabled(),
    ApolloServerPluginInlineTraceDisabled(),
    // Before the limits, so that a mutation is refused as such and not measured.
    readOnlyPlugin<TContext>(schema),
    createLimitsPlugin<TContext>(schema, limits, budget),
    createSnapshotPlugin<TContext>(),
    createOverloadPlugin<TContext>(),
  ];
}

/** What a context offers for extensions.snapshotId (GraphContext.answerSnapshot). */
interface VersionedContext {
  answerSnapshot: { wantAlong: () => void; get: () => Promise<{ snapshotId: string }> };
}

/**
 * Every executed response says which graph version answered it: `extensions.snapshotId`. When execution starts, the
 * version is asked to ride along with the request's first read transaction (db/request-snapshot.ts), so it costs no
 * transaction of its own and is read in the same transaction as that first read's data; a request that reads nothing
 * reads it alone at the end. A request refused by validation or the limits reaches Neo4j with nothing and carries no
 * id. An import committing while a request runs can make its statements disagree; the id is the first read's.
 */
export function createSnapshotPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    requestDidStart({ contextValue }) {
      const source = (contextValue as Partial<VersionedContext>).answerSnapshot;
      if (typeof source?.wantAlong !== "function") return Promise.resolve({});
      let wanted = false;
      return Promise.resolve({
        executionDidStart() {
          source.wantAlong();
          wanted = true;
          return Promise.resolve();
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== "single" || !wanted) return;
          // A failed read must not fail the answer: its own errors say what went wrong.
          const snapshotId = await source.get().then(
            (v) => v.snapshotId,
            () => undefined,
          );
          if (snapshotId === undefined) return;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, snapshotId };
        },
      });
    },
  };
}
