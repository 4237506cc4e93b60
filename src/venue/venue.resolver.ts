import { Arg, Args, ArgsType, Ctx, Field, ID, Query, Resolver } from "type-graphql";
import { AfterArg, FirstArg } from "../kernel/args";
import type { RequestContext } from "../kernel/request-context";
import type { VenueService } from "./venue.service";
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

type VenueContext = RequestContext<{ venue: VenueService }>;

/** Adapts GraphQL arguments to VenueService; no rules here. */
@Resolver(() => Venue)
export class VenueResolver {
  @Query(() => Venue, { nullable: true, description: "A venue by id; null when unknown." })
  venue(@Arg("id", () => ID) id: string, @Ctx() ctx: VenueContext) {
    return ctx.services.venue.byId(id);
  }

  @Query(() => VenueConnection, { description: "Venues: by relevance with `search`, else alphabetically." })
  venues(@Args(() => VenueListArgs) args: VenueListArgs, @Ctx() ctx: VenueContext) {
    return ctx.services.venue.list(args);
  }
}
