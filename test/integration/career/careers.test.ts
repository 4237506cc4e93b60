import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { after, before, describe, it } from "node:test";
import { importFiles } from "../../../import/import-runner";
import type { Database } from "../../../src/db/database";
import { fromRoot } from "../../../src/util/project-root";
import { createTestApi, errorCodes, type TestApi } from "../../support/graphql";
import { clearGraph, testDatabase } from "../../support/neo4j";

/*
 * Timelines and collaborations against an independent count: the sample CSL file parsed here, in the test (never
 * through the graph), with its own identity rules written out again (name key, DOI-or-title|year paper key).
 */
const SLICE = fromRoot("import", "samples", "ml-anthology-slice.csl.jsonl.gz");

interface RawPaper {
  key: string;
  year: number | null;
  venue: string | null;
  /** Author ids ("name:<key>") in byline order, each once. */
  byline: string[];
}

const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();

/**
 * Papers by the README's identity rule: the DOI when there is one, else the normalised title|year; a DOI-less record
 * whose title|year matches a DOI record joins it (the smallest DOI when several match).
 */
function rawPapers(): RawPaper[] {
  const records = gunzipSync(readFileSync(SLICE))
    .toString("utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => {
      const r = JSON.parse(line) as {
        title: string;
        DOI?: string;
        issued?: { "date-parts"?: number[][] };
        "container-title-short"?: string;
        author: Array<{ given?: string; family?: string }>;
      };
      const year = r.issued?.["date-parts"]?.[0]?.[0] ?? null;
      const titleKey = `${fold(r.title)
        .replace(/[^a-z0-9]+/g, " ")
        .trim()}|${year ?? ""}`;
      const byline = [...new Set(r.author.map((a) => `name:${fold(`${a.given ?? ""} ${a.family ?? ""}`)}`))];
      return { doi: r.DOI?.toLowerCase() ?? null, titleKey, year, venue: r["container-title-short"] ?? null, byline };
    });
  const doiOfTitle = new Map<string, string>();
  for (const r of records)
    if (r.doi && (!doiOfTitle.has(r.titleKey) || r.doi < doiOfTitle.get(r.titleKey)!)) doiOfTitle.set(r.titleKey, r.doi);
  const byKey = new Map<string, RawPaper>();
  for (const r of records) {
    const key = r.doi ?? doiOfTitle.get(r.titleKey) ?? r.titleKey;
    const known = byKey.get(key);
    if (known) known.byline = [...new Set([...known.byline, ...r.byline.filter((a) => !known.byline.includes(a))])];
    else byKey.set(key, { key, year: r.year, venue: r.venue, byline: r.byline });
  }
  return [...byKey.values()];
}

/** The expected timeline rows of one author, counted from the raw papers. */
function expectedTimeline(papers: RawPaper[], id: string, largeTeam: number) {
  const mine = papers.filter((p) => p.byline.includes(id) && p.year !== null).sort((a, b) => a.year! - b.year!);
  const years = mine.map((p) => p.year!);
  const rows = [];
  const before = new Set<string>();
  for (let year = Math.min(...years); year <= Math.max(...years); year++) {
    const list = mine.filter((p) => p.year === year);
    const co = new Set(list.flatMap((p) => p.byline.filter((x) => x !== id)));
    const fresh = [...co].filter((c) => !before.has(c)).length;
    const sizes = list.map((p) => p.byline.length).sort((a, b) => a - b);
    const med =
      sizes.length === 0
        ? null
        : sizes.length % 2
          ? sizes[(sizes.length - 1) / 2]
          : (sizes[sizes.length / 2 - 1] + sizes[sizes.length / 2]) / 2;
    rows.push({
      year,
      time: `${year}-01-01T00:00:00.000Z`,
      papers: list.length,
      coauthors: co.size,
      newCoauthors: fresh,
      repeatCoauthors: co.size - fresh,
      meanTeamSize: sizes.length ? sizes.reduce((s, n) => s + n, 0) / sizes.length : null,
      medianTeamSize: med,
      soloPapers: list.filter((p) => p.byline.length === 1).length,
      firstAuthorPapers: list.filter((p) => p.byline[0] === id).length,
      lastAuthorPapers: list.filter((p) => p.byline.length > 1 && p.byline[p.byline.length - 1] === id).length,
      largeTeamPapers: list.filter((p) => p.byline.length > largeTeam).length,
      largeTeamShare: list.length ? list.filter((p) => p.byline.length > largeTeam).length / list.length : null,
    });
    co.forEach((c) => before.add(c));
  }
  return rows;
}

