import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, it } from "node:test";
import { fromRoot } from "../../../src/util/project-root";
import { useSeededHttpServer } from "../../support/http-fixture";
import { serveEnv } from "../../support/serve-process";

// Dashboards hear about new data: an import run by another process (the CLI) into the same Neo4j changes the version
// a running server answers with, and /events announces it once per import that changed the graph, never for one that
// changed nothing.

const runFile = promisify(execFile);
const CLI = fromRoot("dist", "src", "cli", "main.js");
const SEED = fromRoot("test", "fixtures", "acl-author-page", "acl-author-page-wei-xiong.txt");
const BIBTEX = fromRoot("test", "fixtures", "bibtex", "nlp-project-anthology.bib");
const POLL_MS = 100;

interface ServerEvent {
  event: string;
  id?: string;
  data: any;
}

/** Reads an SSE stream with fetch, as a dashboard's EventSource would, collecting every event. */
async function listen(url: string): Promise<{ events: ServerEvent[]; close(): void }> {
  const abort = new AbortController();
  const response = await fetch(url, { signal: abort.signal, headers: { accept: "text/event-stream" } });
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type") ?? "", /^text\/event-stream/);
  const events: ServerEvent[] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = new Map<string, string>();
          for (const line of block.split("\n")) {
            const colon = line.indexOf(":");
            if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
          }
          if (fields.has("event"))
            events.push({ event: fields.get("event")!, id: fields.get("id"), data: JSON.parse(fields.get("data") ?? "null") });
        }
      }
    } catch {
      // aborted
    }
  })();
  return { events, close: () => abort.abort() };
}

async function waitFor(what: string, condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("graph version events and imports by another process", { timeout: 300_000 }, () => {
  const fixture = useSeededHttpServer([SEED], (base) => ({
    ...base,
    production: true,
    serving: { ...base.serving, graphVersionPollMs: POLL_MS, warmUp: false },
  }));

  /** `coauthor-graph import` in its own process, against the same Neo4j; small batches, so it commits many times. */
  const cliImport = (file: string) => runFile(process.execPath, [CLI, "import", "--batch-size", "5", file], { env: serveEnv() });

  const statsUrl = () => `${fixture.server.url}/graphql?${new URLSearchParams({ query: "{ stats { papers snapshotId } }" })}`;

  it("fires graphVersionChanged once per import that changed the graph, and the next request sees the new data", async () => {
    const stream = await listen(`${fixture.server.url}/events`);
    try {
      await waitFor("the first event", () => stream.events.length > 0);
      const [hello] = stream.events;
      assert.equal(hello.event, "graphVersion");
      const before = await fetch(statsUrl());
      const etag = before.headers.get("etag")!;
      const old = ((await before.json()) as { data: { stats: { papers: number; snapshotId: string } } }).data.stats;
      assert.equal(hello.data.snapshotId, old.snapshotId);

      // Seen from afar: versions committed by the CLI's batches, while it holds the import lock.
      const seen = new Set<string>();
      const poller = setInterval(() => {
        const current = fixture.server.serving.watch.current();
        if (current) seen.add(`${current.snapshotId}${current.importing ? " importing" : ""}`);
      }, 10);
      await cliImport(BIBTEX);
      await waitFor("graphVersionChanged", () => stream.events.some((e) => e.event === "graphVersionChanged"));
      clearInterval(poller);
      await sleep(POLL_MS * 10);
      const changes = stream.events.filter((e) => e.event === "graphVersionChanged");
      assert.equal(
        changes.length,
        1,
        `one event for one import: ${JSON.stringify(stream.events)} (versions seen: ${[...seen].join(", ")})`,
      );
      const [change] = changes;
      assert.equal(change.data.previousSnapshotId, old.snapshotId);
      assert.notEqual(change.data.snapshotId, old.snapshotId);
      assert.equal(change.id, change.data.snapshotId);

      const after = await fetch(statsUrl(), { headers: { "if-none-match": etag } });
      assert.equal(after.status, 200);
      const fresh = ((await after.json()) as { data: { stats: { papers: number; snapshotId: string } } }).data.stats;
      assert.ok(fresh.papers > old.papers, `${fresh.papers} papers now, ${old.papers} before`);
      assert.equal(fresh.snapshotId, change.data.snapshotId);

      // The same file again changes nothing: no event.
      await cliImport(BIBTEX);
      await sleep(POLL_MS * 10);
      assert.equal(stream.events.filter((e) => e.event === "graphVersionChanged").length, 1, JSON.stringify(stream.events));
      const again = ((await (await fetch(statsUrl())).json()) as { data: { stats: { snapshotId: string } } }).data.stats;
      assert.equal(again.snapshotId, fresh.snapshotId);
    } finally {
      stream.close();
    }
  });

  it("a reconnecting client that missed a change hears it at once (Last-Event-ID)", async () => {
    const current = fixture.server.serving.watch.announcedSnapshot()!;
    const stream = await fetch(`${fixture.server.url}/events`, { headers: { "last-event-id": "0-0" } });
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    while (!text.includes("event: graphVersionChanged")) text += (await reader.read()).value ?? "";
    await reader.cancel();
    assert.match(text, new RegExp(`event: graphVersionChanged\\ndata: \\{"snapshotId":"${current.snapshotId}","previousSnapshotId":"0-0"`));
  });
});
