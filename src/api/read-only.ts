import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { GraphQLSchema } from "graphql";
import { BadRequestError } from "../errors";

/**
 * This API only reads: its schema has a Query type and nothing else. graphql-js reports a mutation or
 * subscription only when it executes it, as an uncoded error that Apollo would answer as an
 * INTERNAL_SERVER_ERROR; refusing it once the operation is known makes it the client mistake it is.
 */
export function readOnlyPlugin<TContext extends BaseContext>(schema: GraphQLSchema): ApolloServerPlugin<TContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ operation }) {
          const kind = operation?.operation;
          if (!kind || schema.getRootType(kind)) return Promise.resolve();
          return Promise.reject(
            new BadRequestError(
              `This API is read-only: it has no ${kind} type, so a ${kind} cannot run. Send a query operation (the schema is at /schema.graphql).`,
            ),
          );
        },
      });
    },
  };
}
