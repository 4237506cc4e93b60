import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { ConnectionType } from "../kernel/connection";
import { Node } from "../kernel/node.interface";

@ObjectType("Venue", {
  implements: Node,
  description: "A conference, journal or workshop series (id: lower-cased acronym, else normalised name).",
  simpleResolvers: true,
})
export class Venue {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  acronym!: string | null;

  @Field(() => String, { description: "conference, journal, workshop or other." })
  kind!: string;

  @Field(() => Int, { description: "Papers published here." })
  paperCount!: number;
}

@ObjectType("VenueEdge", { simpleResolvers: true })
export class VenueEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Venue)
  node!: Venue;

  @Field(() => Float, { nullable: true, description: "Full-text relevance when the list came from a search." })
  score!: number | null;
}

@ObjectType("VenueConnection", { simpleResolvers: true })
export class VenueConnection extends ConnectionType(VenueEdge) {}
