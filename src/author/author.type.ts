import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { ConnectionType } from "../kernel/connection";
import { FiguresStamp } from "../kernel/graph-figures.type";
import { Node } from "../kernel/node.interface";
import { Venue } from "../venue/venue.type";

@ObjectType("Author", {
  implements: Node,
  description: 'A person. id: "dblp:<name incl. homonym number>", "acl:<id>", "orcid:<orcid>" or "name:<normalised name>".',
  simpleResolvers: true,
})
export class Author {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: "Other spellings seen in the sources." })
  aliases!: string[];

  @Field(() => String, { nullable: true })
  orcid!: string | null;

  @Field(() => Int)
  paperCount!: number;

  @Field(() => Int, { nullable: true })
  firstYear!: number | null;

  @Field(() => Int, { nullable: true })
  lastYear!: number | null;

  @Field(() => Int, { description: "Distinct coauthors, all time." })
  coauthorCount!: number;
}

@ObjectType("AuthorEdge", { simpleResolvers: true })
export class AuthorEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Author)
  node!: Author;

  @Field(() => Float, { nullable: true, description: "Full-text relevance when the list came from a search." })
  score!: number | null;
}

@ObjectType("AuthorConnection", { simpleResolvers: true })
export class AuthorConnection extends ConnectionType(AuthorEdge) {
  @Field(() => FiguresStamp, {
    nullable: true,
    description: "With orderBy: the whole-graph figures that ordered the list, and whether they are stale; null for a plain search.",
  })
  figures!: FiguresStamp | null;
}

@ObjectType("CoauthorEdge", {
  description:
    "A coauthor and the joint papers (inside the year window when one was given). Its evidence, the joint papers with their byline sizes and the weight under every scheme, is Query.collaboration with the same year window and maxAuthorsPerPaper.",
  simpleResolvers: true,
})
export class CoauthorEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Author)
  node!: Author;

  @Field(() => Int, {
    description: "Distinct papers both wrote (inside the window, and with at most maxAuthorsPerPaper authors when given).",
  })
  jointPapers!: number;

  @Field(() => Float, {
    description:
      "The tie's strength under the coauthors field's `strength` argument (see TieStrength for each formula); FULL: jointPapers.",
  })
  strength!: number;

  @Field(() => Int, { nullable: true })
  firstYear!: number | null;

  @Field(() => Int, { nullable: true })
  lastYear!: number | null;
}

@ObjectType("CoauthorConnection", { simpleResolvers: true })
export class CoauthorConnection extends ConnectionType(CoauthorEdge) {}

@ObjectType("AuthorVenue", { description: "A venue where the author published, with the author's papers there.", simpleResolvers: true })
export class AuthorVenue {
  @Field(() => Venue)
  venue!: Venue;

  @Field(() => Int)
  paperCount!: number;

  @Field(() => Int, { nullable: true })
  firstYear!: number | null;

  @Field(() => Int, { nullable: true })
  lastYear!: number | null;
}
