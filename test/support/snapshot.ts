import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fromRoot } from "../../src/util/project-root";

/**
 * Compares text with test/unit/snapshots/<name> (read from the checkout, not dist/).
 * UPDATE_SNAPSHOTS=1 rewrites the file; a missing snapshot fails rather than passing silently.
 */
export function assertSnapshot(name: string, actual: string): void {
  const file = fromRoot("test", "unit", "snapshots", name);
  if (process.env.UPDATE_SNAPSHOTS === "1") {
    writeFileSync(file, actual, "utf8");
    return;
  }
  assert.ok(existsSync(file), `snapshot ${file} is missing; run with UPDATE_SNAPSHOTS=1 and review it`);
  assert.equal(actual, readFileSync(file, "utf8"), `${name} changed; if intended, run with UPDATE_SNAPSHOTS=1 and review the diff`);
}
