import { Args, ArgsType, Ctx, Field, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { YearFromArg, YearToArg } from "../kernel/args";
import { FigureOrder } from "../kernel/graph-figures";
import type { RequestContext } from "../kernel/request-context";
import type { VenueRecord } from "../venue/venue.record";
import { Venue } from "../venue/venue.type";
import type { AuthorRecord } from "./author.record";
import { Author } from "./author.type";
import type { AuthorFiguresService } from "./author-figures.service";
import { AuthorFigures, VenueTopAuthors } from "./author-figures.type";

type FiguresContext = RequestContext<{ authorFigures: AuthorFiguresService }>;

@ArgsType()
class VenueTopAuthorsArgs {
  @YearFromArg()
  yearFrom?: number | null;

  @YearToArg()
  yearTo?: number | null;

  @Field(() => FigureOrder, { nullable: true, defaultValue: FigureOrder.PAGERANK })
  orderBy?: FigureOrder | null;

  @Field(() => Int, { nullable: true, defaultValue: 10, description: "How many authors, 1..100." })
  first?: number | null;
}

/** Author.figures: adapts to AuthorFiguresService; no rules here. */
@Resolver(() => Author)
export class AuthorFiguresResolver {
  @FieldResolver(() => AuthorFigures, {
    nullable: true,
    description:
      "The author's whole-graph figures (PageRank, betweenness, component); null before any were computed, or for an author newer than them.",
  })
  figures(@Root() author: AuthorRecord, @Ctx() ctx: FiguresContext) {
    return ctx.services.authorFigures.ofAuthor(author.id);
  }
}

/** Venue.topAuthors: a relationship field lives in the upper of its two domains (author sits above venue). */
@Resolver(() => Venue)
export class VenueTopAuthorsResolver {
  @FieldResolver(() => VenueTopAuthors, {
    nullable: true,
    description:
      "Top authors at this venue in these years, by a whole-graph figure: the authors of the venue's papers inside the window, ordered by PageRank or betweenness (desc), then their papers there. Null before any figures were computed.",
  })
  topAuthors(@Root() venue: VenueRecord, @Args(() => VenueTopAuthorsArgs) args: VenueTopAuthorsArgs, @Ctx() ctx: FiguresContext) {
    return ctx.services.authorFigures.venueTopAuthors(venue.id, args);
  }
}
