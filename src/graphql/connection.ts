import { ClassType, Field, Int, ObjectType } from "type-graphql";

@ObjectType("PageInfo", {
  description:
    "Relay page information. Pagination is forward-only (first/after); hasPreviousPage is true when the page followed a cursor.",
})
export class PageInfo {
  @Field(() => Boolean, { description: "True when more items follow this page (pass endCursor as `after`)." })
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last edge; null when the page is empty." })
  endCursor!: string | null;
}

/**
 * Fields every Relay connection has. Subclasses name the GraphQL type
 * (`@ObjectType("PaperConnection") class PaperConnection extends ConnectionType(PaperEdge) {}`);
 * this base is never emitted on its own.
 */
export function ConnectionType<TEdge extends object>(edgeType: ClassType<TEdge>) {
  @ObjectType()
  abstract class Connection {
    @Field(() => [edgeType])
    edges!: TEdge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: "Items in the whole list (all pages), with the same filters." })
    totalCount!: number;
  }
  return Connection;
}