const TIMELINE = `query($id: ID!, $t: Int) { author(id: $id) { timeline(largeTeamThreshold: $t) {
  rows { year time papers coauthors newCoauthors repeatCoauthors meanTeamSize medianTeamSize soloPapers
         firstAuthorPapers lastAuthorPapers largeTeamPapers largeTeamShare }
  undatedPapers snapshotId explain { method snapshotId parameters } } } stats { snapshotId } }`;

const COLLABORATION = `query($a: ID!, $b: ID!) { collaboration(authorId: $a, coauthorId: $b) {
  jointPapers firstYear lastYear authorShare coauthorShare tieClass
  years { year time jointPapers cumulativeJointPapers }
  weights { strength weight } papers { paper { id year } authorPosition coauthorPosition authorCount }
  authorView { tieClass coauthors meanTieStrength superThreshold } coauthorView { tieClass coauthors meanTieStrength superThreshold }
  explain { method snapshotId } snapshotId } }`;

const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);

/** FULL, NEWMAN and FRACTIONAL weights of a pair as its joint papers' bylines give them (the raw records). */
function assertCountedWeights(weights: Array<{ strength: string; weight: number }>, joint: RawPaper[], label: string): void {
  const weight = (s: string) => weights.find((w) => w.strength === s)!.weight;
  assert.ok(close(weight("FULL"), joint.length), `${label}: FULL`);
  assert.ok(
    close(
      weight("NEWMAN"),
      joint.reduce((t, p) => t + 1 / (p.byline.length - 1), 0),
    ),
    `${label}: NEWMAN`,
  );
  assert.ok(
    close(
      weight("FRACTIONAL"),
      joint.reduce((t, p) => t + 1 / p.byline.length, 0),
    ),
    `${label}: FRACTIONAL`,
  );
}

