import { CanonicalPaper } from "../canonical";
import { mergeSpellings } from "../writer/author-spellings";
import { AuthorRow, AuthorshipRow, PaperRow, toBatchRows, VenueRow } from "../writer/batch-rows";
import { PairCounts } from "../writer/coauthor-pairs";
import { WriteCounts } from "../writer/graph-writer";
import { ImportRunEnd, ImportRunStart, ImportTarget } from "../writer/import-target";
import { KnownPaper, NamedMention, paperLookup, resolveAgainst } from "../writer/paper-resolution";
import { SettledMentions, type Replay, type SettledMentionsGraph } from "../writer/settled-mentions";
import type { GraphBudget } from "./memory-budget";
import { detached, detachedOrNull } from "./detached";
import { edgeAuthor, edgeKeyed, edgeNamed, edgePosition, packEdge } from "./edge";
import { settleNameKeys } from "./memory-names";
import { NO_ALIASES, type AuthorGraph, type MemAuthor, type MemVenue, type PaperHandle } from "./memory-types";
import { PaperPayloads, type PaperPayload } from "./paper-payloads";
import { PaperTable } from "./paper-table";
import { HandleIndex } from "./handle-index";
import { HandlesByKey } from "./handles-by-key";

/** The shapes of the graph, for the callers of MemoryGraph (they live in memory-types.ts, which this module's helpers share). */
export type { MemAuthor, MemVenue, PackedAuthorship, PaperHandle } from "./memory-types";

/*
 * The graph `import --bulk` builds in memory before neo4j-admin writes it to an empty store. Each method below is
 * the twin of one statement in import/writer/writer.cypher.ts, applied in the same order with the same rules, so
 * that a bulk import of some files gives exactly the graph the online import of the same files, in the same order,
 * gives (test/integration/import/bulk-equivalence.test.ts compares every node, relationship and property).
 * Ids and names compare in code point order (src/util/code-point-order.ts), as Cypher compares stored strings.
 */

export interface MemImportRun extends ImportRunStart {
  finishedAt: string | null;
  status: string;
  counts: string | null;
}

export class MemoryGraph implements ImportTarget, AuthorGraph {
  /** The papers, as columns (paper-table.ts): a paper is a handle. */
  readonly paperTable = new PaperTable();
  readonly papersByTitleKey = new HandlesByKey((paper) => this.titleKeyOf(paper));
  readonly venues = new Map<string, MemVenue>();
  /** Venues by MemVenue.index: what the papers' venue column holds. */
  readonly venueList: MemVenue[] = [];
  /**
   * Authors by MemAuthor.index (a removed author leaves a hole); its length is the next index. The indexes below hold
   * an author's index, not its id or nameKey: a Map entry by each cost about 100 bytes an author (3.4M at 8M records).
   */
  readonly authorsByIndex: Array<MemAuthor | undefined> = [];
  private readonly authorsById = new HandleIndex((index) => this.authorsByIndex[index]!.id);
  private readonly authorsByNameKey = new HandlesByKey((index) => this.authorsByIndex[index]!.nameKey);
  readonly runs: MemImportRun[] = [];
  /** nameKeys merged since the last settleNames (the :NameTouched queue of the online import). */
  private touchedNameKeys = new Set<string>();
  /** Mentions skipped as already settled, as the online import skips them (settled-mentions.ts). */
  private readonly settled = new SettledMentions();
  private readonly settledGraph: SettledMentionsGraph = {
    has: (id) => this.author(id) !== undefined,
    members: async (keys) => new Map(keys.map((key) => [key, this.authorsWithNameKey(key)])),
  };

  private readonly payloads: PaperPayloads;

  /**
   * `budget` stops the read cleanly when the graph will not fit in memory, or says when it is full (memory-budget.ts); `spillDir` is where the
   * papers' payloads go on disk (paper-payloads.ts; default the system's temporary directory). release() frees them.
   */
  constructor(
    private readonly budget?: GraphBudget,
    spillDir?: string,
  ) {
    this.payloads = new PaperPayloads(spillDir);
  }

