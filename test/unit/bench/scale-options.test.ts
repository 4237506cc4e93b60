import assert from "node:assert/strict";
import { test } from "node:test";
import { SCALE_USAGE, scaleOptionsFrom, unknownArguments, VALUE_FLAGS } from "../../../bench/scale.bench";

// bench:scale runs for minutes to hours: a mistyped knob must stop it before anything starts, not be ignored.

test("an argument bench:scale does not know stops it, and says where the knobs are", () => {
  assert.deepEqual(unknownArguments(["--records", "5000", "--bogus", "--keep-home", "--stages", "query", "extra"]), ["--bogus", "extra"]);
  assert.deepEqual(unknownArguments(["--records", "--bogus"]), [], "a flag's value is not an argument of its own");
  assert.throws(() => scaleOptionsFrom(["--recods", "5000"], {}, () => undefined), /unknown argument\(s\) --recods .*--help/);
  assert.equal(scaleOptionsFrom(["--records", "5000", "--no-write"], {}, () => undefined).records, 5000);
});

test("--help names every knob", () => {
  for (const flag of [...VALUE_FLAGS, "--keep-home", "--no-write"]) assert.ok(SCALE_USAGE.includes(flag), `${flag} is not in the usage`);
});
