import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { AfterArg, FirstArg, PageArgs, YearFromArg, YearToArg } from "../kernel/args";
import type { RequestContext } from "../kernel/request-context";
import type { VenueRecord } from "../venue/venue.record";
import { Venue } from "../venue/venue.type";
import type { PaperRecord } from "./paper.record";
import type { PaperService } from "./paper.service";
import { Paper, PaperConnection } from "./paper.type";

@ArgsType()
class PaperListArgs {
  @Field(() => String, { nullable: true, description: "Full-text search over title and abstract; results by relevance." })
  search?: string | null;

  @Field(() => ID, { nullable: true, description: "Only papers published in this venue (NOT_FOUND when unknown)." })
  venueId?: string | null;

  @YearFromArg()
  yearFrom?: number | null;

  @YearToArg()
  yearTo?: number | null;

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

type PaperContext = RequestContext<{ paper: PaperService }>;

/** Adapts GraphQL arguments to PaperService; no rules here. */
@Resolver(() => Paper)
export class PaperResolver {
  @Query(() => Paper, { nullable: true, description: "A paper by id; null when unknown." })
  paper(@Arg("id", () => ID) id: string, @Ctx() ctx: PaperContext) {
    return ctx.services.paper.byId(id);
  }

  @Query(() => PaperConnection, {
    description: "Papers: by relevance with `search`, else newest first; optionally of one venue and inside a year window.",
  })
  papers(@Args(() => PaperListArgs) args: PaperListArgs, @Ctx() ctx: PaperContext) {
    return ctx.services.paper.list(args);
  }

  @FieldResolver(() => Venue, { nullable: true })
  venue(@Root() paper: PaperRecord, @Ctx() ctx: PaperContext) {
    return ctx.services.paper.venue(paper.id);
  }
}

/** Venue.papers: a relationship field lives in the upper of its two domains (paper sits above venue). */
@Resolver(() => Venue)
export class VenuePapersResolver {
  @FieldResolver(() => PaperConnection, { description: "Papers published here, newest first." })
  papers(@Root() venue: VenueRecord, @Args(() => VenuePapersArgs) args: VenuePapersArgs, @Ctx() ctx: PaperContext) {
    return ctx.services.paper.ofVenue(venue.id, args);
  }
}
