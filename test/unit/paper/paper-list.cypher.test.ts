import assert from "node:assert/strict";
import { test } from "node:test";
import { textKey } from "../../../src/kernel/keyset.cypher";
import { paperListCountStatement, paperListPageStatement, PaperListShape } from "../../../src/paper/paper-list.cypher";
import { assertSnapshot } from "../../support/snapshot";

function allShapes(): PaperListShape[] {
  const shapes: PaperListShape[] = [];
  for (let bits = 0; bits < 32; bits += 1) {
    shapes.push({
      search: Boolean(bits & 1),
      venue: Boolean(bits & 2),
      yearFrom: Boolean(bits & 4),
      yearTo: Boolean(bits & 8),
      after: Boolean(bits & 16),
    });
  }
  return shapes;
}

function label(shape: PaperListShape): string {
  const on = Object.entries(shape)
    .filter(([, v]) => v)
    .map(([k]) => k);
  return on.length > 0 ? on.join("+") : "plain";
}

test("every shape of the papers list statement matches its snapshot", () => {
  const text = allShapes()
    .map(
      (shape) =>
        `// page: ${label(shape)}\n${paperListPageStatement(shape)}\n\n// count: ${label(shape)}\n${paperListCountStatement(shape)}\n`,
    )
    .join("\n");
  assertSnapshot("paper-list.cypher", text);
});

test("values only ever appear as parameters", () => {
  for (const shape of allShapes()) {
    const statement = paperListPageStatement(shape);
    // No string is glued to another, except the empty string textKey appends to build a sort key.
    assert.ok(!/['"]\s*\+|\+\s*['"]/.test(statement.replaceAll(textKey("p.id"), "sortId")));
    assert.equal(statement.includes("$query"), shape.search);
    assert.equal(statement.includes("$venueId"), shape.venue);
    assert.equal(statement.includes("$yearFrom"), shape.yearFrom);
    assert.equal(statement.includes("$yearTo"), shape.yearTo);
    assert.equal(statement.includes("$afterKey"), shape.after);
    assert.ok(!paperListCountStatement(shape).includes("$after"), "the total ignores the cursor");
  }
});
