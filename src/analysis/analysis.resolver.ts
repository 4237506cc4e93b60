import type { GraphQLResolveInfo } from "graphql";
import { Args, ArgsType, Ctx, Field, FieldResolver, Float, Info, Int, Resolver, Root } from "type-graphql";
import { asksForVenues } from "./analysis-start";
import type { RequestContext } from "../kernel/request-context";
import type { NetworkData } from "../network/network.service";
import { CoauthorNetwork } from "../network/network.type";
import type { AnalysisService, CommunityData } from "./analysis.service";
import { DEFAULT_RESOLUTION, DEFAULT_SEED } from "./analysis.service";
import { Community, CommunityMember, CommunityVenue, NetworkAnalysis } from "./analysis.type";

@ArgsType()
class AnalysisArgs {
  @Field(() => Float, {
    nullable: true,
    defaultValue: DEFAULT_RESOLUTION,
    description: "Louvain's resolution γ, above 0 and at most 100: larger gives more, smaller communities (1: classic modularity).",
  })
  resolution?: number | null;

  @Field(() => Float, {
    nullable: true,
    defaultValue: DEFAULT_SEED,
    description:
      "Seed of Louvain's visiting orders, a whole number 0..4294967295: the same network, resolution and seed give the same communities.",
  })
  seed?: number | null;
}

@ArgsType()
class TopArgs {
  @Field(() => Int, { nullable: true, defaultValue: 5, description: "How many, 1..100." })
  first?: number | null;
}

type AnalysisContext = RequestContext<{ analysis: AnalysisService }>;

/** CoauthorNetwork.analysis: the analysis domain sits above the network domain, so the field lives here. */
@Resolver(() => CoauthorNetwork)
export class NetworkAnalysisResolver {
  @FieldResolver(() => NetworkAnalysis, {
    description:
      "Centralities, brokerage and Louvain communities of this network (on its own nodes and tie weights), each explained. Computed when asked for.",
  })
  analysis(
    @Root() network: NetworkData,
    @Args(() => AnalysisArgs) args: AnalysisArgs,
    @Ctx() ctx: AnalysisContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.services.analysis.analyse(network, args, { prefetchVenues: asksForVenues(info.fieldNodes, info) });
  }
}

/** Community's lists that take arguments or read the graph. */
@Resolver(() => Community)
export class CommunityResolver {
  @FieldResolver(() => [CommunityMember], { description: "Members by their tie weight inside the community (desc)." })
  topAuthors(@Root() community: CommunityData, @Args(() => TopArgs) { first }: TopArgs) {
    return community.members.slice(0, first ?? 5);
  }

  @FieldResolver(() => [CommunityVenue], { description: "Venues where members published most (at most 5)." })
  topVenues(@Root() community: CommunityData) {
    return community.topVenues();
  }
}
