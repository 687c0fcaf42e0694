import { fileName } from '../../ingest/archive.js';
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
    await store.trackQueryProgress();
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
    const seconds = Math.round((Date.now() - this.startedAt) / 1000);
    this.stream.write(`\r\x1b[2K${fileName(progress.path)}: ${this.describe(progress)} (${seconds} s)`);
    this.shown = true;
  }

  /**
   * What the import is doing, in the units it can count: bytes while the
   * file is read, then its rows. DuckDB's own percentage is shown only for
   * the checking and saving steps: while loading it stays at 0% for the
   * first seconds and stops where the sort starts.
   */
  private describe(progress: ImportProgress): string {
    if (progress.phase === 'reading') {
      if (progress.sheetRows !== undefined) return `${PHASE_LABEL.reading}: ${progress.sheetRows.toLocaleString('en-US')} rows of the workbook`;
      if (progress.bytes) return `${PHASE_LABEL.reading}: ${megabytes(progress.bytes.done)} of ${megabytes(progress.bytes.total)}`;
      return `${PHASE_LABEL.reading}${percent(progress.fraction)}`;
    }
    if (progress.phase === 'loading') return progress.rows === undefined ? PHASE_LABEL.loading : `loading ${progress.rows.toLocaleString('en-US')} rows`;
    return `${PHASE_LABEL[progress.phase]}${percent(this.store.queryProgress())}`;
  }
}

function percent(fraction: number | null): string {
  return fraction === null ? '' : ` ${Math.min(100, Math.round(fraction * 100))}%`;
}

function megabytes(bytes: number): string {
  const value = bytes / 1_000_000;
  return `${value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US')} MB`;
}
