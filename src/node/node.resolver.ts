import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../kernel/request-context";
import type { NodeService } from "./node.service";
import { Node } from "../kernel/node.interface";

type NodeContext = RequestContext<{ node: NodeService }>;

/** Adapts GraphQL arguments to NodeService; no rules here. */
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "An Author, Paper or Venue by id; null when unknown." })
  node(@Arg("id", () => ID) id: string, @Ctx() ctx: NodeContext) {
    return ctx.services.node.node(id);
  }

  @Query(() => [Node], { nullable: "items", description: "Up to 100 objects by id, in order; null for unknown ids." })
  nodes(@Arg("ids", () => [ID]) ids: string[], @Ctx() ctx: NodeContext) {
    return ctx.services.node.nodes(ids);
  }
}
