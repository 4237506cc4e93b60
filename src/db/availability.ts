/**
 * Whether Neo4j answers, as the Database last saw it. After a failure that says Neo4j is unreachable,
 * requests fail at once (DATABASE_UNAVAILABLE) instead of each waiting out the driver's connection and
 * retry timeouts, and a probe runs every `intervalMs` until Neo4j answers again (at its old address or,
 * for a local server that came back on a new port, at the one its home's state file now names).
 */
export class Availability {
  private downSince: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    /** One attempt to reach Neo4j; resolves true when it answers (and the Database then uses that connection). */
    private readonly probe: () => Promise<boolean>,
    private readonly intervalMs: number,
    private readonly log: (message: string) => void,
  ) {}

  get available(): boolean {
    return this.downSince === undefined;
  }

  /** Called with what failed; the first call of an outage logs it and starts probing. */
  markDown(reason: string): void {
    if (this.downSince !== undefined || this.closed) return;
    this.downSince = Date.now();
    this.log(
      `Neo4j is unreachable (${reason}): requests fail at once with DATABASE_UNAVAILABLE; checking every ${this.intervalMs} ms until it answers.`,
    );
    this.schedule();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  private schedule(): void {
    // Never what keeps a process alive: a server has its listener, a command its own work.
    this.timer = setTimeout(() => void this.check(), this.intervalMs);
    this.timer.unref();
  }

  private async check(): Promise<void> {
    if (this.closed) return;
    const ok = await this.probe().catch(() => false);
    if (this.closed) return;
    if (!ok) {
      this.schedule();
      return;
    }
    const seconds = ((Date.now() - (this.downSince ?? Date.now())) / 1000).toFixed(1);
    this.downSince = undefined;
    this.log(`Neo4j answers again (after ${seconds} s).`);
  }
}
