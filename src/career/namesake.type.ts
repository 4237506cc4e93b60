import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { Author } from "../author/author.type";
import { ConnectionType } from "../kernel/connection";
import { Explanation } from "../kernel/explanation.type";
import { Paper } from "../paper/paper.type";
import { Venue } from "../venue/venue.type";
import { NamesakeKind } from "./namesake-candidates";
import { HOMONYM_RULE, SAME_AS_RULE } from "./same-as";

registerEnumType(NamesakeKind, {
  name: "NamesakeKind",
  valuesConfig: {
    HOMONYM: { description: `One author id that may be several people. ${HOMONYM_RULE}` },
    SAME_AS: { description: `Two author ids that may be one person. ${SAME_AS_RULE}` },
  },
});

@ObjectType("GroupVenue", { simpleResolvers: true })
export class GroupVenue {
  @Field(() => Venue) venue!: Venue;
  @Field(() => Int, { description: "The group's papers at the venue." }) papers!: number;
}

@ObjectType("GroupCoauthor", { simpleResolvers: true })
export class GroupCoauthor {
  @Field(() => Author) author!: Author;
  @Field(() => Int, { description: "Joint papers with the author." }) jointPapers!: number;
}

@ObjectType("CoauthorGroup", {
  description:
    "Coauthors of an author, the author removed, that do not meet the rest under possibleHomonym's rule (joined on the author's papers, and by minTiePapers or more joint papers without the author), with the author's papers among them.",
  simpleResolvers: true,
})
export class CoauthorGroup {
  @Field(() => Int, { description: "Coauthors in the group." }) size!: number;
  @Field(() => Int, { description: "The author's papers with this group." }) paperCount!: number;
  @Field(() => Int, { nullable: true }) firstYear!: number | null;
  @Field(() => Int, { nullable: true }) lastYear!: number | null;
  @Field(() => [Int], { description: "Distinct years of the group's papers, ascending." }) years!: number[];
}

@ObjectType("DifferingGroups", { description: "Two substantial groups (indices into groups) that differ.", simpleResolvers: true })
export class DifferingGroups {
  @Field(() => Int) a!: number;
  @Field(() => Int) b!: number;
  @Field(() => Boolean, { description: "They share no venue." }) disjointVenues!: boolean;
  @Field(() => Boolean, { description: "Their year spans do not overlap." }) disjointYears!: boolean;
}

@ObjectType("HomonymCheck", { description: "Is this author id several people? Evidence for a curator (read-only).", simpleResolvers: true })
export class HomonymCheck {
  @Field(() => Boolean, { description: "Two or more substantial groups that differ in venues or years." }) flagged!: boolean;
  @Field(() => Int, { description: "Papers of the second-largest substantial group when flagged (0 otherwise): the listing's order." })
  score!: number;
  @Field(() => [CoauthorGroup], { description: "Every group, most papers first." }) groups!: CoauthorGroup[];
  @Field(() => [DifferingGroups]) differingGroups!: DifferingGroups[];
  @Field(() => Int, { description: "Papers without coauthors (in no group)." }) soloPapers!: number;
  @Field(() => Explanation) explain!: Explanation;
  @Field(() => String) snapshotId!: string;
}

@ObjectType("SameAsEvidence", { description: "A paper of one of the two with shared coauthors on it.", simpleResolvers: true })
export class SameAsEvidence {
  @Field(() => Author, { description: "Which of the two wrote it." }) of!: Author;
  @Field(() => Paper) paper!: Paper;
  @Field(() => [Author], { description: "The shared coauthors on it." }) via!: Author[];
}

@ObjectType("SameAsCandidate", { description: "Another author id that may be the same person.", simpleResolvers: true })
export class SameAsCandidate {
  @Field(() => Author) author!: Author;
  @Field(() => Int) sharedCoauthorCount!: number;
  @Field(() => Float, { description: "Shared coauthors / the smaller of the two coauthor counts." }) overlap!: number;
  @Field(() => Float, { description: "sharedCoauthorCount + overlap: the order of candidates." }) score!: number;
}

@ObjectType("SameAsRuledOut", { description: "A compatible name variant ruled out, with the reason.", simpleResolvers: true })
export class SameAsRuledOut {
  @Field(() => Author) author!: Author;
  @Field(() => String, { description: '"different source keys" or "a joint paper".' }) reason!: string;
  @Field(() => Int) sharedCoauthorCount!: number;
}

@ObjectType("SameAsCheck", {
  description: "Which other author ids may be this person? Evidence for a curator (read-only).",
  simpleResolvers: true,
})
export class SameAsCheck {
  @Field(() => [SameAsCandidate], { description: "Flagged variants, strongest first." }) candidates!: SameAsCandidate[];
  @Field(() => [SameAsRuledOut], { description: "Compatible variants that source keys or a joint paper rule out." })
  ruledOut!: SameAsRuledOut[];
  @Field(() => Explanation) explain!: Explanation;
  @Field(() => String) snapshotId!: string;
}

@ObjectType("NamesakeCandidate", { description: "One entry of the whole-graph namesake listing.", simpleResolvers: true })
export class NamesakeCandidate {
  @Field(() => NamesakeKind) kind!: NamesakeKind;
  @Field(() => Float, { description: "HOMONYM: the papers of the second-largest substantial group; SAME_AS: shared coauthors + overlap." })
  score!: number;
  @Field(() => [Author], { description: "HOMONYM: the author; SAME_AS: the two authors." }) authors!: Author[];
  @Field(() => String, { description: "The evidence in one line." }) summary!: string;
}

@ObjectType("NamesakeCandidateEdge", { simpleResolvers: true })
export class NamesakeCandidateEdge {
  @Field(() => String) cursor!: string;
  @Field(() => NamesakeCandidate) node!: NamesakeCandidate;
}

@ObjectType("NamesakeCandidateConnection", { simpleResolvers: true })
export class NamesakeCandidateConnection extends ConnectionType(NamesakeCandidateEdge) {
  @Field(() => Explanation) explain!: Explanation;
  @Field(() => String) snapshotId!: string;
}
