import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { AuthorRecord } from "../author/author.record";
import { Author } from "../author/author.type";
import { AfterArg, FirstArg, MaxAuthorsPerPaperArg, YearFromArg, YearToArg } from "../kernel/args";
import type { RequestContext } from "../kernel/request-context";
import { AuthorTimeline, Collaboration, TieWeight } from "./career.type";
import type { CareerService, CoauthorGroupView, CollaborationData } from "./career.service";
import {
  CoauthorGroup,
  GroupCoauthor,
  GroupVenue,
  HomonymCheck,
  NamesakeCandidateConnection,
  SameAsCandidate,
  SameAsCheck,
  SameAsEvidence,
} from "./namesake.type";
import { NamesakeKind } from "./namesake-candidates";
import { NAMESAKE_DEFAULTS } from "./namesakes";
import type { SameAsCandidateData } from "./same-as";
import { Paper } from "../paper/paper.type";

@ArgsType()
class TimelineArgs {
  @YearFromArg() yearFrom?: number | null;
  @YearToArg() yearTo?: number | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 10,
    description: "A byline with more authors than this is a large team (largeTeamPapers, largeTeamShare). 1..100000.",
  })
  largeTeamThreshold?: number | null;
}

@ArgsType()
class CollaborationArgs {
  @Field(() => ID, { description: "One author of the pair (the `author` side of the answer)." }) authorId!: string;
  @Field(() => ID, { description: "The other author (the `coauthor` side)." }) coauthorId!: string;
  @YearFromArg() yearFrom?: number | null;
  @YearToArg() yearTo?: number | null;
  /** As on coauthors and coauthorNetwork, so that a tie seen there under a cap can be explained here under the same one. */
  @MaxAuthorsPerPaperArg() maxAuthorsPerPaper?: number | null;
}

const MinGroupPapersArg = () =>
  Field(() => Int, {
    nullable: true,
    defaultValue: NAMESAKE_DEFAULTS.minGroupPapers,
    description:
      "A coauthor group counts as substantial with at least this many of the author's papers. 1..1000 (default chosen on labelled cases; see the README).",
  });
const MinTiePapersArg = () =>
  Field(() => Int, {
    nullable: true,
    defaultValue: NAMESAKE_DEFAULTS.minTiePapers,
    description:
      "Two coauthors are in one group through papers written without the author only when they wrote at least this many together (on one of the author's own papers, always). 1 = any paper: the plain components of the coauthor network without the author. 1..100 (default chosen on labelled cases; see the README).",
  });
const MinSharedCoauthorsArg = () =>
  Field(() => Int, {
    nullable: true,
    defaultValue: NAMESAKE_DEFAULTS.minSharedCoauthors,
    description:
      "Two compatible names are flagged with at least this many shared coauthors. 1..1000 (default chosen on labelled cases; see the README).",
  });

@ArgsType()
class HomonymArgs {
  @MinGroupPapersArg() minGroupPapers?: number | null;
  @MinTiePapersArg() minTiePapers?: number | null;
}

@ArgsType()
class SameAsArgs {
  @MinSharedCoauthorsArg() minSharedCoauthors?: number | null;
}

@ArgsType()
class NamesakeListArgs {
  @Field(() => NamesakeKind) kind!: NamesakeKind;
  @FirstArg() first?: number | null;
  @AfterArg() after?: string | null;
  @MinGroupPapersArg() minGroupPapers?: number | null;
  @MinTiePapersArg() minTiePapers?: number | null;
  @MinSharedCoauthorsArg() minSharedCoauthors?: number | null;
}

@ArgsType()
class TopArgs {
  @Field(() => Int, { nullable: true, defaultValue: 5, description: "How many, 1..100." }) first?: number | null;
}

type CareerContext = RequestContext<{ career: CareerService }>;

