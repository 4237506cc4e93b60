import assert from "node:assert/strict";
import { test } from "node:test";
import { loadConfig } from "../../../src/config";

test("EMBED_FRAME_ANCESTORS: any page by default, a list of CSP sources when set, and no injection", () => {
  assert.equal(loadConfig({}).frameAncestors, "*");
  assert.equal(
    loadConfig({ EMBED_FRAME_ANCESTORS: "https://grafana.example.org, 'self'" }).frameAncestors,
    "https://grafana.example.org 'self'",
  );
  assert.equal(loadConfig({ EMBED_FRAME_ANCESTORS: "  " }).frameAncestors, "*");
  assert.throws(() => loadConfig({ EMBED_FRAME_ANCESTORS: "https://a.example; script-src *" }), /EMBED_FRAME_ANCESTORS has .*unset it/);
});
