import assert from "node:assert/strict";
import { test } from "node:test";
import { MAX_PATH_HOPS, collaborationPathStatement } from "../../../src/network/path.cypher";
import { PATH_MAX_LENGTH } from "../../../src/kernel/argument-rules";
import { assertSnapshot } from "../../support/snapshot";

test("the collaborationPath statement for every maxLength, with and without a year window, matches its snapshot", () => {
  const parts: string[] = [];
  for (const windowed of [false, true]) {
    for (let hops = 1; hops <= MAX_PATH_HOPS; hops += 1) {
      parts.push(`// maxLength ${hops}${windowed ? ", year window" : ""}\n${collaborationPathStatement(hops, windowed)}\n`);
    }
  }
  for (const windowed of [false, true]) {
    parts.push(`// maxLength 6, byline cap${windowed ? ", year window" : ""}\n${collaborationPathStatement(6, windowed, true)}\n`);
  }
  assertSnapshot("path.cypher", parts.join("\n"));
});

test("the hop bound covers exactly the maxLength range the API accepts", () => {
  assert.equal(MAX_PATH_HOPS, PATH_MAX_LENGTH.max);
  assert.match(collaborationPathStatement(3, false), /-\{1,3\}\(target\)/);
  assert.match(collaborationPathStatement(8, true), /\)\{1,8\} \(target\)/);
  assert.match(collaborationPathStatement(4, false, true), /WHERE size\(\[i IN range[\s\S]*\)\{1,4\} \(target\)/);
  assert.throws(() => collaborationPathStatement(0, false), RangeError);
  assert.throws(() => collaborationPathStatement(9, false), RangeError);
});