/** Author's career fields and the pair and listing queries; arguments adapted to CareerService, no rules here. */
@Resolver(() => Author)
export class CareerResolver {
  @FieldResolver(() => AuthorTimeline, { description: "The author's career year by year (flat rows with ISO 8601 `time`), explained." })
  timeline(@Root() author: AuthorRecord, @Args(() => TimelineArgs) args: TimelineArgs, @Ctx() ctx: CareerContext) {
    return ctx.services.career.timeline(author, args);
  }

  @FieldResolver(() => HomonymCheck, {
    description: "Is this author id several people? Coauthor groups that never meet and differ in venues or years. Read-only evidence.",
  })
  possibleHomonym(@Root() author: AuthorRecord, @Args(() => HomonymArgs) args: HomonymArgs, @Ctx() ctx: CareerContext) {
    return ctx.services.career.possibleHomonym(author, args);
  }

  @FieldResolver(() => SameAsCheck, {
    description: "Other author ids with a compatible name variant that share coauthors: possibly the same person. Read-only evidence.",
  })
  possibleSameAs(@Root() author: AuthorRecord, @Args(() => SameAsArgs) args: SameAsArgs, @Ctx() ctx: CareerContext) {
    return ctx.services.career.possibleSameAs(author, args);
  }

  @Query(() => Collaboration, {
    description:
      "How two authors' collaboration grew: joint papers per year, shares, weights under every scheme, tie class, papers. With maxAuthorsPerPaper, papers with more authors count nowhere (joint papers, years, papers, weights, and the shares' denominators too), as in the tie the coauthors field and the networks give under that cap; the tie class reads whole careers (no window, no cap). NOT_FOUND for an unknown author.",
  })
  collaboration(@Args(() => CollaborationArgs) args: CollaborationArgs, @Ctx() ctx: CareerContext) {
    return ctx.services.career.collaboration(args.authorId, args.coauthorId, args);
  }

  @Query(() => NamesakeCandidateConnection, {
    description:
      "The whole graph's strongest namesake candidates of one kind, strongest first (built once per graph snapshot), for a curator to work through.",
  })
  namesakeCandidates(@Args(() => NamesakeListArgs) args: NamesakeListArgs, @Ctx() ctx: CareerContext) {
    return ctx.services.career.namesakeCandidates(args);
  }
}

@Resolver(() => Collaboration)
export class CollaborationResolver {
  @FieldResolver(() => [TieWeight], {
    description:
      "The tie's weight under FULL, NEWMAN, FRACTIONAL and ASSOCIATION_STRENGTH (inside the window and the byline cap, when given); see TieStrength.",
  })
  weights(@Root() collaboration: CollaborationData) {
    return collaboration.weights();
  }
}

@Resolver(() => CoauthorGroup)
export class CoauthorGroupResolver {
  @FieldResolver(() => [Paper], { description: "The author's papers with this group." })
  papers(@Root() group: CoauthorGroupView) {
    return group.papers();
  }

  @FieldResolver(() => [GroupVenue], { description: "Venues of the group's papers, most first." })
  venues(@Root() group: CoauthorGroupView) {
    return group.venueRows();
  }

  @FieldResolver(() => [GroupCoauthor], { description: "The group's coauthors with the most joint papers with the author." })
  topCoauthors(@Root() group: CoauthorGroupView, @Args(() => TopArgs) { first }: TopArgs) {
    return group.topCoauthors(Math.min(Math.max(first ?? 5, 1), 100));
  }
}

@Resolver(() => SameAsCandidate)
export class SameAsCandidateResolver {
  @FieldResolver(() => [Author], { description: "The coauthors both have." })
  sharedCoauthors(@Root() candidate: SameAsCandidateData) {
    return candidate.sharedCoauthors();
  }

  @FieldResolver(() => [SameAsEvidence], { description: "Papers of either with shared coauthors on them (at most 20, oldest first)." })
  evidence(@Root() candidate: SameAsCandidateData) {
    return candidate.evidence();
  }
}
