import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { etaText } from "../../../src/util/eta-text";

describe("the progress line's ETA", () => {
  it("rounds up to whole seconds before it splits minutes from seconds (an 8M bulk load once printed 2m60s)", () => {
    assert.equal(etaText(0.2), "1s");
    assert.equal(etaText(59), "59s");
    assert.equal(etaText(59.2), "1m00s");
    assert.equal(etaText(179.4), "3m00s");
    assert.equal(etaText(125), "2m05s");
    assert.equal(etaText(3599.5), "1h00m");
    assert.equal(etaText(3725), "1h03m");
    assert.equal(etaText(36000), "10h00m");
  });
});