describe("careers on the ML sample slice, against the raw records", () => {
  let db: Database;
  let api: TestApi;
  const papers = rawPapers();
  const counts = new Map<string, number>();
  for (const p of papers) for (const a of p.byline) counts.set(a, (counts.get(a) ?? 0) + 1);
  const authors = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));

  before(async () => {
    db = await testDatabase();
    await clearGraph(db);
    await importFiles(db, [SLICE]);
    api = await createTestApi(db);
  });
  after(async () => {
    await api?.stop();
    await db?.close();
  });

  it("timeline rows equal the raw count for the 12 most prolific authors and 12 others, at two thresholds", async () => {
    const chosen = [...authors.slice(0, 12), ...authors.filter((_, i) => i % 97 === 5).slice(0, 12)].map(([id]) => id);
    for (const id of chosen)
      for (const t of [3, 10]) {
        const data = await api.data(TIMELINE, { id, t });
        const got = data.author.timeline;
        const want = expectedTimeline(papers, id, t);
        assert.equal(got.rows.length, want.length, id);
        got.rows.forEach((row: Record<string, number | string | null>, i: number) => {
          for (const [k, v] of Object.entries(want[i]))
            assert.ok(
              typeof v === "string" ? row[k] === v : close(row[k] as number | null, v),
              `${id} ${want[i].year} ${k}: ${row[k]} vs ${v}`,
            );
          assert.equal(new Date(row.time as string).getUTCFullYear(), row.year);
        });
        assert.equal(got.snapshotId, data.stats.snapshotId);
        assert.equal(got.explain.snapshotId, data.stats.snapshotId);
        assert.equal(got.explain.parameters.largeTeamThreshold, t);
      }
  });

  it("collaboration of the 10 pairs with the most joint papers equals the raw count", async () => {
    const pairs = new Map<string, RawPaper[]>();
    for (const p of papers)
      for (const a of p.byline)
        for (const b of p.byline) if (a < b) pairs.set(`${a}\u0000${b}`, [...(pairs.get(`${a}\u0000${b}`) ?? []), p]);
    const top = [...pairs.entries()].sort((x, y) => y[1].length - x[1].length || (x[0] < y[0] ? -1 : 1)).slice(0, 10);
    for (const [key, joint] of top) {
      const [a, b] = key.split("\u0000");
      const got = (await api.data(COLLABORATION, { a, b })).collaboration;
      assert.equal(got.jointPapers, joint.length);
      const years = joint.map((p) => p.year!).filter((y) => y !== null);
      assert.equal(got.firstYear, Math.min(...years));
      assert.equal(got.lastYear, Math.max(...years));
      assert.ok(close(got.authorShare, joint.length / counts.get(a)!));
      assert.ok(close(got.coauthorShare, joint.length / counts.get(b)!));
      for (const row of got.years) assert.equal(row.jointPapers, joint.filter((p) => p.year === row.year).length);
      assert.equal(got.years.at(-1).cumulativeJointPapers, years.length);
      assertCountedWeights(got.weights, joint, key);
      assert.ok(got.weights.find((w: { strength: string }) => w.strength === "ASSOCIATION_STRENGTH").weight > 0);
      for (const jp of got.papers) {
        const raw = joint.find((p) => p.key === jp.paper.id);
        assert.ok(raw, `${key}: joint paper ${jp.paper.id} is in the raw records`);
        assert.equal(raw.year, jp.paper.year);
        assert.equal(raw.byline.length, jp.authorCount);
        assert.equal(raw.byline.indexOf(a) + 1, jp.authorPosition);
        assert.equal(raw.byline.indexOf(b) + 1, jp.coauthorPosition);
      }
      // Petersen's class from the raw counts: mean joint papers per coauthor and ln(coauthors).
      for (const [id, view] of [
        [a, got.authorView],
        [b, got.coauthorView],
      ] as const) {
        const ties = new Map<string, number>();
        for (const p of papers) if (p.byline.includes(id)) for (const x of p.byline) if (x !== id) ties.set(x, (ties.get(x) ?? 0) + 1);
        const meanK = [...ties.values()].reduce((s, k) => s + k, 0) / ties.size;
        assert.equal(view.coauthors, ties.size);
        assert.ok(close(view.meanTieStrength, meanK));
        const superT = meanK * Math.log(ties.size);
        const cls = joint.length >= 2 && ties.size >= 3 && joint.length >= superT ? "SUPER" : joint.length > meanK ? "STRONG" : "WEAK";
        assert.equal(view.tieClass, cls);
      }
      assert.equal(got.explain[0].snapshotId, got.snapshotId);
    }
  });

  it("collaboration under a byline cap leaves longer papers out everywhere, as the coauthors field's tie does", async () => {
    const CAPPED = `query($a: ID!, $b: ID!, $cap: Int) { collaboration(authorId: $a, coauthorId: $b, maxAuthorsPerPaper: $cap) {
      jointPapers authorShare coauthorShare weights { strength weight } papers { paper { id } authorCount }
      tieClass authorView { tieClass coauthors meanTieStrength } explain { method parameters } } }`;
    const TIES = `query($a: ID!, $cap: Int) { author(id: $a) { coauthors(first: 100, strength: ASSOCIATION_STRENGTH, maxAuthorsPerPaper: $cap) {
      edges { jointPapers strength node { id } } } } }`;
    const pairs = new Map<string, RawPaper[]>();
    for (const p of papers)
      for (const a of p.byline)
        for (const b of p.byline) if (a < b) pairs.set(`${a}\u0000${b}`, [...(pairs.get(`${a}\u0000${b}`) ?? []), p]);
    // Pairs with joint papers on both sides of the cap, so that it changes something.
    const cap = 6;
    const mixed = [...pairs.entries()]
      .filter(([, joint]) => joint.some((p) => p.byline.length <= cap) && joint.some((p) => p.byline.length > cap))
      .sort((x, y) => y[1].length - x[1].length || (x[0] < y[0] ? -1 : 1))
      .slice(0, 6);
    assert.ok(mixed.length >= 3, `${mixed.length} pairs with joint papers on both sides of a cap of ${cap}`);
    const papersUnderCap = (id: string) => papers.filter((p) => p.byline.includes(id) && p.byline.length <= cap).length;
    for (const [key, joint] of mixed) {
      const [a, b] = key.split("\u0000");
      const kept = joint.filter((p) => p.byline.length <= cap);
      const got = (await api.data(CAPPED, { a, b, cap })).collaboration;
      assert.equal(got.jointPapers, kept.length, key);
      assert.deepEqual(got.papers.map((p: { paper: { id: string } }) => p.paper.id).sort(), kept.map((p) => p.key).sort());
      assert.ok(close(got.authorShare, kept.length / papersUnderCap(a)), `${key}: authorShare`);
      assert.ok(close(got.coauthorShare, kept.length / papersUnderCap(b)), `${key}: coauthorShare`);
      assertCountedWeights(got.weights, kept, key);
      const weight = (s: string) => got.weights.find((w: { strength: string }) => w.strength === s).weight as number;
      const tie = (await api.data(TIES, { a, cap })).author.coauthors.edges.find((e: { node: { id: string } }) => e.node.id === b);
      assert.ok(tie, `${key}: the coauthors field has the tie under the cap`);
      assert.equal(tie.jointPapers, kept.length);
      assert.ok(Math.abs(tie.strength - weight("ASSOCIATION_STRENGTH")) <= 1e-9 * tie.strength, `${key}: association strength`);
      assert.ok(got.explain.every((e: { parameters: { maxAuthorsPerPaper: number } }) => e.parameters.maxAuthorsPerPaper === cap));
      // The tie class reads whole careers: the same with and without the cap.
      const uncapped = (await api.data(CAPPED, { a, b, cap: null })).collaboration;
      assert.deepEqual([got.tieClass, got.authorView], [uncapped.tieClass, uncapped.authorView], `${key}: tie class`);
    }
  });

  it("refuses a pair of one author, an unknown author and a bad threshold", async () => {
    const [[id]] = authors;
    assert.deepEqual(errorCodes(await api.run(COLLABORATION, { a: id, b: id })), ["BAD_USER_INPUT"]);
    assert.deepEqual(errorCodes(await api.run(COLLABORATION, { a: id, b: "name:nobody at all" })), ["NOT_FOUND"]);
    assert.deepEqual(errorCodes(await api.run(TIMELINE, { id, t: 0 })), ["BAD_USER_INPUT"]);
  });
});

