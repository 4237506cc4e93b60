import type { Database } from "../../src/db/database";
import { addPapers, TestAuthor, TestPaper, TestVenue } from "./graphql";

/*
 * A small graph whose every answer can be worked out by hand:
 *
 *   p1 2018 ICML  Ada, Bob          p5 2022 WS    Carol, Dan
 *   p2 2019 ICML  Ada, Bob, Carol   p6 2023 JMLR  Dan, Eve
 *   p3 2020 JMLR  Bob, Ada          p7 2024 ICML  Eve, Fay
 *   p4 2021 ICML  Ada, Carol        p8 (no year, no venue)  Ada, Fay
 *   p9 2020 JMLR  Gus, Hal  (a separate component)
 *
 * Ada's coauthors: Bob 3 (2018-2020), Carol 2 (2019-2021), Fay 1 (no year).
 */
export const A = { id: "dblp:Ada Lovelace", name: "Ada Lovelace" } satisfies TestAuthor;
export const B = { id: "dblp:Bob Babbage", name: "Bob Babbage" } satisfies TestAuthor;
export const C = { id: "acl:carol-cole", name: "Carol Cole" } satisfies TestAuthor;
export const D = { id: "name:dan dorsey", name: "Dan Dorsey" } satisfies TestAuthor;
export const E = { id: "name:eve evans", name: "Eve Evans" } satisfies TestAuthor;
export const F = { id: "orcid:0000-0002-1825-0097", name: "Fay Fox" } satisfies TestAuthor;
export const G = { id: "name:gus green", name: "Gus Green" } satisfies TestAuthor;
export const H = { id: "name:hal hart", name: "Hal Hart" } satisfies TestAuthor;

export const ICML: TestVenue = { id: "icml", name: "International Conference on Machine Learning", acronym: "ICML", kind: "conference" };
export const JMLR: TestVenue = { id: "jmlr", name: "Journal of Machine Learning Research", acronym: "JMLR", kind: "journal" };
export const WS: TestVenue = { id: "workshop on graphs", name: "Workshop on Graphs", kind: "workshop" };

export const SAMPLE_PAPERS: TestPaper[] = [
  { id: "10.1000/p1", title: "Analytical Engines for Graphs", year: 2018, venue: ICML, authors: [A, B], doi: "10.1000/p1" },
  {
    id: "10.1000/p2",
    title: "Notes on Coauthorship Networks",
    year: 2019,
    venue: ICML,
    authors: [A, B, C],
    abstract: "We study coauthorship.",
  },
  { id: "10.1000/p3", title: "Difference Engines Revisited", year: 2020, venue: JMLR, authors: [B, A] },
  { id: "10.1000/p4", title: "Bernoulli Numbers by Machine", year: 2021, venue: ICML, authors: [A, C] },
  { id: "10.1000/p5", title: "Graph Workshops in Practice", year: 2022, venue: WS, authors: [C, D] },
  { id: "10.1000/p6", title: "Journal Graph Mining", year: 2023, venue: JMLR, authors: [D, E] },
  { id: "10.1000/p7", title: "Conference Graph Learning", year: 2024, venue: ICML, authors: [E, F] },
  { id: "an undated manuscript|", title: "An Undated Manuscript", year: null, venue: null, authors: [A, F] },
  { id: "10.1000/p9", title: "Island Collaboration", year: 2020, venue: JMLR, authors: [G, H] },
];

export async function loadSampleGraph(db: Database): Promise<void> {
  await addPapers(db, SAMPLE_PAPERS);
}
