import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { Author } from "../author/author.type";
import { AfterArg, FirstArg, YearFromArg, YearToArg } from "../graphql/args";
import type { GraphContext } from "../graphql/context";
import { Venue } from "../venue/venue.type";
import type { PaperRecord } from "./paper.record";
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

/** Adapts GraphQL arguments to PaperService; no rules here. */
@Resolver(() => Paper)
export class PaperResolver {
  @Query(() => Paper, { nullable: true, description: "A paper by id; null when unknown." })
  paper(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphContext) {
    return ctx.services.paper.byId(id);
  }

  @Query(() => PaperConnection, {
    description: "Papers: by relevance with `search`, else newest first; optionally of one venue and inside a year window.",
  })
  papers(@Args(() => PaperListArgs) args: PaperListArgs, @Ctx() ctx: GraphContext) {
    return ctx.services.paper.list(args);
  }

  @FieldResolver(() => [Author], { description: "Authors in byline order, each once." })
  authors(@Root() paper: PaperRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.paper.authors(paper.id);
  }

  @FieldResolver(() => Venue, { nullable: true })
  venue(@Root() paper: PaperRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.paper.venue(paper.id);
  }
}
