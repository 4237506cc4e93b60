import type { Record as Neo4jRecord } from "neo4j-driver";
import type { Passenger, Statement } from "./database";
import { GRAPH_VERSION_KEY, READ_GRAPH_VERSION, versionOfRecord, type GraphVersion } from "./graph-version";

/**
 * The graph version one API request answers from (`extensions.snapshotId`, `stats`, explanations), read at most once.
 * When the answer merely wants to carry it, it rides along in the request's first read transaction (a Passenger):
 * no statement in a transaction of its own, so a request costs Neo4j one transaction, as a bare client's would, and
 * the version is read in the same transaction as the data. A resolver that needs it before reading anything, or a
 * request that reads nothing, reads it alone.
 */
export class RequestSnapshot implements Passenger {
  private state: "idle" | "wanted" | "riding" | "read" = "idle";
  private version?: Promise<GraphVersion>;
  private ride?: { resolve: (v: GraphVersion) => void; reject: (error: unknown) => void };

  constructor(private readonly readAlone: () => Promise<GraphVersion>) {}

  /** The answer will carry the version: let it ride along with the next read transaction. */
  wantAlong(): void {
    if (this.state === "idle") this.state = "wanted";
  }

  /** The version now: the ride's when it has boarded, else read alone (a failed read is tried again next time). */
  get(): Promise<GraphVersion> {
    if (this.state === "idle" || this.state === "wanted") {
      this.state = "read";
      this.version = this.readAlone().catch((error: unknown) => {
        this.state = "idle";
        this.version = undefined;
        throw error;
      });
    }
    return this.version!;
  }

  board(): Statement | undefined {
    if (this.state !== "wanted") return undefined;
    this.state = "riding";
    this.version = new Promise<GraphVersion>((resolve, reject) => (this.ride = { resolve, reject }));
    // Whoever asks gets the outcome; nobody asking must not make a failed ride an unhandled rejection.
    this.version.catch(() => undefined);
    return { cypher: READ_GRAPH_VERSION, params: { key: GRAPH_VERSION_KEY } };
  }

  landed(records: Neo4jRecord[]): void {
    if (this.state !== "riding") return;
    this.state = "read";
    this.ride!.resolve(versionOfRecord(records[0]));
  }

  /** The transaction failed: the version is read alone instead (which fails too when Neo4j is gone or time is up). */
  missed(): void {
    if (this.state !== "riding") return;
    this.state = "read";
    const ride = this.ride!;
    // readAlone is async: its failures arrive as a rejection, never as a throw here.
    this.readAlone().then(ride.resolve, ride.reject);
  }
}
