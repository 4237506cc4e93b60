import type { FieldNode, GraphQLResolveInfo } from "graphql";
import { selectsAnyBelow, subFieldSelections } from "../kernel/lookahead";
import type { NetworkData } from "../network/network.service";
import { analysisParameters, type AnalysisService } from "./analysis.service";

/*
 * Kept apart from analysis.resolver.ts: the API root's context imports this, and a module with type-graphql's
 * decorators must not load before reflect-metadata (which the entry points load first).
 */

/**
 * For the API root's network hook (NetworkReadHook): when the client asked for an analysis of the network just read,
 * with valid arguments, its searches (and the venues' read, if topVenues is asked for) start now, before GraphQL
 * writes out the network's nodes and edges, instead of when it reaches the analysis field. True when they started.
 */
export function startAnalysisIfAsked(analysis: AnalysisService, network: NetworkData, info: GraphQLResolveInfo): boolean {
  // @skip and @include evaluated: a skipped analysis is not charged for (query-cost.ts), so it must start nothing.
  const lookahead = { directives: info.variableValues };
  const asked = subFieldSelections(info, "analysis", lookahead).filter(({ args }) => {
    try {
      analysisParameters(args);
      return true;
    } catch {
      return false; // the field reports it itself
    }
  });
  if (asked.length === 0) return false;
  // The venues only for an analysis that will run: one whose arguments were refused reads nothing.
  const nodes = asked.map(({ node }) => node);
  analysis.prepare(network, { prefetchVenues: asksForVenues(nodes, info) });
  return true;
}

/**
 * Whether the communities' top venues are selected below these analysis fields, @skip and @include evaluated: the
 * starter above and the analysis field itself both decide on it whether to read the venues early.
 */
export function asksForVenues(analysisFields: readonly FieldNode[], info: GraphQLResolveInfo): boolean {
  return selectsAnyBelow(analysisFields, info, [["communities", "topVenues"]], { directives: info.variableValues });
}
