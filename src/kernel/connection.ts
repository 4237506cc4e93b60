import { ClassType, Field, Int, ObjectType } from "type-graphql";

/*
 * Every object type here and in the domain folders is declared with `simpleResolvers: true`: its
 * plain fields read the property with graphql-js's default resolver instead of type-graphql's
 * per-field wrapper (a resolver-data object and a middleware dispatch for every field of every
 * object, three per network edge). We use no type-graphql middlewares or auth, so nothing is lost;
 * @FieldResolver fields are unaffected. test/unit/api/schema-resolvers.test.ts keeps it so.
 */

@ObjectType("PageInfo", {
  description: "Relay page information. Pagination is forward-only (first/after); hasPreviousPage is true when the page followed a cursor.",
  simpleResolvers: true,
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
  @ObjectType({ simpleResolvers: true })
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