  /** A paper's title, url, abstract, pages and source keys (and titleKey when it is not the id), from disk. */
  payloadOf(paper: PaperHandle): PaperPayload {
    return this.payloads.get(this.paperTable.payload(paper));
  }

  /** A paper's titleKey: the string it shares with its id, or read back from its payload. */
  titleKeyOf(paper: PaperHandle): string {
    const table = this.paperTable;
    return table.titleKeyIsId(paper) ? table.id(paper) : this.payloads.peek(table.payload(paper)).titleKey!;
  }

  /** The paper's venue, or null. */
  venueOf(paper: PaperHandle): MemVenue | null {
    const venue = this.paperTable.venue(paper);
    return venue < 0 ? null : this.venueList[venue];
  }

  /** Gives the paper a new payload with these fields changed (the CSV writer's tests put line breaks in abstracts). */
  changePayload(paper: PaperHandle, change: Partial<PaperPayload>): void {
    this.paperTable.setPayload(paper, this.payloads.add({ ...this.payloadOf(paper), ...change }));
  }

  /** Bytes of the papers' columns and of the indexes: memory outside the collected heap (paper-table.ts). */
  get columnBytes(): number {
    return this.paperTable.columnBytes + this.papersByTitleKey.indexBytes + this.authorsById.bytes + this.authorsByNameKey.indexBytes;
  }

  /** Authors in the graph. */
  get authorCount(): number {
    return this.authorsById.size;
  }

  author(id: string): MemAuthor | undefined {
    const index = this.authorsById.get(id);
    return index < 0 ? undefined : this.authorsByIndex[index];
  }

  authorsWithNameKey(nameKey: string): MemAuthor[] {
    return this.authorsByNameKey.get(nameKey).map((index) => this.authorsByIndex[index]!);
  }

  /** Bytes of payload on disk, for the bench and the tests. */
  get payloadBytes(): number {
    return this.payloads.bytes;
  }

  /** Closes the payloads' file: the graph cannot be written as CSV after this. */
  release(): void {
    this.payloads.close();
  }

  async prepare(): Promise<void> {}

  async startRun(run: ImportRunStart): Promise<void> {
    this.runs.push({ ...run, finishedAt: null, status: "running", counts: null });
  }

  /** Nothing is written to the database before every file is in this graph, so a file can be checked as it is read. */
  readonly checkPassNeeded = false;

  async beginWrites(expected: () => number): Promise<void> {
    this.budget?.begin(expected);
  }

  async finishRun(end: ImportRunEnd): Promise<void> {
    const run = this.runs.find((r) => r.id === end.id);
    if (run) Object.assign(run, { finishedAt: end.finishedAt, status: end.status, counts: end.counts });
  }

  /** Twin of graph-writer.ts writeBatch: resolution against the papers seen so far, then each statement in turn. */
  async writeBatch(records: CanonicalPaper[], counts: WriteCounts): Promise<void> {
    if (records.length === 0) return;
    const resolution = resolveAgainst(records, this.findPapers(records));
    const all = toBatchRows(records, resolution.ids);
    const { rows, replay } = await this.settled.drop(all, resolution, this.settledGraph);
    const existing = new Set(resolution.existing);
    for (const rename of resolution.renames) this.renamePaper(rename.from, rename.to, rename.doi);
    const venuesCreated = rows.venues.filter((row) => this.mergeVenue(row)).length;
    const known = rows.papers.filter((p) => existing.has(p.id));
    for (const row of rows.papers) if (!existing.has(row.id)) this.createPaper(row);
    const papersCreated = rows.papers.length - known.length + known.filter((row) => this.mergePaper(row)).length;
    const authorsCreated = rows.authors.filter((row) => this.mergeAuthor(row)).length;
    const authorshipsCreated =
      replay.filter((row) => this.mergeAuthorship(row, false)).length +
      rows.authorships.filter((row) => this.mergeAuthorship(row, !existing.has(row.paperId))).length;

    counts.venuesCreated += venuesCreated;
    counts.venuesUpdated += rows.venues.length - venuesCreated;
    counts.papersCreated += papersCreated;
    counts.papersUpdated += rows.papers.length - papersCreated;
    counts.authorsCreated += authorsCreated;
    counts.authorsUpdated += all.authors.length - authorsCreated;
    counts.authorshipsCreated += authorshipsCreated;
    counts.authorshipsWritten += all.authorships.length;
    this.budget?.check(records.length, this.columnBytes);
  }

