/**
 * Hands the event loop a turn once a synchronous stretch of work has held it for `sliceMs`. A whole-graph computation
 * on dblp's 3.4 million authors runs for minutes, one betweenness search for seconds; holding the loop that long
 * starves everything else the process waits on: the import lock's heartbeat (its lease lapses), the driver's
 * connections (Neo4j drops a handshake left unanswered, transactions time out) and the availability probe, so the
 * write at the end failed with "database unavailable" after ten minutes of work. Reading the clock every 4,096 steps
 * costs nothing measurable; a turn costs one setImmediate.
 *
 *   const slice = new TimeSlice();
 *   for (…) { if (slice.due()) await slice.turn(); … }
 */
export class TimeSlice {
  /** Turns handed to the event loop so far. */
  turns = 0;
  private steps = 0;
  private since = performance.now();

  /** `sliceMs`: the longest the loop is held, give or take 4,096 steps; 0 hands it a turn every 4,096 steps. */
  constructor(private readonly sliceMs = DEFAULT_SLICE_MS) {}

  /** Counts one step of work; true when the loop is due a turn (then `await slice.turn()`). */
  due(): boolean {
    return (++this.steps & 4095) === 0 && performance.now() - this.since >= this.sliceMs;
  }

  async turn(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.turns++;
    this.since = performance.now();
  }
}

/** Long enough that the turns cost nothing measurable, short enough that timers and sockets hardly notice. */
export const DEFAULT_SLICE_MS = 50;

/**
 * One turn of the event loop, for work that runs in steps of a few milliseconds while this process waits on I/O: the
 * driver can then send what a statement needs next and read what came back between the steps, instead of after all
 * of them (the analysis' venue read, mid-computation, is the case in point).
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