const NAMESAKES = fromRoot("test", "fixtures", "careers", "namesakes.csl.jsonl");

describe("namesake flags on a crafted fixture", () => {
  let db: Database;
  let api: TestApi;
  before(async () => {
    db = await testDatabase();
    await clearGraph(db);
    await importFiles(db, [NAMESAKES]);
    api = await createTestApi(db);
  });
  after(async () => {
    await api?.stop();
    await db?.close();
  });

  const HOMONYM = `query($id: ID!, $tie: Int) { author(id: $id) { possibleHomonym(minGroupPapers: 3, minTiePapers: $tie) { flagged score soloPapers
    groups { size paperCount firstYear lastYear years venues { venue { id } papers } topCoauthors(first: 2) { author { id } jointPapers } papers { id } }
    differingGroups { a b disjointVenues disjointYears } explain { method snapshotId } snapshotId } } }`;
  const SAME_AS = `query($id: ID!) { author(id: $id) { possibleSameAs(minSharedCoauthors: 2) { candidates { author { id } sharedCoauthorCount overlap score
    sharedCoauthors { id } evidence { of { id } paper { id } via { id } } } ruledOut { author { id } reason sharedCoauthorCount } explain { method } } } }`;

  it("flags Kim Lee, whose two coauthor groups never meet and differ in years and venues", async () => {
    const check = (await api.data(HOMONYM, { id: "name:kim lee" })).author.possibleHomonym;
    assert.equal(check.flagged, true);
    assert.equal(check.groups.length, 2);
    assert.deepEqual(
      check.groups.map((g: { paperCount: number; firstYear: number; lastYear: number }) => [g.paperCount, g.firstYear, g.lastYear]),
      [
        [3, 2008, 2010],
        [3, 2019, 2021],
      ],
    );
    assert.deepEqual(check.differingGroups, [{ a: 0, b: 1, disjointVenues: true, disjointYears: true }]);
    assert.equal(check.score, 3);
    assert.equal(check.explain.snapshotId, check.snapshotId);
  });

  it("does not flag Sam Roy with minTiePapers 1, whose two groups meet on a paper without him", async () => {
    const check = (await api.data(HOMONYM, { id: "name:sam roy", tie: 1 })).author.possibleHomonym;
    assert.equal(check.flagged, false);
    assert.equal(check.groups.length, 1);
  });

  it("flags Sam Roy by default (minTiePapers 3): one paper of two coauthors without him does not join their groups", async () => {
    const check = (await api.data(HOMONYM, { id: "name:sam roy" })).author.possibleHomonym;
    assert.equal(check.flagged, true);
    assert.equal(check.groups.length, 2);
    assert.deepEqual(check.differingGroups, [{ a: 0, b: 1, disjointVenues: true, disjointYears: false }]);
    const two = (await api.data(HOMONYM, { id: "name:sam roy", tie: 2 })).author.possibleHomonym;
    assert.equal(two.flagged, true, "one joint paper is below 2 as well");
  });

  it("finds Aaron Courville for Aaron C. Courville, with the shared coauthors and papers as evidence", async () => {
    const check = (await api.data(SAME_AS, { id: "name:aaron c. courville" })).author.possibleSameAs;
    assert.deepEqual(
      check.candidates.map((c: { author: { id: string } }) => c.author.id),
      ["name:aaron courville"],
    );
    const [c] = check.candidates;
    assert.deepEqual(c.sharedCoauthors.map((a: { id: string }) => a.id).sort(), ["name:ian goodfellow", "name:yoshua bengio"]);
    assert.equal(c.evidence.length, 4);
  });

  it("finds J. Nunez for José Núñez (diacritics folded, an initial for the given name)", async () => {
    const check = (await api.data(SAME_AS, { id: "name:jose nunez" })).author.possibleSameAs;
    assert.deepEqual(
      check.candidates.map((c: { author: { id: string } }) => c.author.id),
      ["name:j. nunez"],
    );
    // And the other way round: the search folds Núñez as it folds Nunez, so the check reads alike from either side.
    const back = (await api.data(SAME_AS, { id: "name:j. nunez" })).author.possibleSameAs;
    assert.deepEqual(
      back.candidates.map((c: { author: { id: string } }) => c.author.id),
      ["name:jose nunez"],
    );
  });

  it("rules out W. Zhang for Wei Zhang (a joint paper) and never pairs Yu Chen with Yang Chen", async () => {
    const wz = (await api.data(SAME_AS, { id: "name:wei zhang" })).author.possibleSameAs;
    assert.deepEqual(wz.candidates, []);
    assert.deepEqual(wz.ruledOut, [{ author: { id: "name:w. zhang" }, reason: "a joint paper", sharedCoauthorCount: 2 }]);
    const yc = (await api.data(SAME_AS, { id: "name:yu chen" })).author.possibleSameAs;
    assert.deepEqual(yc.candidates, []);
    assert.deepEqual(yc.ruledOut, []);
  });

  it("builds at most two thresholds' listings at once, from one read of the graph, however many a query asks for", async () => {
    // Six thresholds under aliases in one query: two build (sharing one copy of the graph), the others are refused,
    // retryably (the field is non-null, so the first refusal is the query's one error).
    const alias = (g: number) => `g${g}: namesakeCandidates(kind: HOMONYM, first: 1, minGroupPapers: ${g}) { totalCount }`;
    const ask = (groups: number[]) => api.run(`{ ${groups.map(alias).join(" ")} }`);
    const lines: string[] = [];
    const write = console.error;
    console.error = (...args: unknown[]) => void lines.push(args.join(" "));
    let six: Awaited<ReturnType<typeof ask>>;
    const alone: string[][] = [];
    try {
      six = await ask([4, 5, 6, 7, 8, 9]);
      // The two builds outlive the query; asking for them waits for them.
      for (const g of [4, 5]) alone.push(errorCodes(await ask([g])));
    } finally {
      console.error = write;
    }
    assert.deepEqual(errorCodes(six), ["LIMIT_EXCEEDED"], JSON.stringify(six));
    assert.match(six.errors![0].message, /building namesake listings for 2 other thresholds .* builds at most 2 at once/);
    assert.equal(six.errors![0].extensions?.retryable, true);
    assert.deepEqual(alone, [[], []]);
    assert.equal(lines.filter((l) => /namesakes: reading authors: \d+ authors in/.test(l)).length, 1, lines.join("\n"));
    // Two at a time, the others build too; each listing has its threshold's count.
    const pair = await ask([6, 7]);
    assert.equal(errorCodes(pair).length, 0, JSON.stringify(pair));
    const counts = { ...(await ask([4, 5])).data, ...pair.data } as Record<string, { totalCount: number }>;
    assert.ok(counts.g4.totalCount >= counts.g5.totalCount && counts.g5.totalCount >= counts.g6.totalCount, JSON.stringify(counts));
    assert.ok(counts.g6.totalCount >= counts.g7.totalCount, JSON.stringify(counts));
  });

  it("lists the strongest candidates of each kind over the whole graph, paged", async () => {
    const LIST = `query($kind: NamesakeKind!, $after: String) { namesakeCandidates(kind: $kind, first: 1, after: $after, minGroupPapers: 3, minTiePapers: 1, minSharedCoauthors: 2) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { kind score authors { id } summary } } explain { method snapshotId } snapshotId } }`;
    const homonyms = (await api.data(LIST, { kind: "HOMONYM" })).namesakeCandidates;
    assert.equal(homonyms.totalCount, 1);
    assert.deepEqual(homonyms.edges[0].node.authors, [{ id: "name:kim lee" }]);
    const first = (await api.data(LIST, { kind: "SAME_AS" })).namesakeCandidates;
    assert.equal(first.totalCount, 2);
    assert.equal(first.pageInfo.hasNextPage, true);
    const second = (await api.data(LIST, { kind: "SAME_AS", after: first.pageInfo.endCursor })).namesakeCandidates;
    assert.equal(second.pageInfo.hasNextPage, false);
    const pairs = [...first.edges, ...second.edges].map((e: { node: { authors: Array<{ id: string }> } }) =>
      e.node.authors.map((a) => a.id),
    );
    assert.deepEqual(pairs, [
      ["name:aaron c. courville", "name:aaron courville"],
      ["name:j. nunez", "name:jose nunez"],
    ]);
  });
  it("lists exactly the authors and pairs the per-author flags flag, at each minTiePapers", async () => {
    const ids = (await db.read("MATCH (a:Author) RETURN a.id AS id ORDER BY id")).map((r) => r.get("id") as string);
    const PER_AUTHOR = `query($id: ID!, $tie: Int) { author(id: $id) { possibleHomonym(minGroupPapers: 3, minTiePapers: $tie) { flagged score }
      possibleSameAs(minSharedCoauthors: 2) { candidates { author { id } score } } } }`;
    const ALL = `query($kind: NamesakeKind!, $tie: Int, $after: String) { namesakeCandidates(kind: $kind, first: 100, after: $after, minGroupPapers: 3, minTiePapers: $tie, minSharedCoauthors: 2) {
      totalCount edges { node { score authors { id } } } explain { parameters notes } snapshotId } }`;
    for (const tie of [1, 2, 3]) {
      const homonyms = new Map<string, number>();
      const pairs = new Map<string, number>();
      for (const id of ids) {
        const author = (await api.data(PER_AUTHOR, { id, tie })).author;
        if (author.possibleHomonym.flagged) homonyms.set(id, author.possibleHomonym.score);
        for (const c of author.possibleSameAs.candidates) pairs.set([id, c.author.id].sort().join(" ~ "), c.score);
      }
      const listed = (await api.data(ALL, { kind: "HOMONYM", tie })).namesakeCandidates;
      assert.deepEqual(
        new Map(listed.edges.map((e: { node: { score: number; authors: Array<{ id: string }> } }) => [e.node.authors[0].id, e.node.score])),
        homonyms,
        `HOMONYM at minTiePapers ${tie}`,
      );
      const sameAs = (await api.data(ALL, { kind: "SAME_AS", tie })).namesakeCandidates;
      assert.deepEqual(
        new Map(
          sameAs.edges.map((e: { node: { score: number; authors: Array<{ id: string }> } }) => [
            e.node.authors.map((a) => a.id).join(" ~ "),
            e.node.score,
          ]),
        ),
        pairs,
      );
      assert.match(listed.explain.notes.join(" "), /computed in this API process/);
      assert.equal(listed.explain.parameters.minTiePapers, tie);
      assert.equal(listed.snapshotId, sameAs.snapshotId);
    }
  });
});
