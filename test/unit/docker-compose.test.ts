import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { fromRoot } from "../../src/util/project-root";

// This machine has no Docker engine, so the compose file and Dockerfile are checked by parsing.

type Service = {
  image?: string;
  build?: unknown;
  environment?: Record<string, string> | string[];
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test?: string[] | string; interval?: string; retries?: number };
  depends_on?: Record<string, { condition?: string }> | string[];
  command?: string[] | string;
};

function loadCompose(): { services: Record<string, Service>; volumes?: Record<string, unknown> } {
  return parse(readFileSync(fromRoot("docker-compose.yml"), "utf8"));
}

function envOf(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (!Array.isArray(env)) return env;
  return Object.fromEntries(env.map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]));
}

function asArgv(value: string[] | string | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : value.split(/\s+/);
}

/** `node dist/x/y.js ...` must point at a compiled source file of this repo; `npm run s` at a script. */
function assertRunnable(argv: string[], where: string): void {
  const pkg = JSON.parse(readFileSync(fromRoot("package.json"), "utf8")) as { scripts: Record<string, string> };
  if (argv[0] === "npm") {
    const script = argv[1] === "run" ? argv[2] : argv[1];
    assert.ok(pkg.scripts[script], `${where}: npm script "${script}" is not in package.json`);
    return;
  }
  assert.equal(argv[0], "node", `${where}: expected node or npm, got ${argv.join(" ")}`);
  const target = argv[1];
  assert.match(target, /^dist\/.+\.js$/, `${where}: ${target} should be a file tsc emits into dist/`);
  const source = target.replace(/^dist\//, "").replace(/\.js$/, ".ts");
  assert.ok(existsSync(fromRoot(source)), `${where}: ${target} is built from ${source}, which does not exist`);
  // The container must start the same way `npm start` does on a workstation.
  assert.equal(argv.slice(0, 3).join(" "), pkg.scripts.start, `${where}: differs from the npm start script`);
}

describe("docker-compose.yml", () => {
  it("runs Neo4j 5.26 community with auth, a data volume and a healthcheck", () => {
    const { services, volumes } = loadCompose();
    const neo4j = services.neo4j;
    assert.ok(neo4j, "service neo4j is missing");
    assert.equal(neo4j.image, "neo4j:5.26-community");
    assert.match(envOf(neo4j).NEO4J_AUTH ?? "", /^neo4j\/.+/);
    const test = asArgv(neo4j.healthcheck?.test).join(" ");
    assert.match(test, /^CMD(-SHELL)? /);
    assert.match(test, /cypher-shell|wget|curl/);
    assert.match(test, /RETURN 1|7474/);
    assert.ok((neo4j.healthcheck?.retries ?? 0) > 0);
    const dataVolume = (neo4j.volumes ?? []).find((v) => v.endsWith(":/data"));
    assert.ok(dataVolume, "Neo4j /data should be a volume");
    const named = dataVolume.split(":")[0];
    if (!named.startsWith(".") && !named.startsWith("/")) assert.ok(volumes && named in volumes, `volume ${named} is not declared`);
  });

  it("builds the API from the Dockerfile and starts it only when Neo4j is healthy", () => {
    const api = loadCompose().services.api;
    assert.ok(api, "service api is missing");
    assert.ok(api.build, "api should be built from the Dockerfile");
    assert.ok(!Array.isArray(api.depends_on), "depends_on needs the long form to carry a condition");
    assert.equal(api.depends_on?.neo4j?.condition, "service_healthy");
  });

  it("points the API at the neo4j service and publishes port 4000", () => {
    const api = loadCompose().services.api;
    const env = envOf(api);
    assert.equal(env.NEO4J_URI, "bolt://neo4j:7687");
    assert.ok(env.NEO4J_PASSWORD, "NEO4J_PASSWORD must be passed to the API");
    assert.equal(String(env.PORT), "4000");
    assert.ok(
      (api.ports ?? []).some((p) => String(p).endsWith(":4000")),
      "port 4000 is not published",
    );
    const neo4jPassword = envOf(loadCompose().services.neo4j).NEO4J_AUTH.split("/")[1];
    assert.equal(env.NEO4J_PASSWORD, neo4jPassword, "the API and Neo4j must agree on the password");
  });

  it("makes import/ available to the importer and runs `start`", () => {
    const api = loadCompose().services.api;
    assert.ok(
      (api.volumes ?? []).some((v) => v.startsWith("./import:")),
      "./import should be mounted",
    );
    const argv = asArgv(api.command);
    assertRunnable(argv, "compose api.command");
    assert.equal(argv[argv.length - 1], "start");
  });
});

describe("Dockerfile", () => {
  const dockerfile = readFileSync(fromRoot("Dockerfile"), "utf8");
  const instructions = dockerfile
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));

  it("builds on node:20-slim with npm ci and npm run build", () => {
    const froms = instructions.filter((line) => /^FROM /i.test(line));
    assert.ok(froms.length > 0);
    for (const from of froms) assert.match(from, /^FROM node:20-slim\b/i);
    assert.ok(instructions.some((line) => /^RUN .*npm ci\b/.test(line)));
    assert.ok(instructions.some((line) => /^RUN .*npm run build\b/.test(line)));
  });

  it("runs as a non-root user", () => {
    const users = instructions.filter((line) => /^USER /i.test(line));
    assert.ok(users.length > 0, "no USER instruction");
    assert.doesNotMatch(users[users.length - 1], /^USER (root|0)\b/i);
  });

  it("has a CMD whose target exists", () => {
    const cmd = instructions.filter((line) => /^(CMD|ENTRYPOINT) /i.test(line)).pop();
    assert.ok(cmd, "no CMD or ENTRYPOINT");
    const body = cmd.replace(/^(CMD|ENTRYPOINT)\s+/i, "");
    const argv = body.startsWith("[") ? (JSON.parse(body) as string[]) : body.split(/\s+/);
    assertRunnable(argv, "Dockerfile CMD");
  });

  it("keeps host builds and node_modules out of the build context", () => {
    const ignored = readFileSync(fromRoot(".dockerignore"), "utf8")
      .split("\n")
      .map((l) => l.trim());
    for (const entry of ["node_modules", "dist", ".git"]) assert.ok(ignored.includes(entry), `.dockerignore lacks ${entry}`);
  });
});
