import { etaText } from "../util/eta-text";

/**
 * Progress of one phase of a long computation as plain lines (every 2 s at most): done/total, the rate and an ETA.
 * Plain lines rather than a bar, so that the import's own bar, a log file and a test all read it the same way. The
 * first line comes once the phase has run `everyMs`: a rate taken from its first moments (setup, a first tiny step)
 * gave ETAs hundreds of times too long; a phase shorter than that prints only its closing line.
 */
export class PhaseProgress {
  private readonly started = Date.now();
  private lastLog = this.started;
  private current = 0;

  constructor(
    private readonly phase: string,
    private readonly unit: string,
    private readonly total: number,
    private readonly log: (message: string) => void,
    private readonly everyMs = 2_000,
  ) {}

  update(done: number): void {
    this.current = done;
    const now = Date.now();
    if (now - this.lastLog < this.everyMs) return;
    this.lastLog = now;
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    // The import's own form (2m05s, 1h03m): at dblp size a phase runs for minutes.
    const eta = rate > 0 && this.total > done ? `, ETA ${etaText((this.total - done) / rate)}` : "";
    this.log(`figures: ${this.phase}: ${done}/${this.total} ${this.unit}, ${formatRate(rate)} ${this.unit}/s${eta}`);
  }

  done(): void {
    const seconds = (Date.now() - this.started) / 1000;
    this.log(`figures: ${this.phase}: ${this.current} ${this.unit} in ${seconds.toFixed(1)} s`);
  }
}

function formatRate(rate: number): string {
  return rate >= 100 ? Math.round(rate).toString() : rate.toFixed(1);
}
