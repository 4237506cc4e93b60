import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import { createLimitsPlugin, type QueryLimits } from "./limits";
import { readOnlyPlugin } from "./read-only";

/**
 * The Apollo plugins every server of this API runs with: the HTTP server (which adds its drain
 * plugin) and the tests' in-process API alike, so that both execute requests the same way.
 */
export function apiPlugins<TContext extends BaseContext>(schema: GraphQLSchema, limits: QueryLimits): ApolloServerPlugin<TContext>[] {
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
    createLimitsPlugin<TContext>(schema, limits),
  ];
}
