import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { ConnectionType } from "../kernel/connection";
import { Node } from "../kernel/node.interface";

@ObjectType("Paper", {
  implements: Node,
  description: 'A paper (id: lower-cased DOI, else "normalised title|year").',
  simpleResolvers: true,
})
export class Paper {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => Int, { nullable: true })
  year!: number | null;

  @Field(() => String, { nullable: true, description: "Lower-cased, without a resolver prefix." })
  doi!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true })
  abstract!: string | null;

  @Field(() => String, { nullable: true })
  pages!: string | null;

  @Field(() => [String], { description: 'Every source record merged into this paper, e.g. "dblp:conf/acl/X24".' })
  sourceKeys!: string[];

  @Field(() => Int, { description: "Distinct authors on the byline." })
  authorCount!: number;
}

@ObjectType("PaperEdge", { simpleResolvers: true })
export class PaperEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Paper)
  node!: Paper;

  @Field(() => Float, { nullable: true, description: "Full-text relevance when the list came from a search." })
  score!: number | null;
}

@ObjectType("PaperConnection", { simpleResolvers: true })
export class PaperConnection extends ConnectionType(PaperEdge) {}
