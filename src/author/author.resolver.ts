import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import {
  AfterArg,
  FirstArg,
  MaxAuthorsPerPaperArg,
  MinJointPapersArg,
  PageArgs,
  StrengthArg,
  YearFromArg,
  YearToArg,
} from "../kernel/args";
import { TieStrength } from "../kernel/tie-strength.type";
import type { RequestContext } from "../kernel/request-context";
import { subFieldArguments } from "../kernel/lookahead";
import type { PaperRecord } from "../paper/paper.record";
import { Paper, PaperConnection } from "../paper/paper.type";
import type { AuthorRecord } from "./author.record";
import type { AuthorService } from "./author.service";
import type { AuthorFiguresService } from "./author-figures.service";
import { BadUserInputError } from "../errors";
import { FigureOrder } from "../kernel/graph-figures";
import "../kernel/graph-figures.type";
import { Author, AuthorConnection, AuthorVenue, CoauthorConnection } from "./author.type";

@ArgsType()
class AuthorSearchArgs {
  @Field(() => String, {
    nullable: true,
    description: "Words of the name or an alias; blank is refused. Required unless orderBy is given (then it narrows the list).",
  })
  search?: string | null;

  @FirstArg()
  first?: number | null;

  @AfterArg()
  after?: string | null;

  @Field(() => FigureOrder, {
    nullable: true,
    description:
      "Order by a whole-graph figure (highest first) instead of relevance: every author, or the search's matches. See AuthorConnection.figures for the snapshot it comes from.",
  })
  orderBy?: FigureOrder | null;
}

@ArgsType()
class AuthorPapersArgs extends PageArgs {
  @YearFromArg()
  yearFrom?: number | null;

  @YearToArg()
  yearTo?: number | null;
}

@ArgsType()
class CoauthorsArgs extends PageArgs {
  @MinJointPapersArg("coauthors")
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

@ArgsType()
class AuthorVenuesArgs {
  @FirstArg("How many venues")
  first?: number | null;

  @YearFromArg()
  yearFrom?: number | null;

  @YearToArg()
  yearTo?: number | null;
}

type AuthorContext = RequestContext<{ author: AuthorService; authorFigures: AuthorFiguresService }>;

/** Adapts GraphQL arguments to AuthorService; no rules here. */
@Resolver(() => Author)
export class AuthorResolver {
  @Query(() => Author, { nullable: true, description: "An author by id; null when unknown." })
  author(@Arg("id", () => ID) id: string, @Ctx() ctx: AuthorContext, @Info() info: GraphQLResolveInfo) {
    // The coauthor pages asked for below, so that the author and one page can share a statement.
    return ctx.services.author.byId(id, subFieldArguments(info, "coauthors"));
  }

  @Query(() => AuthorConnection, {
    description:
      "Full-text search over author names and aliases, best match first (every word must match; the last may be a prefix); or, with orderBy, authors by a whole-graph figure (PAGERANK, BETWEENNESS), highest first, then id.",
  })
  authors(@Args(() => AuthorSearchArgs) args: AuthorSearchArgs, @Ctx() ctx: AuthorContext) {
    if (args.orderBy) return ctx.services.authorFigures.ranked(args.orderBy, args);
    if (args.search === null || args.search === undefined)
      throw new BadUserInputError("authors needs a search, or an orderBy (PAGERANK, BETWEENNESS)", { argument: "search" });
    return ctx.services.author.search(args.search, args);
  }

  @FieldResolver(() => PaperConnection, { description: "Papers newest first (papers without a year last)." })
  papers(@Root() author: AuthorRecord, @Args(() => AuthorPapersArgs) args: AuthorPapersArgs, @Ctx() ctx: AuthorContext) {
    return ctx.services.author.papers(author.id, args);
  }

  @FieldResolver(() => CoauthorConnection, {
    description:
      "Coauthors by joint papers (desc), then name, then id. With yearFrom/yearTo, joint papers (and first/last years) are recounted inside the window. With a `strength` other than FULL or a `maxAuthorsPerPaper`, by that strength (desc), then name, then id; minJointPapers then counts the joint papers inside the cap.",
  })
  coauthors(@Root() author: AuthorRecord, @Args(() => CoauthorsArgs) args: CoauthorsArgs, @Ctx() ctx: AuthorContext) {
    return ctx.services.author.coauthors(author.id, args);
  }

  @FieldResolver(() => [AuthorVenue], { description: "Venues of the author's papers, most papers first." })
  venues(@Root() author: AuthorRecord, @Args(() => AuthorVenuesArgs) args: AuthorVenuesArgs, @Ctx() ctx: AuthorContext) {
    return ctx.services.author.venues(author.id, args);
  }
}

/** Paper.authors: a relationship field lives in the upper of its two domains (author sits above paper). */
@Resolver(() => Paper)
export class PaperAuthorsResolver {
  @FieldResolver(() => [Author], { description: "Authors in byline order, each once." })
  authors(@Root() paper: PaperRecord, @Ctx() ctx: AuthorContext) {
    return ctx.services.author.paperAuthors(paper.id);
  }
}
