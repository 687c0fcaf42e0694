import { basename } from 'node:path';
import type { ImportProgress } from '../../ingest/progress.js';
import type { Store } from '../../store/database.js';

const SHOW_AFTER_MS = 1000;
const TICK_MS = 200;

export interface ProgressTiming {
  /** Files that finish sooner show nothing. */
  showAfterMs: number;
  tickMs: number;
}

const PHASE_LABEL: Record<ImportProgress['phase'], string> = {
  reading: 'reading the file',
  loading: 'loading rows',
  checking: 'checking rows',
  saving: 'saving posts',
};

/**
 * A one-line progress display on stderr for files that take more than a
 * second. DuckDB's own query progress gives the percentage of the loading
 * phases. Does nothing when stderr is not a terminal.
 */
export class ProgressLine {
  private current: ImportProgress | null = null;
  private startedAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private shown = false;

  private constructor(
    private readonly store: Store,
    private readonly stream: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>,
    private readonly timing: ProgressTiming,
  ) {}

  /** A display when `stream` is a terminal, else null. */
  static async create(
    store: Store,
    stream: Pick<NodeJS.WriteStream, 'write' | 'isTTY'> = process.stderr,
    timing: ProgressTiming = { showAfterMs: SHOW_AFTER_MS, tickMs: TICK_MS },
  ): Promise<ProgressLine | null> {
    if (!stream.isTTY) return null;
    // DuckDB tracks a query's progress only with its progress bar on; it must not print it itself.
    await store.run('SET enable_progress_bar = true');
    await store.run('SET enable_progress_bar_print = false');
    return new ProgressLine(store, stream, timing);
  }

  update(progress: ImportProgress): void {
    if (this.current?.path !== progress.path) {
      this.clear();
      this.startedAt = Date.now();
      this.timer = setInterval(() => this.draw(), this.timing.tickMs);
    }
    this.current = progress;
  }

  /** Removes the line (call when a file is done, before printing its summary). */
  clear(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.shown) this.stream.write('\r\x1b[2K');
    this.shown = false;
    this.current = null;
  }

  private draw(): void {
    const progress = this.current;
    if (!progress || Date.now() - this.startedAt < this.timing.showAfterMs) return;
    let fraction = progress.fraction;
    if (progress.phase !== 'reading') {
      const percentage = this.store.connection.progress.percentage;
      fraction = percentage >= 0 ? percentage / 100 : null;
    }
    const percent = fraction === null ? '' : ` ${Math.min(100, Math.round(fraction * 100))}%`;
    const seconds = Math.round((Date.now() - this.startedAt) / 1000);
    this.stream.write(`\r\x1b[2K${basename(progress.path)}: ${PHASE_LABEL[progress.phase]}${percent} (${seconds} s)`);
    this.shown = true;
  }
}
