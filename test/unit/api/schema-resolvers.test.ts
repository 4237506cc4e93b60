import "reflect-metadata";
import assert from "node:assert/strict";
import { test } from "node:test";
import { getNamedType, isLeafType, isObjectType } from "graphql";
import { buildGraphqlSchema } from "../../../src/api/schema";

// Plain fields must resolve with graphql-js's default resolver, not a per-field wrapper: big answers
// (tens of thousands of network edges) resolve them once per object (see src/kernel/connection.ts).
test("every scalar field of an object type reads its property directly (simpleResolvers)", async () => {
  const schema = await buildGraphqlSchema();
  const wrapped: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__") || type === schema.getQueryType()) continue;
    for (const field of Object.values(type.getFields())) {
      if (isLeafType(getNamedType(field.type)) && field.resolve !== undefined) wrapped.push(`${type.name}.${field.name}`);
    }
  }
  assert.deepEqual(wrapped, [], "declare these types with @ObjectType(..., { simpleResolvers: true })");
});
