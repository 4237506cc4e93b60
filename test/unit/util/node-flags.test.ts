import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { describe, it } from "node:test";
import { givenNodeFlags, hasNodeFlag, nodeFlagNumber } from "../../../src/util/node-flags";

const MIB = 2 ** 20;

/** The heap limit V8 reports in a node started with `NODE_OPTIONS` and `args`: what node itself made of them. */
function heapLimitMiB(nodeOptions: string, args: string[] = []): number {
  const env = { ...process.env, NODE_OPTIONS: nodeOptions };
  const printed = execFileSync(process.execPath, [...args, "-p", "require('v8').getHeapStatistics().heap_size_limit"], { env });
  return Number(printed.toString()) / MIB;
}

describe("node's flags, read as node reads them", () => {
  it("takes the quotes off NODE_OPTIONS' flags, as node does", () => {
    const quoted = '"--max-old-space-size=48" --max_semi_space_size="32"';
    // Node accepted both: 48 MiB of old space and three 32 MiB semi-spaces.
    assert.equal(heapLimitMiB(quoted), 48 + 3 * 32);
    const flags = givenNodeFlags([], { NODE_OPTIONS: quoted });
    assert.deepEqual(flags, ["--max-old-space-size=48", "--max_semi_space_size=32"]);
    assert.equal(nodeFlagNumber(flags, "max-old-space-size"), 48);
    assert.equal(nodeFlagNumber(flags, "max-semi-space-size"), 32);
  });

  it("gives the command line's value over NODE_OPTIONS', as node does", () => {
    assert.equal(heapLimitMiB("--max-old-space-size=100", ["--max-old-space-size=64"]), 64 + 3 * 16);
    const flags = givenNodeFlags(["--max-old-space-size=64"], { NODE_OPTIONS: "--max-old-space-size=100" });
    assert.equal(nodeFlagNumber(flags, "max-old-space-size"), 64);
  });

  it("knows a flag by its name only, in either spelling", () => {
    const flags = givenNodeFlags(["--heap_growing_percent=50"], { NODE_OPTIONS: "--max-old-space-size-x=3 --inspect" });
    assert.equal(hasNodeFlag(flags, "heap-growing-percent"), true);
    assert.equal(hasNodeFlag(flags, "max-old-space-size"), false, "another flag that starts with its name");
    assert.equal(nodeFlagNumber(flags, "max-old-space-size"), undefined);
    assert.equal(hasNodeFlag(flags, "inspect"), true);
  });
});
