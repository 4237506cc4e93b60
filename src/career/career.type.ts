import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { Author } from "../author/author.type";
import { Explanation } from "../kernel/explanation.type";
import { TieStrength } from "../kernel/tie-strength.type";
import { Paper } from "../paper/paper.type";
import { TIE_CLASS_RULE, TieClass } from "./collaboration";

registerEnumType(TieClass, {
  name: "TieClass",
  description: `A tie's class. ${TIE_CLASS_RULE}`,
  valuesConfig: {
    WEAK: { description: "K_ij <= <K_i> from both ends: at most an average tie." },
    STRONG: { description: "K_ij > <K_i> from at least one end, below the super threshold." },
    SUPER: { description: "K_ij >= <K_i>·ln S_i (and >= 2, S_i >= 3) from at least one end: an extreme-value outlier." },
  },
});

const TIME = "1 January of the year, 00:00 UTC, ISO 8601 (Grafana's time series and Observable Plot read it as time).";

@ObjectType("TimelineYear", { description: "One calendar year of an author's career (flat: one row per year).", simpleResolvers: true })
export class TimelineYear {
  @Field(() => Int) year!: number;
  @Field(() => String, { description: TIME }) time!: string;
  @Field(() => Int, { description: "The author's papers dated this year." }) papers!: number;
  @Field(() => Int, { description: "Distinct other authors on those papers." }) coauthors!: number;
  @Field(() => Int, { description: "Coauthors this year on no earlier dated paper of the author (years before yearFrom included)." })
  newCoauthors!: number;
  @Field(() => Int, { description: "Coauthors this year who were on an earlier dated paper of the author." }) repeatCoauthors!: number;
  @Field(() => Float, { nullable: true, description: "Mean authors per byline (the author included); null without papers." })
  meanTeamSize!: number | null;
  @Field(() => Float, { nullable: true, description: "Median authors per byline; null without papers." }) medianTeamSize!: number | null;
  @Field(() => Int, { description: "Papers with a byline of one." }) soloPapers!: number;
  @Field(() => Int, { description: "Papers with the author at byline position 1 (solo papers included)." }) firstAuthorPapers!: number;
  @Field(() => Int, { description: "Papers of two or more authors with the author at the last byline position." })
  lastAuthorPapers!: number;
  @Field(() => Int, { description: "Papers with more authors than largeTeamThreshold." }) largeTeamPapers!: number;
  @Field(() => Float, { nullable: true, description: "largeTeamPapers / papers; null without papers." }) largeTeamShare!: number | null;
}

@ObjectType("AuthorTimeline", { description: "An author's career year by year, explained.", simpleResolvers: true })
export class AuthorTimeline {
  @Field(() => [TimelineYear], {
    description: "From the first to the last year with a paper inside the window; years between without papers are rows of zeros.",
  })
  rows!: TimelineYear[];
  @Field(() => Int, { description: "The author's papers without a year (in no row)." }) undatedPapers!: number;
  @Field(() => Explanation) explain!: Explanation;
  @Field(() => String, { description: "The graph version (GraphStats.snapshotId) these figures come from." }) snapshotId!: string;
}

@ObjectType("CollaborationYear", {
  description: "One calendar year of a pair's collaboration (flat: one row per year).",
  simpleResolvers: true,
})
export class CollaborationYear {
  @Field(() => Int) year!: number;
  @Field(() => String, { description: TIME }) time!: string;
  @Field(() => Int, { description: "Joint papers dated this year." }) jointPapers!: number;
  @Field(() => Int, { description: "Joint papers up to and including this year (inside the window)." }) cumulativeJointPapers!: number;
  @Field(() => Float, { nullable: true, description: "Mean authors per byline of this year's joint papers." }) meanTeamSize!: number | null;
}

@ObjectType("TieView", {
  description: "A tie seen from one end: that author's tie profile and the class it gives (the rule: TieClass).",
  simpleResolvers: true,
})
export class TieView {
  @Field(() => TieClass) tieClass!: TieClass;
  @Field(() => Int, { description: "S_i: the author's distinct coauthors, all time." }) coauthors!: number;
  @Field(() => Float, { description: "<K_i>: the author's mean joint papers per coauthor, all time (the strong threshold)." })
  meanTieStrength!: number;
  @Field(() => Float, { description: "K_i^c = <K_i>·ln S_i: the super threshold." }) superThreshold!: number;
}

@ObjectType("TieWeight", {
  description: "The tie's weight under one counting scheme (inside the window and the byline cap, when given).",
  simpleResolvers: true,
})
export class TieWeight {
  @Field(() => TieStrength) strength!: TieStrength;
  @Field(() => Float) weight!: number;
  @Field(() => String) formula!: string;
}

@ObjectType("JointPaper", { description: "A paper both wrote, with each one's byline position.", simpleResolvers: true })
export class JointPaper {
  @Field(() => Paper) paper!: Paper;
  @Field(() => Int, { description: "The first author's (authorId's) 1-based byline position." }) authorPosition!: number;
  @Field(() => Int, { description: "The coauthor's (coauthorId's) 1-based byline position." }) coauthorPosition!: number;
  @Field(() => Int, { description: "Authors on the byline." }) authorCount!: number;
}

@ObjectType("Collaboration", {
  description: "How two authors' tie developed, how strong it is and for whom, with the papers.",
  simpleResolvers: true,
})
export class Collaboration {
  @Field(() => Author) author!: Author;
  @Field(() => Author) coauthor!: Author;
  @Field(() => Int, { description: "Distinct papers both wrote, inside the window." }) jointPapers!: number;
  @Field(() => Int, { nullable: true, description: "Year of the first dated joint paper inside the window." }) firstYear!: number | null;
  @Field(() => Int, { nullable: true, description: "Year of the last dated joint paper inside the window." }) lastYear!: number | null;
  @Field(() => [CollaborationYear], {
    description: "Per year from the first to the last joint year (years without joint papers as zeros).",
  })
  years!: CollaborationYear[];
  @Field(() => Float, {
    nullable: true,
    description: "jointPapers / the author's papers in the window: how much of author's work coauthor is on.",
  })
  authorShare!: number | null;
  @Field(() => Float, { nullable: true, description: "jointPapers / the coauthor's papers in the window." }) coauthorShare!: number | null;
  @Field(() => TieClass, { description: "The stronger of the two views' classes (all-time counts)." }) tieClass!: TieClass;
  @Field(() => TieView, { description: "The tie from the author's side." }) authorView!: TieView;
  @Field(() => TieView, { description: "The tie from the coauthor's side." }) coauthorView!: TieView;
  @Field(() => [JointPaper], { description: "The joint papers, oldest first (undated last)." }) papers!: JointPaper[];
  @Field(() => [Explanation]) explain!: Explanation[];
  @Field(() => String, { description: "The graph version (GraphStats.snapshotId) these figures come from." }) snapshotId!: string;
}