  /**
   * nameKeys merged since the last settleNames: none once every file is settled; those of the file handed on mid-way
   * otherwise, which the CSVs mark as the online import's :NameTouched queue, for the online part to settle.
   */
  get unsettledNameKeys(): ReadonlySet<string> {
    return this.touchedNameKeys;
  }

  /** Once the budget says the graph can take no more: the runner ends the file here and hands the rest on. */
  handOffReason(): string | undefined {
    return this.budget?.full;
  }

  async settleNames(): Promise<number> {
    this.writeReplay(await this.settled.beforeNamePass(this.settledGraph));
    const keys = this.touchedNameKeys;
    this.touchedNameKeys = new Set();
    return settleNameKeys(this, keys);
  }

  /**
   * A file handed on before its name pass: the mentions it skipped as settled are written now, so that their keys go
   * to the online part as touched (the CSVs' :NameTouched) and it settles them as every mention written.
   */
  writeSkippedMentions(): void {
    this.writeReplay(this.settled.flush());
  }

  /** Skipped mentions written after all (settled-mentions.ts): MERGE_AUTHORS, then MERGE_AUTHORSHIPS. */
  private writeReplay(replay: Replay): void {
    for (const row of replay.authors) this.mergeAuthor(row);
    for (const row of replay.authorships) this.mergeAuthorship(row, false);
  }

  /** Pairs and author stats are a function of the final authorships: bulk-csv.ts computes them once, at the end. */
  async settlePairs(): Promise<PairCounts> {
    return { authors: 0, pairsWritten: 0, pairsCreated: 0 };
  }

  /** Twin of FIND_PAPERS_BY_IDENTITY. */
  private findPapers(records: CanonicalPaper[]): KnownPaper[] {
    const { dois, titleKeys } = paperLookup(records);
    // Each paper found with its titleKey when the lookup already knows it (found by it), so that it is not read again.
    const table = this.paperTable;
    const found = new Map<PaperHandle, string | null>();
    for (const doi of dois) {
      const paper = table.find(doi);
      if (paper >= 0 && !found.has(paper)) found.set(paper, null);
    }
    for (const titleKey of titleKeys) for (const paper of this.papersByTitleKey.get(titleKey)) found.set(paper, titleKey);
    return [...found].map(([p, titleKey]) => ({
      id: table.id(p),
      titleKey: titleKey ?? this.titleKeyOf(p),
      doi: table.doi(p),
      namedMentions: this.namedMentions(p),
    }));
  }

  /** The paper's authorships from name-only mentions (FIND_PAPERS_BY_IDENTITY's namedMentions). */
  private namedMentions(paper: PaperHandle): NamedMention[] {
    const out: NamedMention[] = [];
    for (let i = 0; i < this.paperTable.edgeCount(paper); i++) {
      const edge = this.paperTable.edge(paper, i);
      if (!edgeNamed(edge)) continue;
      const author = this.authorsByIndex[edgeAuthor(edge)]!;
      out.push({ authorId: author.id, nameKey: author.nameKey, position: edgePosition(edge) });
    }
    return out;
  }

