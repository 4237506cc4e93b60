import { SingleBar, Presets } from "cli-progress";
import { etaText } from "../src/util/eta-text";

/**
 * Progress for long jobs: a bar with records/s and ETA on a terminal, and a plain line every few seconds
 * otherwise (CI logs, pipes), so an import is never silent.
 */
export interface Progress {
  start(label: string, total: number | undefined): void;
  update(done: number, total?: number): void;
  stop(): void;
}

export const silentProgress: Progress = { start() {}, update() {}, stop() {} };

const LOG_EVERY_MS = 5_000;

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  return stream.isTTY ? new BarProgress(stream) : new LineProgress(stream);
}

function formatRate(done: number, startedAt: number): number {
  const seconds = (Date.now() - startedAt) / 1000;
  return seconds > 0 ? Math.round(done / seconds) : 0;
}

/** "?" also once the work has passed its total: totals read off compressed input are estimates, and can run low. */
function formatEta(done: number, total: number | undefined, startedAt: number): string {
  if (!total || done === 0 || done > total) return "?";
  return etaText(((Date.now() - startedAt) / 1000) * ((total - done) / done));
}

class BarProgress implements Progress {
  private bar?: SingleBar;
  private startedAt = 0;
  constructor(private readonly stream: NodeJS.WriteStream) {}

  start(label: string, total: number | undefined): void {
    this.startedAt = Date.now();
    this.bar = new SingleBar(
      {
        stream: this.stream,
        format: `${label.padEnd(18)} {bar} {percentage}% | {value}/{total} | {rate}/s | ETA {etaText}`,
        hideCursor: true,
        clearOnComplete: false,
        etaBuffer: 50,
      },
      Presets.shades_classic,
    );
    this.bar.start(total ?? 0, 0, { rate: 0, etaText: "?" });
  }

  update(done: number, total?: number): void {
    if (!this.bar) return;
    if (total !== undefined) this.bar.setTotal(total);
    // An estimate that ran low: the bar stays at 100 % instead of counting past it (an unknown total, 0, stays so).
    if (this.bar.getTotal() > 0 && done > this.bar.getTotal()) this.bar.setTotal(done);
    this.bar.update(done, {
      rate: formatRate(done, this.startedAt),
      etaText: formatEta(done, total ?? this.bar.getTotal(), this.startedAt),
    });
  }

  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}

class LineProgress implements Progress {
  private label = "";
  private total: number | undefined;
  private startedAt = 0;
  private lastLog = 0;
  private done = 0;
  constructor(private readonly stream: NodeJS.WriteStream) {}

  start(label: string, total: number | undefined): void {
    this.label = label;
    this.total = total;
    this.startedAt = Date.now();
    this.lastLog = this.startedAt;
    this.done = 0;
  }

  update(done: number, total?: number): void {
    this.done = done;
    if (total !== undefined) this.total = total;
    if (Date.now() - this.lastLog >= LOG_EVERY_MS) {
      this.lastLog = Date.now();
      this.write();
    }
  }

  stop(): void {
    if (this.label) this.write();
    this.label = "";
  }

  private write(): void {
    // A total the work has passed was an estimate that ran low: no total then, rather than 17342/15000.
    const of = this.total && this.total >= this.done ? `/${this.total}` : "";
    this.stream.write(
      `${this.label}: ${this.done}${of} | ${formatRate(this.done, this.startedAt)}/s | ETA ${formatEta(this.done, this.total, this.startedAt)}\n`,
    );
  }
}
