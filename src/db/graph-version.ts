import { randomBytes } from "node:crypto";
import type { Record as Neo4jRecord } from "neo4j-driver";
import type { Database, Statement, WriteResult } from "./database";

/*
 * The graph's version: one (:GraphVersion {key: "graph", epoch, counter, changedAt}) node. Every import transaction
 * that changes the graph bumps `counter` in that same transaction, so a reader can never see changed data under an
 * old version; the bulk import sets it once on the store it builds. `epoch` is drawn when the node is created, so a
 * database emptied and imported again never repeats an earlier id. The snapshot id is "<epoch>-<counter>".
 *
 * Detection is explicit: Neo4j counts a SET that writes the value already there as a property set, and Community
 * Edition has no last committed transaction id to compare (SHOW DATABASES gives null), so a statement that may change
 * properties returns `changed` (rows whose values really changed) and graphChanged() reads that beside the
 * structural counters.
 */

/** The key of the single version node. */
export const GRAPH_VERSION_KEY = "graph";

/** The id of a graph that no import of this version of coauthor-graph has written (empty, or loaded before). */
export const NO_SNAPSHOT = "0-0";

export const READ_GRAPH_VERSION = `
OPTIONAL MATCH (g:GraphVersion {key: $key})
RETURN g.epoch AS epoch, g.counter AS counter, g.changedAt AS changedAt`;

export const BUMP_GRAPH_VERSION = `
MERGE (g:GraphVersion {key: $key})
ON CREATE SET g.epoch = $epoch, g.counter = 0
SET g.counter = g.counter + 1, g.changedAt = $changedAt`;

/** The bulk import's store is new: a new epoch, counter 1. */
export const SET_GRAPH_VERSION = `
MERGE (g:GraphVersion {key: $key})
SET g.epoch = $epoch, g.counter = 1, g.changedAt = $changedAt`;

export interface GraphVersion {
  epoch: string | null;
  counter: number;
  /** ISO 8601 time of the last change; null when no import has recorded one. */
  changedAt: string | null;
  /** "<epoch>-<counter>", or NO_SNAPSHOT. */
  snapshotId: string;
}

/** Base-36 creation time and 4 random bytes: short, sortable by creation, and distinct across databases. */
export function newEpoch(now = Date.now()): string {
  return `${now.toString(36)}${randomBytes(4).toString("hex")}`;
}

export function snapshotIdOf(epoch: string | null, counter: number): string {
  return epoch ? `${epoch}-${counter}` : NO_SNAPSHOT;
}

/** The statement that bumps the version; run it inside the transaction that changed the graph. */
export function bumpGraphVersion(now = new Date()): Statement {
  return { cypher: BUMP_GRAPH_VERSION, params: { key: GRAPH_VERSION_KEY, epoch: newEpoch(now.getTime()), changedAt: now.toISOString() } };
}

export function setGraphVersion(now = new Date()): Statement {
  return { cypher: SET_GRAPH_VERSION, params: { key: GRAPH_VERSION_KEY, epoch: newEpoch(now.getTime()), changedAt: now.toISOString() } };
}

/**
 * Whether statements changed the graph: a node or relationship created or deleted, or a row that reports
 * `changed` > 0 (a statement that may only change property values must return that column).
 */
export function graphChanged(results: readonly WriteResult[]): boolean {
  return results.some(
    (r) =>
      r.nodesCreated + r.nodesDeleted + r.relationshipsCreated + r.relationshipsDeleted > 0 ||
      r.records.some((record) => record.has("changed") && Number(record.get("changed")) > 0),
  );
}

/** A follow-up for Database.writeAll: bump the version when the statements before it changed the graph. */
export function bumpIfChanged(results: readonly WriteResult[]): Statement[] {
  return graphChanged(results) ? [bumpGraphVersion()] : [];
}

/** One tiny statement: the version node by its unique key. */
export async function readGraphVersion(db: Database): Promise<GraphVersion> {
  const [record] = await db.read(READ_GRAPH_VERSION, { key: GRAPH_VERSION_KEY });
  return versionOfRecord(record);
}

/** The version from READ_GRAPH_VERSION's row (undefined: no row). */
export function versionOfRecord(record: Neo4jRecord | undefined): GraphVersion {
  const epoch = (record?.get("epoch") as string | null) ?? null;
  const counter = Number(record?.get("counter") ?? 0);
  return { epoch, counter, changedAt: (record?.get("changedAt") as string | null) ?? null, snapshotId: snapshotIdOf(epoch, counter) };
}