  /** RENAME_PAPERS. A titleKey that was the old id goes to the payload (the title index reads it from there). */
  private renamePaper(from: string, to: string, doi: string): void {
    const paper = this.paperTable.find(from);
    if (paper < 0) return;
    const titleKey = this.paperTable.rename(paper, to, doi);
    if (titleKey !== null) this.changePayload(paper, { titleKey });
  }

  /** MERGE_VENUES; true when the venue is new. */
  private mergeVenue(row: VenueRow): boolean {
    const known = this.venues.get(row.id);
    if (known) {
      known.acronym ??= detachedOrNull(row.acronym);
      return false;
    }
    const venue = {
      index: this.venueList.length,
      id: detached(row.id),
      name: detached(row.name),
      acronym: detachedOrNull(row.acronym),
      kind: detached(row.kind),
    };
    this.venues.set(venue.id, venue);
    this.venueList.push(venue);
    return true;
  }

  /** CREATE_NEW_PAPERS: resolution proved the paper new. Its strings are copies of their own (detached.ts). */
  private createPaper(row: PaperRow): PaperHandle {
    if (this.paperTable.find(row.id) >= 0) throw new Error(`bulk import: paper ${row.id} created twice (a resolution bug)`);
    // A paper's id is its DOI or its titleKey: the id column serves both. A titleKey that is not the id goes to disk.
    const titleKeyIsId = row.titleKey === row.id;
    const paper = this.paperTable.add({
      id: row.id,
      titleKeyIsId,
      doi: row.doi,
      year: row.year,
      venue: this.bestClaimedVenue(row)?.index ?? -1,
      payload: this.payloads.add({
        titleKey: titleKeyIsId ? null : row.titleKey,
        title: row.title,
        url: row.url,
        abstract: row.abstract,
        pages: row.pages,
        sourceKeys: row.sourceKeys,
      }),
    });
    this.papersByTitleKey.add(row.titleKey, paper);
    return paper;
  }

  /** MERGE_PAPERS: first non-empty value wins, every source key is kept, the venue rule picks one venue. */
  private mergePaper(row: PaperRow): boolean {
    const table = this.paperTable;
    let paper = table.find(row.id);
    const created = paper < 0;
    if (created) paper = this.createPaper({ ...row, doi: null, url: null, abstract: null, pages: null, sourceKeys: [], venueIds: [] });
    if (table.doi(paper) === null) table.setDoi(paper, row.doi);
    const payload = this.payloadOf(paper);
    const filled = {
      url: payload.url ?? row.url,
      abstract: payload.abstract ?? row.abstract,
      pages: payload.pages ?? row.pages,
      sourceKeys: [
        ...payload.sourceKeys,
        ...row.sourceKeys.filter((key, i) => !payload.sourceKeys.includes(key) && row.sourceKeys.indexOf(key) === i),
      ],
    };
    if (
      filled.url !== payload.url ||
      filled.abstract !== payload.abstract ||
      filled.pages !== payload.pages ||
      filled.sourceKeys.length !== payload.sourceKeys.length
    )
      table.setPayload(paper, this.payloads.add({ ...payload, ...filled }));
    const claimed = this.bestClaimedVenue(row);
    const venue = this.venueOf(paper);
    if (claimed && (!venue || venueRank(claimed) < venueRank(venue))) table.setVenue(paper, claimed.index);
    return created;
  }

  /** BEST_CLAIMED_VENUE: the best of the row's venue claims by the venue rule, or null. */
  private bestClaimedVenue(row: PaperRow): MemVenue | null {
    let best: MemVenue | null = null;
    for (const id of row.venueIds) {
      const venue = this.venues.get(id);
      if (venue && (!best || venueRank(venue) < venueRank(best))) best = venue;
    }
    return best;
  }

