import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parse, validate } from "graphql";
import { buildGraphqlSchema } from "../../src/api/schema";
import { fromRoot } from "../../src/util/project-root";

/** Every ```graphql block in the README, split into its top-level operations (one per `{ … }` at column 0). */
function readmeOperations(): string[] {
  const readme = readFileSync(fromRoot("README.md"), "utf8");
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
  const operations: string[] = [];
  for (const block of blocks) {
    let depth = 0;
    let current = "";
    for (const line of block.split("\n")) {
      if (depth === 0 && !line.trim().startsWith("{")) continue; // comments between operations
      current += `${line}\n`;
      for (const ch of line.replace(/"[^"]*"/g, "")) depth += ch === "{" ? 1 : ch === "}" ? -1 : 0;
      if (depth === 0 && current.trim()) {
        operations.push(current);
        current = "";
      }
    }
  }
  return operations;
}

describe("README example queries", () => {
  it("are valid against the schema the server serves", async () => {
    const schema = await buildGraphqlSchema();
    const operations = readmeOperations();
    assert.ok(operations.length >= 6, `expected the README's examples, found ${operations.length}`);
    for (const op of operations) {
      const errors = validate(schema, parse(op));
      assert.deepEqual(
        errors.map((e) => e.message),
        [],
        op,
      );
    }
  });
});
