import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { buildId } from "../../../src/api/build-id";

test("the build id follows the compiled code: the same files the same id, a changed or added file another", () => {
  const root = mkdtempSync(path.join(os.tmpdir(), "build-id-"));
  try {
    const make = (name: string, files: Record<string, string>) => {
      const dir = path.join(root, name);
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), text);
      }
      return buildId(dir);
    };
    const base = { "api/a.js": "exports.a = 1;", "export/csv.js": "exports.columns = ['source'];", "api/a.js.map": "{}" };
    const first = make("one", base);
    assert.match(first, /^[A-Za-z0-9_-]{16}$/);
    assert.equal(make("two", base), first, "another copy of the same build");
    assert.equal(make("maps", { ...base, "api/a.js.map": '{"changed": true}' }), first, "source maps do not count");
    assert.notEqual(make("changed", { ...base, "export/csv.js": "exports.columns = ['source', 'strength'];" }), first);
    assert.notEqual(make("added", { ...base, "api/b.js": "" }), first);
    assert.notEqual(make("moved", { "api/a.js": "exports.a = 1;", "export/csv2.js": "exports.columns = ['source'];" }), first);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