  /** MERGE_AUTHORS, with the spellings merged as graph-writer.ts merges them (author-spellings.ts). True when new. */
  private mergeAuthor(row: AuthorRow): boolean {
    let author = this.author(row.id);
    const created = !author;
    const spellings = mergeSpellings(author, row.spellings);
    if (!author)
      author = this.addAuthor({ id: row.id, name: spellings.name, nameKey: row.nameKey, keyed: row.keyed, numbered: row.numbered });
    else if (spellings !== author) author.name = detached(spellings.name);
    if (spellings !== author) author.aliases = spellings.aliases.map(detached);
    author.orcid ??= detachedOrNull(row.orcid);
    this.touchedNameKeys.add(author.nameKey);
    return created;
  }

  /** CREATE_NEW_AUTHORSHIPS (a new paper) or MERGE_AUTHORSHIPS (a paper seen before). True when the edge is new. */
  private mergeAuthorship(row: AuthorshipRow, paperIsNew: boolean): boolean {
    const author = this.author(row.authorId)!;
    const table = this.paperTable;
    const paper = table.find(row.paperId);
    const i = paperIsNew ? -1 : table.edgeIndex(paper, author.index);
    if (i >= 0) {
      const edge = table.edge(paper, i);
      table.setEdge(paper, i, packEdge(author.index, edgePosition(edge), edgeKeyed(edge) || row.keyed, edgeNamed(edge) || row.named));
      return false;
    }
    this.link(author, paper, row.position, row.keyed, row.named);
    return true;
  }

  /** A new (:Author); also used by the name settlement for a name-only author it has to bring back. */
  addAuthor(fields: Pick<MemAuthor, "id" | "name" | "nameKey" | "keyed" | "numbered">): MemAuthor {
    // Every field named in one literal, in one order: a spread made V8 keep some of them in a property array of
    // their own, 40 bytes more an author.
    const author: MemAuthor = {
      index: this.authorsByIndex.length,
      id: detached(fields.id),
      name: detached(fields.name),
      nameKey: detached(fields.nameKey),
      aliases: NO_ALIASES,
      keyed: fields.keyed,
      numbered: fields.numbered,
      orcid: null,
      papers: [],
    };
    this.authorsByIndex.push(author);
    this.authorsById.add(author.id, author.index);
    this.authorsByNameKey.add(author.nameKey, author.index);
    return author;
  }

  removeAuthor(author: MemAuthor): void {
    // Out of the indexes while authorsByIndex still gives its id and nameKey back.
    this.authorsById.delete(author.id);
    this.authorsByNameKey.remove(author.nameKey, author.index);
    this.authorsByIndex[author.index] = undefined;
  }

  link(author: MemAuthor, paper: PaperHandle, position: number, keyed: boolean, named: boolean): void {
    author.papers = appended(author.papers, paper);
    this.paperTable.appendEdge(paper, packEdge(author.index, position, keyed, named));
  }

  unlink(author: MemAuthor, paper: PaperHandle): void {
    author.papers = author.papers.filter((p) => p !== paper);
    this.paperTable.removeEdgesOf(paper, author.index);
  }
}

/** Lists shorter than this grow by an exact copy (appended); longer ones by push. */
const SHORT_LIST = 64;

/**
 * The list with one more element. V8 grows an array that runs out of room by half its length plus 16 slots, so a
 * three-paper list built by pushes held 17 slots (152 bytes where 40 do): at 200k dblp records the spare slots
 * were a seventh of the heap. A short list is copied instead, to its exact length (concat allocates exactly; a spread
 * does not); a long list's spare room is at most a third of it, and copying it at each paper would cost its square.
 * Cutting the lists after each batch instead made the read stage a quarter to a third slower, the discarded lists having
 * already reached the old generation.
 */
function appended<T>(list: T[], element: T): T[] {
  if (list.length >= SHORT_LIST) {
    list.push(element);
    return list;
  }
  return list.concat(element);
}

/** The venue rule of MERGE_PAPERS: a venue named by a series acronym ranks first, then the smaller id. */
function venueRank(venue: MemVenue): string {
  return (venue.acronym === null ? "1" : "0") + venue.id;
}
