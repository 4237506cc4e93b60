import { Field, ID, InterfaceType } from "type-graphql";
import { nodeLabelOf } from "./node-label";

/**
 * Relay's Node. Only node(id)/nodes(ids) return the interface type; they tag each object with its
 * label, which resolveType reads. Fields typed Author, Paper or Venue never need it.
 */
@InterfaceType("Node", {
  description: "An object with a stable id: an Author, Paper or Venue.",
  resolveType: (value: object) => nodeLabelOf(value),
})
export abstract class Node {
  @Field(() => ID)
  id!: string;
}
