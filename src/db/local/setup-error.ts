/**
 * Something about this machine or its configuration keeps coauthor-graph from getting a Neo4j
 * (no Java, a busy port, a stale lock, a failed download). The message always says what to do;
 * the CLI prints it as one line without a stack trace.
 */
export class Neo4jSetupError extends Error {
  override readonly name = "Neo4jSetupError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
