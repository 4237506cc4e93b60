import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { Driver } from "neo4j-driver";

/**
 * The floor for import throughput: the same graph loaded by Neo4j's own bulk importer (`neo4j-admin database
 * import full`, org.neo4j.cli.AdminTool from the jars the local Neo4j already runs on) into an empty store.
 * The CSVs are dumped from the graph the online import built, so both paths load exactly the same nodes,
 * relationships and properties; the dump itself is not timed (a --bulk importer would write them while parsing).
 */
const ARRAY_DELIMITER = "\u241F"; // a symbol no bibliographic field holds, unlike ";"

interface Dump {
  file: string;
  header: string;
  cypher: string;
  columns: string[];
}

const DUMPS: Dump[] = [
  {
    file: "authors.csv",
    header: "id:ID(Author),name,nameKey,aliases:string[],orcid,paperCount:int,firstYear:int,lastYear:int,keyed:boolean,numbered:boolean",
    cypher: "MATCH (a:Author) RETURN a.id, a.name, a.nameKey, a.aliases, a.orcid, a.paperCount, a.firstYear, a.lastYear, a.keyed, a.numbered",
    columns: ["a.id", "a.name", "a.nameKey", "a.aliases", "a.orcid", "a.paperCount", "a.firstYear", "a.lastYear", "a.keyed", "a.numbered"],
  },
  {
    file: "papers.csv",
    header: "id:ID(Paper),title,titleKey,year:int,doi,url,abstract,pages,sourceKeys:string[]",
    cypher: "MATCH (p:Paper) RETURN p.id, p.title, p.titleKey, p.year, p.doi, p.url, p.abstract, p.pages, p.sourceKeys",
    columns: ["p.id", "p.title", "p.titleKey", "p.year", "p.doi", "p.url", "p.abstract", "p.pages", "p.sourceKeys"],
  },
  {
    file: "venues.csv",
    header: "id:ID(Venue),name,acronym,kind",
    cypher: "MATCH (v:Venue) RETURN v.id, v.name, v.acronym, v.kind",
    columns: ["v.id", "v.name", "v.acronym", "v.kind"],
  },
  {
    file: "authored.csv",
    header: ":START_ID(Author),:END_ID(Paper),position:int,keyed:boolean,named:boolean",
    cypher: "MATCH (a:Author)-[r:AUTHORED]->(p:Paper) RETURN a.id, p.id, r.position, r.keyed, r.named",
    columns: ["a.id", "p.id", "r.position", "r.keyed", "r.named"],
  },
  {
    file: "published_in.csv",
    header: ":START_ID(Paper),:END_ID(Venue)",
    cypher: "MATCH (p:Paper)-[:PUBLISHED_IN]->(v:Venue) RETURN p.id, v.id",
    columns: ["p.id", "v.id"],
  },
  {
    file: "coauthored_with.csv",
    header: ":START_ID(Author),:END_ID(Author),papers:int,firstYear:int,lastYear:int",
    cypher: "MATCH (a:Author)-[r:COAUTHORED_WITH]->(b:Author) RETURN a.id, b.id, r.papers, r.firstYear, r.lastYear",
    columns: ["a.id", "b.id", "r.papers", "r.firstYear", "r.lastYear"],
  },
];

function csvValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return csvValue(value.join(ARRAY_DELIMITER));
  if (typeof value === "string") return `"${value.replace(/"/g, '""')}"`;
  return String(value);
}

/** Streams each dump query into a CSV file (header line first), with the driver's flow control. */
export async function dumpGraphCsv(driver: Driver, dir: string): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const dump of DUMPS) {
    const out = createWriteStream(path.join(dir, dump.file));
    out.write(`${dump.header}\n`);
    const session = driver.session({ database: "neo4j", fetchSize: 5000 });
    try {
      for await (const record of session.run(dump.cypher)) {
        const line = dump.columns.map((c) => csvValue(record.get(c))).join(",");
        if (!out.write(`${line}\n`)) await once(out, "drain");
      }
    } finally {
      await session.close();
      out.end();
      await once(out, "close");
    }
  }
}

/** Runs neo4j-admin's full import of the dumped CSVs into `neo4jHome`; returns its wall seconds. */
export async function adminImport(opts: { jarDir: string; java: string; neo4jHome: string; csvDir: string; log: (l: string) => void }): Promise<number> {
  const csv = (f: string) => path.join(opts.csvDir, f);
  mkdirSync(path.join(opts.neo4jHome, "conf"), { recursive: true });
  const args = [
    "-cp",
    `${opts.jarDir}/*`,
    "org.neo4j.cli.AdminTool",
    "database",
    "import",
    "full",
    "neo4j",
    "--overwrite-destination=true",
    "--multiline-fields=true",
    `--array-delimiter=U+${ARRAY_DELIMITER.codePointAt(0)!.toString(16).toUpperCase()}`,
    `--nodes=Author=${csv("authors.csv")}`,
    `--nodes=Paper=${csv("papers.csv")}`,
    `--nodes=Venue=${csv("venues.csv")}`,
    `--relationships=AUTHORED=${csv("authored.csv")}`,
    `--relationships=PUBLISHED_IN=${csv("published_in.csv")}`,
    `--relationships=COAUTHORED_WITH=${csv("coauthored_with.csv")}`,
  ];
  const started = process.hrtime.bigint();
  const child = spawn(opts.java, args, {
    env: { ...process.env, NEO4J_HOME: opts.neo4jHome, NEO4J_CONF: path.join(opts.neo4jHome, "conf") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c) => (output += c));
  child.stderr.on("data", (c) => (output += c));
  const code: number = await new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (c) => resolve(c ?? 1));
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const summary = output.split("\n").filter((l) => /IMPORT DONE|Imported:|nodes|relationships|properties|Peak memory/.test(l));
  summary.forEach((l) => opts.log(`  neo4j-admin: ${l.trim()}`));
  if (code !== 0) throw new Error(`neo4j-admin database import exited with ${code}:\n${output.slice(-3000)}`);
  return seconds;
}
