import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createProgress } from "../../../import/progress";

/** A stream that is not a terminal, so the progress is the plain line kind, collecting what it writes. */
function lineStream(): { stream: NodeJS.WriteStream; lines: string[] } {
  const lines: string[] = [];
  const stream = { isTTY: false, write: (text: string) => lines.push(text.trimEnd()) } as unknown as NodeJS.WriteStream;
  return { stream, lines };
}

describe("import progress lines", () => {
  it("give the total and an ETA while the work is within its total", () => {
    const { stream, lines } = lineStream();
    const progress = createProgress(stream);
    progress.start("checking csl-json", 15_000);
    progress.update(5_000);
    progress.stop();
    assert.match(lines[0], /^checking csl-json: 5000\/15000 \| \d+\/s \| ETA \S+$/);
    assert.doesNotMatch(lines[0], /ETA -/);
  });

  it("drop a total the work has passed (an estimate from compressed input that ran low), and never show a negative ETA", () => {
    const { stream, lines } = lineStream();
    const progress = createProgress(stream);
    progress.start("checking csl-json", 15_000);
    progress.update(17_342);
    progress.stop();
    assert.match(lines[0], /^checking csl-json: 17342 \| \d+\/s \| ETA \?$/);
  });
});
