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

/** What a context offers for extensions.snapshotId (GraphContext.graphVersion). */
interface VersionedContext {
  graphVersion: () => Promise<{ snapshotId: string }>;
}

/**
 * Every executed response says which graph version answered it: `extensions.snapshotId`. The version is read when
 * execution starts (one statement on a unique key, shared with the request's stats and explanations), so a request
 * refused by validation or the limits still reaches Neo4j with nothing and carries no id. An import committing while
 * a request runs can make the two disagree; the id is the version the execution began on.
 */
export function createSnapshotPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    requestDidStart({ contextValue }) {
      const source = contextValue as Partial<VersionedContext>;
      if (typeof source.graphVersion !== "function") return Promise.resolve({});
      const read = source.graphVersion;
      let snapshot: Promise<string | undefined> | undefined;
      return Promise.resolve({
        executionDidStart() {
          // A failed read must not fail the answer: its own errors say what went wrong.
          snapshot = read().then(
            (v) => v.snapshotId,
            () => undefined,
          );
          return Promise.resolve();
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== "single" || snapshot === undefined) return;
          const snapshotId = await snapshot;
          if (snapshotId === undefined) return;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, snapshotId };
        },
      });
    },
  };
}
