import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { isProcessAlive, waitForExit } from "../../../src/db/local/process-probe";

// `import --bulk` runs neo4j-admin for minutes. If the CLI dies meanwhile (here: an uncaught exception, as a write
// to a closed stdout gives), neo4j-admin must stop with it, not go on as an orphan holding the home. A stand-in for
// java records its pid and sleeps; the test checks it is gone soon after its parent crashed.

const ADMIN_IMPORT = path.resolve(__dirname, "../../../src/db/local/admin-import.js");

/** A stand-in for java that records its pid and sleeps, and runAdminImport's options to start it with. */
function standIn(prefix: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const pidFile = path.join(dir, "admin.pid");
  const fakeJava = path.join(dir, "java");
  writeFileSync(fakeJava, `#!/bin/sh\necho $$ > "${pidFile}"\nexec sleep 60\n`);
  chmodSync(fakeJava, 0o755);
  const options = {
    java: fakeJava,
    libDir: dir,
    neo4jHome: path.join(dir, "home"),
    nodes: [],
    relationships: [],
    arrayDelimiter: ";",
    multiline: false,
    reportFile: path.join(dir, "report.txt"),
  };
  return { dir, pidFile, options };
}

test("neo4j-admin stops when the process that started it crashes", { timeout: 60_000 }, async () => {
  const { dir, pidFile, options } = standIn("cg-admin-orphan-");
  const script = `
    const { runAdminImport } = require(${JSON.stringify(ADMIN_IMPORT)});
    runAdminImport(${JSON.stringify(options)}).catch(() => undefined);
    const waitForPid = setInterval(() => {
      if (require("fs").existsSync(${JSON.stringify(pidFile)})) { clearInterval(waitForPid); throw new Error("crash"); }
    }, 20);`;
  let pid = 0;
  try {
    const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    assert.notEqual(code, 0, "the parent crashed");
    assert.match(stderr, /crash/);
    assert.ok(existsSync(pidFile), "the stand-in for neo4j-admin ran");
    pid = Number(readFileSync(pidFile, "utf8").trim());
    assert.equal(await waitForExit(pid, 5_000), true, `neo4j-admin (pid ${pid}) outlived the process that started it`);
  } finally {
    if (isProcessAlive(pid)) process.kill(pid, "SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
});

test("neo4j-admin stops when the process that started it is killed outright (SIGKILL runs no exit hook)", { timeout: 60_000 }, async () => {
  const { dir, pidFile, options } = standIn("cg-admin-killed-");
  const script = `require(${JSON.stringify(ADMIN_IMPORT)}).runAdminImport(${JSON.stringify(options)}).catch(() => undefined);`;
  let pid = 0;
  const parent = spawn(process.execPath, ["-e", script], { stdio: "ignore" });
  try {
    const started = Date.now();
    while (!existsSync(pidFile) || readFileSync(pidFile, "utf8").trim() === "") {
      assert.ok(Date.now() - started < 20_000, "the stand-in for neo4j-admin never started");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    pid = Number(readFileSync(pidFile, "utf8").trim());
    await new Promise((resolve) => setTimeout(resolve, 300)); // the watchdog is up (it starts right after neo4j-admin)
    parent.kill("SIGKILL");
    await new Promise((resolve) => parent.on("exit", resolve));
    assert.equal(await waitForExit(pid, 5_000), true, `neo4j-admin (pid ${pid}) outlived the process that started it`);
  } finally {
    if (parent.exitCode === null && parent.signalCode === null) parent.kill("SIGKILL");
    if (isProcessAlive(pid)) process.kill(pid, "SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
});
