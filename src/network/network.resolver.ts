import type { GraphQLResolveInfo } from "graphql";
import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Int, Query, Resolver, Root } from "type-graphql";
import { MaxAuthorsPerPaperArg, MinJointPapersArg, StrengthArg, YearFromArg, YearToArg } from "../kernel/args";
import { TieStrength } from "../kernel/tie-strength.type";
import type { RequestContext } from "../kernel/request-context";
import type { NetworkData, NetworkService } from "./network.service";
import { compactNetwork } from "./network-compact";
import { selectsAny } from "../kernel/lookahead";
import { nextTurn } from "../util/time-slice";
import { CoauthorNetwork, CollaborationPath, CompactNetwork, SharedVenue } from "./network.type";

@ArgsType()
class CoauthorNetworkArgs {
  @Field(() => ID)
  authorId!: string;

  @Field(() => Int, { nullable: true, defaultValue: 1, description: "Hops out from the author, 1..3." })
  depth?: number | null;

  @MinJointPapersArg("ties")
  minJointPapers?: number | null;

  @YearFromArg()
  yearFrom?: number | null;

  @YearToArg()
  yearTo?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: 200, description: "Most authors returned, centre included, 1..2000." })
  maxNodes?: number | null;

  @StrengthArg()
  strength?: TieStrength | null;

  @MaxAuthorsPerPaperArg()
  maxAuthorsPerPaper?: number | null;
}

@ArgsType()
class SharedVenuesArgs {
  @Field(() => [ID], { description: "2..10 distinct author ids." })
  authorIds!: string[];

  @YearFromArg()
  yearFrom?: number | null;

  @YearToArg()
  yearTo?: number | null;
}

@ArgsType()
class CollaborationPathArgs {
  @Field(() => ID)
  fromId!: string;

  @Field(() => ID)
  toId!: string;

  @Field(() => Int, { nullable: true, defaultValue: 6, description: "Most hops, 1..8." })
  maxLength?: number | null;

  @YearFromArg()
  yearFrom?: number | null;

  @YearToArg()
  yearTo?: number | null;

  @StrengthArg()
  strength?: TieStrength | null;

  @MaxAuthorsPerPaperArg()
  maxAuthorsPerPaper?: number | null;
}

@ArgsType()
class AuthorSetNetworkArgs {
  @Field(() => [ID], { description: "The authors, 1..2000 distinct ids." })
  memberIds!: string[];

  @MinJointPapersArg("ties")
  minJointPapers?: number | null;

  @YearFromArg()
  yearFrom?: number | null;

  @YearToArg()
  yearTo?: number | null;

  @StrengthArg()
  strength?: TieStrength | null;

  @MaxAuthorsPerPaperArg()
  maxAuthorsPerPaper?: number | null;
}

/**
 * Work a floor above starts on a network the moment it is read, before GraphQL writes out the network's nodes and
 * edges (graphql-js completes a field's value before it calls the next field's resolver). The API root wires it
 * (src/api/context.ts): the analysis starts its searches there when the client asked for one. True: it started work.
 */
export type NetworkReadHook = (network: NetworkData, info: GraphQLResolveInfo) => boolean;

type NetworkContext = RequestContext<{ network: NetworkService }> & { onNetworkRead?: NetworkReadHook };

/** Adapts GraphQL arguments to NetworkService; no rules here. */
@Resolver()
export class NetworkResolver {
  @Query(() => CoauthorNetwork, {
    description:
      "The coauthor network around an author, breadth-first up to `depth` hops; when maxNodes cuts it, the closest and most strongly tied authors are kept and `truncated` is true. With maxAuthorsPerPaper, papers with longer bylines make no tie, so they pull no one into the network; with a `strength` other than FULL, authors within a layer rank by that strength (ASSOCIATION_STRENGTH: by joint papers) and each edge's weight is it. Unknown author: NOT_FOUND.",
  })
  coauthorNetwork(
    @Args(() => CoauthorNetworkArgs) args: CoauthorNetworkArgs,
    @Ctx() ctx: NetworkContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const edgeYears = selectsAny(info, [
      ["edges", "firstYear"],
      ["edges", "lastYear"],
      ["compact", "firstYear"],
      ["compact", "lastYear"],
    ]);
    return read(ctx, info, ctx.services.network.coauthorNetwork(args, { edgeYears }));
  }

  @Query(() => CoauthorNetwork, {
    description:
      "The coauthor network among the given authors: every qualifying tie between two of them (same rules as coauthorNetwork's edges), nobody else; every node has distance 0. For the network of a group, a lab or a venue's authors. Unknown author: NOT_FOUND.",
  })
  authorSetNetwork(
    @Args(() => AuthorSetNetworkArgs) args: AuthorSetNetworkArgs,
    @Ctx() ctx: NetworkContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return read(ctx, info, ctx.services.network.authorSetNetwork(args));
  }

  @Query(() => [SharedVenue], {
    description:
      "Venues where every given author published, most joint papers first, then most papers in total. Unknown author: NOT_FOUND; duplicate ids: BAD_USER_INPUT.",
  })
  sharedVenues(@Args(() => SharedVenuesArgs) args: SharedVenuesArgs, @Ctx() ctx: NetworkContext) {
    return ctx.services.network.sharedVenues(args);
  }

  @Query(() => CollaborationPath, {
    nullable: true,
    description:
      "A shortest chain of coauthorships (fewest hops) between two authors, with the joint papers behind each hop (inside the year window when given); null when there is none within maxLength. With maxAuthorsPerPaper, a hop needs a joint paper with at most that many authors, and only those papers are its evidence; `strength` gives each hop's tie strength (links.strength) without changing which path is chosen. Unknown author: NOT_FOUND.",
  })
  collaborationPath(@Args(() => CollaborationPathArgs) args: CollaborationPathArgs, @Ctx() ctx: NetworkContext) {
    return ctx.services.network.collaborationPath(args);
  }
}

/**
 * The network once read, handed to the hook first. The hook's failure is not the network's: whatever it started
 * reports its own error where it is asked for (the analysis field). When it started work, one turn of the event loop
 * before the network is returned lets that work go out (a Neo4j read's first messages, a job to the search thread) before
 * graphql-js writes out the nodes and edges, which holds this thread for tens of milliseconds on a large network.
 */
async function read(ctx: NetworkContext, info: GraphQLResolveInfo, reading: Promise<NetworkData>): Promise<NetworkData> {
  const network = await reading;
  if (startedWork(ctx, network, info)) await nextTurn();
  return network;
}

function startedWork(ctx: NetworkContext, network: NetworkData, info: GraphQLResolveInfo): boolean {
  try {
    return ctx.onNetworkRead?.(network, info) ?? false;
  } catch {
    return false;
  }
}

/** CoauthorNetwork.compact: the network's nodes and edges as parallel arrays (network-compact.ts). */
@Resolver(() => CoauthorNetwork)
export class CompactNetworkResolver {
  @FieldResolver(() => CompactNetwork, {
    description:
      "The same nodes and edges as parallel arrays with edge ends as node indexes (see CompactNetwork): about a sixth of the bytes of `nodes` and `edges` on a 61k-tie network. Select it instead of them for large networks.",
  })
  compact(@Root() network: NetworkData): CompactNetwork {
    return compactNetwork(network);
  }
}
