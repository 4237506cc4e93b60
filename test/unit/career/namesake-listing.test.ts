import assert from "node:assert/strict";
import { test } from "node:test";
import { LimitExceededError } from "../../../src/errors";
import { awaitListing, type NamesakeListing } from "../../../src/career/namesake-listing";
import { listHomonyms, listSameAs } from "../../../src/career/namesake-candidates";
import { strongTies, type GraphIndex } from "../../../src/career/namesake-graph-index";
import { compatibleHolders, homonymVerdict, sameAsVerdict, type EgoPaper, type NameHolder } from "../../../src/career/namesakes";
import { seededRandom } from "../../../src/util/seeded-random";

/*
 * The whole-graph passes against the per-author rules applied the plain way (every author, every pair), on seeded
 * random graphs with few family names and given names, so that buckets, shared coauthors, joint papers, source keys
 * and groups of every kind occur.
 */

interface Paper {
  id: string;
  year: number | null;
  venue: string | null;
  byline: number[];
}

function randomGraph(seed: number): { authors: NameHolder[]; papers: Paper[] } {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const given = ["Wei", "W.", "Wen", "Yu", "Y.", "Ana", "A. B.", "Ana B.", "Jörg", "Joerg"];
  const family = ["Zhang", "Chen", "Lee", "Müller", "Mueller"];
  const authors: NameHolder[] = Array.from({ length: 45 }, (_, i) => ({
    id: random() < 0.1 ? `dblp:${i}` : `name:${i}`,
    name: `${pick(given)} ${pick(family)}`,
    aliases: random() < 0.1 ? [`${pick(given)} ${pick(family)}`] : [],
    orcid: random() < 0.05 ? `0000-${Math.floor(random() * 3)}` : null,
  }));
  // Two communities (authors 0-19 and 20-39), a few bridges, and authors 40-44 who write in both: the latter are
  // the namesakes whose coauthor groups split or meet depending on the bridges and minTiePapers.
  const papers: Paper[] = Array.from({ length: 160 }, (_, p) => {
    const community = random() < 0.5 ? 0 : 1;
    const size = 1 + Math.floor(random() * 4);
    const byline = new Set<number>();
    if (random() < 0.4) byline.add(40 + Math.floor(random() * 5));
    while (byline.size < size)
      byline.add(random() < 0.03 ? Math.floor(random() * authors.length) : community * 20 + Math.floor(random() * 20));
    return {
      id: `p${p}`,
      year: random() < 0.1 ? null : 2000 + community * 10 + Math.floor(random() * 8),
      venue: random() < 0.1 ? null : `v${community}${Math.floor(random() * 3)}`,
      byline: [...byline],
    };
  });
  return { authors, papers };
}

function index(authors: NameHolder[], papers: Paper[]): GraphIndex {
  const bylineStart = new Int32Array(papers.length + 1);
  papers.forEach((p, i) => (bylineStart[i + 1] = bylineStart[i] + p.byline.length));
  const bylineAuthors = Int32Array.from(papers.flatMap((p) => p.byline));
  const papersStart = new Int32Array(authors.length + 1);
  for (const a of bylineAuthors) papersStart[a + 1]++;
  for (let a = 0; a < authors.length; a++) papersStart[a + 1] += papersStart[a];
  const fill = papersStart.slice(0, authors.length);
  const authorPapers = new Int32Array(bylineAuthors.length);
  papers.forEach((p, i) => p.byline.forEach((a) => (authorPapers[fill[a]++] = i)));
  return {
    authors,
    paperIds: papers.map((p) => p.id),
    paperYear: Int32Array.from(papers.map((p) => p.year ?? -2147483648)),
    paperVenue: papers.map((p) => p.venue),
    bylineStart,
    bylineAuthors,
    papersStart,
    authorPapers,
  };
}

/** The per-author rule as the API applies it: the author's papers, and the coauthors on each paper without them. */
function plainHomonyms(authors: NameHolder[], papers: Paper[], minGroupPapers: number, minTiePapers: number): Map<string, number> {
  const out = new Map<string, number>();
  authors.forEach((author, i) => {
    const mine = papers.filter((p) => p.byline.includes(i));
    if (mine.length < 2 * minGroupPapers) return;
    const ego: EgoPaper[] = mine.map((p) => ({
      paperId: p.id,
      year: p.year,
      venueId: p.venue,
      coauthors: p.byline.filter((x) => x !== i).map((x) => authors[x].id),
    }));
    const coauthors = new Set(mine.flatMap((p) => p.byline.filter((x) => x !== i)));
    const ties = papers
      .filter((p) => !p.byline.includes(i))
      .map((p) => p.byline.filter((x) => coauthors.has(x)).map((x) => authors[x].id))
      .filter((inside) => inside.length > 1);
    const verdict = homonymVerdict(ego, ties, minGroupPapers, minTiePapers);
    if (verdict.flagged) out.set(author.id, verdict.score);
  });
  return out;
}

