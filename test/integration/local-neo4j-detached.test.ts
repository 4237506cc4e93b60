import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { Command } from "commander";
import { registerDbCommands } from "../../src/cli/db.commands";
import { homeLayout } from "../../src/db/local/home-layout";
import { isProcessAlive } from "../../src/db/local/process-probe";
import { readState } from "../../src/db/local/server-state";
import { provideNeo4j } from "../../src/db/neo4j-provider";
import { localConfig, localEnv, localNeo4jUnavailable, removeHome, tempHome } from "./local-neo4j-helpers";

/** Runs `coauthor-graph db <args>` in-process with `env` as the environment; returns stdout and the exit code. */
async function db(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ out: string; exitCode: number }> {
  const saved = { ...process.env };
  const lines: string[] = [];
  const originalLog = console.log;
  const originalError = console.error;
  process.env = env;
  process.exitCode = 0;
  console.log = (...parts: unknown[]) => void lines.push(parts.join(" "));
  console.error = () => undefined;
  try {
    const program = new Command().name("coauthor-graph").exitOverride();
    registerDbCommands(program);
    await program.parseAsync(["db", ...args], { from: "user" });
    return { out: lines.join("\n"), exitCode: Number(process.exitCode ?? 0) };
  } finally {
    process.env = saved;
    console.log = originalLog;
    console.error = originalError;
    process.exitCode = 0;
  }
}

describe("coauthor-graph db start|status|stop (detached local Neo4j)", { skip: localNeo4jUnavailable() }, () => {
  const home = tempHome("detached");
  const env = localEnv(home);

  after(async () => {
    if (readState(homeLayout(home))) await db(env, "stop");
    removeHome(home);
  });

  it("status says not running (exit 3) before start", async () => {
    const { out, exitCode } = await db(env, "status");
    assert.match(out, /not running/);
    assert.equal(exitCode, 3);
  });

  it("start leaves a server running that outlives the command, and status describes it", async () => {
    const started = await db(env, "start");
    assert.match(started.out, /Started Neo4j/);
    const state = readState(homeLayout(home));
    assert.ok(state?.pid && isProcessAlive(state.pid));
    assert.equal(state.mode, "detached");

    const { out, exitCode } = await db(env, "status");
    assert.equal(exitCode, 0);
    assert.match(out, new RegExp(`running: bolt://127\\.0\\.0\\.1:${state.boltPort}`));
    assert.match(out, /version +5\.26\.\d+/);
    assert.ok(out.includes(home));

    const again = await db(env, "start");
    assert.match(again.out, /already running/);
  });

  it("serve/import-style callers join it without owning it", async () => {
    const neo4j = await provideNeo4j({ config: localConfig(env), env });
    assert.equal(neo4j.owned, false);
    assert.equal(neo4j.target.uri, readState(homeLayout(home))?.uri);
  });

  it("stop ends the Java process and clears the state", async () => {
    const pid = readState(homeLayout(home))?.pid;
    const { out } = await db(env, "stop");
    assert.match(out, /Stopped the local Neo4j/);
    assert.equal(isProcessAlive(pid), false);
    assert.equal(readState(homeLayout(home)), undefined);
    assert.match((await db(env, "status")).out, /not running/);
  });
});
