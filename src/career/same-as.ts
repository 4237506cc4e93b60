import type { AuthorRecord } from "../author/author.record";
import type { Database } from "../db/database";
import type { GraphVersion } from "../db/graph-version";
import type { Explanation } from "../kernel/explanation";
import type { PaperLoaders } from "../paper/paper.loaders";
import type { AuthorLoaders } from "../author/author.loaders";
import type { PaperRecord } from "../paper/paper.record";
import { careerExplanation } from "./career.explain";
import { readAuthorsByNameWord, readCoauthorIds, readEvidencePapers } from "./career.store";
import { parseName } from "./names";
import { compatibleHolders, sameAsVerdict, type SameAsVerdict } from "./namesakes";

export const HOMONYM_RULE =
  "The author's coauthors, the author removed, fall into groups that share no coauthor: two coauthors are in one group when they are on one of the author's papers together, or wrote at least minTiePapers papers together without the author (1: any paper, the plain components of the coauthor network without the author). Each of the author's papers with coauthors belongs to its coauthors' group. Flagged when at least two groups hold minGroupPapers or more of the author's papers and two such groups share no venue or have year spans that do not overlap. score: the papers of the second-largest such group.";

export const SAME_AS_RULE =
  "Candidates are authors whose name or an alias is a compatible variant: the same family name (diacritics folded, ä/ö/ü also as ae/oe/ue), first given names equal or one the initial of the other, later given names compatible where both have them (a middle name or initial on one side only is fine), or the given names equal once joined (Xiao-Ming ~ Xiaoming). Ruled out: two different source keys (dblp:, acl:, orcid: ids) or two different ORCIDs, and a paper the two wrote together. Flagged with at least minSharedCoauthors shared coauthors. score = shared coauthors + overlap (shared / the smaller coauthor count).";

/** The full-text hits read per family name; a family name with more authors than this is cut (said in notes). */
export const NAME_WORD_HITS = 5_000;
const EVIDENCE_PAPERS = 20;
const LUCENE_SPECIAL = /[\\+\-!():^[\]"{}~*?|&/]/g;

export interface SameAsCandidateData {
  author: AuthorRecord;
  verdict: SameAsVerdict;
  sharedCoauthorCount: number;
  overlap: number;
  score: number;
  sharedCoauthors: () => Promise<AuthorRecord[]>;
  evidence: () => Promise<Array<{ of: AuthorRecord; paper: PaperRecord; via: AuthorRecord[] }>>;
}

export interface SameAsRuledOutData {
  author: AuthorRecord;
  reason: string;
  sharedCoauthorCount: number;
}

export interface SameAsCheckData {
  author: AuthorRecord;
  candidates: SameAsCandidateData[];
  ruledOut: SameAsRuledOutData[];
  explain: Explanation;
  snapshotId: string;
}

/** The Lucene query for a family name: each spelling (folded, transliterated, as written) as a plain term. */
export function familyQuery(names: readonly string[]): string | null {
  const terms = new Set<string>();
  for (const name of names) {
    for (const f of parseName(name).family) terms.add(f);
    const last = name.trim().split(/\s+/).pop();
    if (last) terms.add(last.toLowerCase().replace(/[.,]/g, ""));
  }
  const safe = [...terms].filter((t) => /[\p{L}\p{N}]/u.test(t)).map((t) => t.replace(LUCENE_SPECIAL, (c) => `\\${c}`));
  return safe.length ? safe.join(" OR ") : null;
}

export class SameAsFinder {
  constructor(
    private readonly db: Database,
    private readonly loaders: AuthorLoaders & PaperLoaders,
    private readonly version: () => Promise<GraphVersion>,
  ) {}

  async check(author: AuthorRecord, minShared: number): Promise<SameAsCheckData> {
    const query = familyQuery([author.name, ...author.aliases]);
    const [hits, version] = await Promise.all([query ? readAuthorsByNameWord(this.db, query, NAME_WORD_HITS) : [], this.version()]);
    const compatible = hits.filter((h) => h.id !== author.id && compatibleHolders(author, h));
    const coauthors = await readCoauthorIds(this.db, [author.id, ...compatible.map((c) => c.id)]);
    const mine = { ...author, coauthors: coauthors.get(author.id) ?? new Set<string>() };
    const candidates: SameAsCandidateData[] = [];
    const ruledOut: SameAsRuledOutData[] = [];
    for (const other of compatible) {
      const verdict = sameAsVerdict(mine, { ...other, coauthors: coauthors.get(other.id) ?? new Set<string>() }, minShared);
      if (verdict.flagged) candidates.push(this.candidate(author, other, verdict));
      else if (verdict.ruledOutByKeys || verdict.ruledOutByJointPaper)
        ruledOut.push({
          author: other,
          reason: verdict.ruledOutByKeys ? "different source keys" : "a joint paper",
          sharedCoauthorCount: verdict.sharedCoauthors.length,
        });
    }
    candidates.sort((x, y) => y.verdict.score - x.verdict.score || (x.author.id < y.author.id ? -1 : 1));
    ruledOut.sort((x, y) => y.sharedCoauthorCount - x.sharedCoauthorCount || (x.author.id < y.author.id ? -1 : 1));
    return {
      author,
      candidates,
      ruledOut,
      snapshotId: version.snapshotId,
      explain: careerExplanation({
        method: "possibleSameAs",
        formula: SAME_AS_RULE,
        parameters: { authorId: author.id, minSharedCoauthors: minShared },
        snapshotId: version.snapshotId,
        notes: [
          `${hits.length} authors share a family-name word${hits.length >= NAME_WORD_HITS ? ` (cut at ${NAME_WORD_HITS})` : ""}; ${compatible.length} have a compatible name; ${candidates.length} flagged, ${ruledOut.length} ruled out.`,
          "A flag is evidence for a curator, not a decision; nothing is merged.",
          "minSharedCoauthors was chosen on labelled cases for precision (README, Careers and namesakes).",
        ],
      }),
    };
  }

  private candidate(author: AuthorRecord, other: AuthorRecord, verdict: SameAsVerdict): SameAsCandidateData {
    const authors = async (ids: readonly string[]) =>
      (await this.loaders.authorById.loadMany(ids)).filter((a): a is AuthorRecord => {
        if (a instanceof Error) throw a;
        return a !== null;
      });
    return {
      author: other,
      verdict,
      sharedCoauthorCount: verdict.sharedCoauthors.length,
      overlap: verdict.overlap,
      score: verdict.score,
      sharedCoauthors: () => authors(verdict.sharedCoauthors),
      evidence: async () => {
        const rows = await readEvidencePapers(this.db, [author.id, other.id], verdict.sharedCoauthors, EVIDENCE_PAPERS);
        const via = new Map((await authors([...new Set(rows.flatMap((r) => r.via))])).map((a) => [a.id, a]));
        return rows.map((r) => ({
          of: r.authorId === author.id ? author : other,
          paper: r.paper,
          via: r.via.flatMap((id) => (via.has(id) ? [via.get(id)!] : [])),
        }));
      },
    };
  }
}
