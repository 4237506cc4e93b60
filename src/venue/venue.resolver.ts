import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { AfterArg, FirstArg, PageArgs } from "../graphql/args";
import type { GraphContext } from "../graphql/context";
import { PaperConnection } from "../paper/paper.type";
import type { VenueRecord } from "./venue.record";
import { Venue, VenueConnection } from "./venue.type";

@ArgsType()
class VenueListArgs {
  @Field(() => String, { nullable: true, description: "Full-text search over name and acronym; results by relevance." })
  search?: string | null;

  @FirstArg()
  first?: number | null;

  @AfterArg()
  after?: string | null;
}

@ArgsType()
class VenuePapersArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: "Only papers of this year." })
  year?: number | null;
}

/** Adapts GraphQL arguments to VenueService; no rules here. */
@Resolver(() => Venue)
export class VenueResolver {
  @Query(() => Venue, { nullable: true, description: "A venue by id; null when unknown." })
  venue(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphContext) {
    return ctx.services.venue.byId(id);
  }

  @Query(() => VenueConnection, { description: "Venues: by relevance with `search`, else alphabetically." })
  venues(@Args(() => VenueListArgs) args: VenueListArgs, @Ctx() ctx: GraphContext) {
    return ctx.services.venue.list(args);
  }

  @FieldResolver(() => PaperConnection, { description: "Papers published here, newest first." })
  papers(@Root() venue: VenueRecord, @Args(() => VenuePapersArgs) args: VenuePapersArgs, @Ctx() ctx: GraphContext) {
    return ctx.services.venue.papers(venue.id, args);
  }
}