function plainSameAs(authors: NameHolder[], papers: Paper[], minShared: number): Map<string, number> {
  const coauthors = authors.map(
    (_, i) => new Set(papers.filter((p) => p.byline.includes(i)).flatMap((p) => p.byline.filter((x) => x !== i).map((x) => authors[x].id))),
  );
  const out = new Map<string, number>();
  for (let a = 0; a < authors.length; a++)
    for (let b = a + 1; b < authors.length; b++) {
      if (!compatibleHolders(authors[a], authors[b])) continue;
      const verdict = sameAsVerdict({ ...authors[a], coauthors: coauthors[a] }, { ...authors[b], coauthors: coauthors[b] }, minShared);
      if (verdict.flagged) out.set([authors[a].id, authors[b].id].sort().join("\u0000"), verdict.score);
    }
  return out;
}

test("the whole-graph passes list exactly what the per-author rules flag (seeded random graphs)", async () => {
  let homonymsSeen = 0;
  let pairsSeen = 0;
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    const { authors, papers } = randomGraph(seed);
    const g = index(authors, papers);
    for (const [minGroupPapers, minTiePapers] of [
      [2, 1],
      [3, 1],
      [3, 2],
      [3, 3],
      [4, 2],
    ]) {
      const listed = new Map((await listHomonyms(g, minGroupPapers, minTiePapers)).map((c) => [c.key, c.score]));
      const plain = plainHomonyms(authors, papers, minGroupPapers, minTiePapers);
      assert.deepEqual(listed, plain, `seed ${seed}, minGroupPapers ${minGroupPapers}, minTiePapers ${minTiePapers}`);
      homonymsSeen += plain.size;
    }
    for (const minShared of [1, 2, 3]) {
      const listed = new Map((await listSameAs(g, minShared)).map((c) => [c.key, c.score]));
      const plain = plainSameAs(authors, papers, minShared);
      assert.deepEqual(listed, plain, `seed ${seed}, minSharedCoauthors ${minShared}`);
      pairsSeen += plain.size;
    }
  }
  assert.ok(homonymsSeen > 5, `the random graphs flag some homonyms (${homonymsSeen})`);
  assert.ok(pairsSeen > 5, `the random graphs flag some same-as pairs (${pairsSeen})`);
});

test("strong ties: pairs with at least k joint papers, both directions", async () => {
  const { authors, papers } = randomGraph(7);
  const g = index(authors, papers);
  for (const k of [1, 2, 3]) {
    const { start, neighbours } = await strongTies(g, k);
    const joint = new Map<string, number>();
    for (const p of papers)
      for (const a of p.byline) for (const b of p.byline) if (a < b) joint.set(`${a}-${b}`, (joint.get(`${a}-${b}`) ?? 0) + 1);
    const expected = [...joint]
      .filter(([, n]) => n >= k)
      .map(([key]) => key)
      .sort();
    const got: string[] = [];
    for (let a = 0; a < authors.length; a++)
      for (let e = start[a]; e < start[a + 1]; e++) if (a < neighbours[e]) got.push(`${a}-${neighbours[e]}`);
    assert.deepEqual(got.sort(), expected);
    assert.equal(neighbours.length, expected.length * 2);
  }
});

test("an ask that cannot wait for a build in flight is told to ask again; one that can, gets the listing", async () => {
  const params = { minGroupPapers: 5, minTiePapers: 3, minSharedCoauthors: 4 };
  const never = new Promise<NamesakeListing>(() => undefined);
  await assert.rejects(awaitListing(never, "s-1", params, Date.now() + 300), (error: unknown) => {
    assert.ok(error instanceof LimitExceededError);
    assert.match((error as Error).message, /being built .* Ask again/);
    return true;
  });
  const done: NamesakeListing = { homonyms: [], sameAs: [], builtMs: 1, phases: {} };
  assert.equal(await awaitListing(Promise.resolve(done), "s-1", params, Date.now() + 300), done);
  assert.equal(await awaitListing(Promise.resolve(done), "s-1", params, undefined), done);
});
