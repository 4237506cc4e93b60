import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { pruneOtherLaunchers } from "../../../src/db/local/jar-cache";

test("a new launcher prunes other launchers only once they are a week old (another checkout may be running one)", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "jar-cache-"));
  try {
    for (const name of ["launcher-current", "launcher-recent", "launcher-old", "lib"]) mkdirSync(path.join(dir, name));
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600_000);
    utimesSync(path.join(dir, "launcher-old"), eightDaysAgo, eightDaysAgo);
    utimesSync(path.join(dir, "lib"), eightDaysAgo, eightDaysAgo);
    pruneOtherLaunchers(path.join(dir, "launcher-current"));
    assert.deepEqual(readdirSync(dir).sort(), ["launcher-current", "launcher-recent", "lib"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
