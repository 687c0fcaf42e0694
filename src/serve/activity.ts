import type { ImportProgress } from '../ingest/progress.js';
import { REPORT_STEPS, type ReportStep, stepNumber } from '../report/steps.js';
import { HttpError } from './http.js';

/** What a client's running import or report is doing, as GET /api/clients/:id/activity answers it. */
export interface ActivityJson {
  action: 'import' | 'report';
  /** The export being imported, or the report's period. */
  subject: string;
  /** An import's phase (reading, loading, checking, saving) or a report's step (metrics, themes, diagnostics, pages, files). */
  step: string | null;
  /** A report's step as 1 of `steps` (null before the first). */
  stepNumber: number | null;
  steps: number | null;
  /** The share of the step done (0..1), when it is known. */
  fraction: number | null;
  /** An import's data rows, once counted. */
  rows: number | null;
  seconds: number;
}

/** One running action; `end` when it is over, failed or not. */
export interface Running {
  importProgress(progress: ImportProgress, queryProgress: () => number | null): void;
  reportStep(step: ReportStep): void;
  end(): void;
}

interface State {
  action: ActivityJson['action'];
  subject: string;
  startedAt: number;
  step: string | null;
  fraction: () => number | null;
  rows: number | null;
}

function busyError(busy: State): HttpError {
  return new HttpError(409, `this client's ${busy.action} of ${busy.subject} is still running; wait until it ends.`, { code: 'busy', values: { action: busy.action, subject: busy.subject } });
}

/**
 * The import or report each client has running: one at a time per client (two
 * would write the same store or report folder), so the page can ask what it
 * is doing while its request waits.
 */
export class Activities {
  private readonly running = new Map<string, State>();
  /** Per client, the requests of this process reading its database now, and what waits until none does. */
  private readonly readers = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();
  /** What waits until no action of any client runs (the server stopping). */
  private idle: Array<() => void> = [];

  /**
   * Runs `work` as the client's running action; refused (409) while another runs. An import starts writing once the
   * requests reading the database have ended (new ones are refused meanwhile): it opens the file for writing in this
   * process, whose lock their closing it would drop.
   */
  async during<T>(id: string, action: ActivityJson['action'], subject: string, work: (running: Running) => Promise<T>): Promise<T> {
    const running = this.begin(id, action, subject);
    try {
      if (action === 'import') await this.readersGone(id);
      return await work(running);
    } finally {
      running.end();
    }
  }

  /** Runs `work`, which opens the client's database read-only: refused (409) while an import of this process writes it. */
  async reading<T>(id: string, work: () => Promise<T>): Promise<T> {
    this.refuseWhileImporting(id);
    this.readers.set(id, (this.readers.get(id) ?? 0) + 1);
    try {
      return await work();
    } finally {
      const left = (this.readers.get(id) ?? 1) - 1;
      if (left > 0) this.readers.set(id, left);
      else {
        this.readers.delete(id);
        for (const wake of this.waiting.get(id) ?? []) wake();
        this.waiting.delete(id);
      }
    }
  }

  private readersGone(id: string): Promise<void> {
    if (!this.readers.get(id)) return Promise.resolve();
    return new Promise((resolve) => this.waiting.set(id, [...(this.waiting.get(id) ?? []), resolve]));
  }

  /** Whether an import of the client runs in this process: its database is then opened by nothing else here (see refuseWhileImporting). */
  importing(id: string): boolean {
    return this.running.get(id)?.action === 'import';
  }

  /**
   * Refuses (409) to open the client's database while an import of this process writes it: opening the file here
   * again and closing it would drop the import's lock (file locks belong to the process), and let another process
   * write beside it.
   */
  private refuseWhileImporting(id: string): void {
    const busy = this.running.get(id);
    if (busy?.action === 'import') throw busyError(busy);
  }

  /**
   * Refuses (409) while an action of the client runs, or only while one of `action` runs: an upload gone because an
   * import of it runs, a config saved while a report of it is being written (the report says the config it read).
   */
  refuseWhileBusy(id: string, action?: ActivityJson['action']): void {
    const busy = this.running.get(id);
    if (busy && (action === undefined || busy.action === action)) throw busyError(busy);
  }

  begin(id: string, action: ActivityJson['action'], subject: string): Running {
    this.refuseWhileBusy(id);
    const state: State = { action, subject, startedAt: Date.now(), step: null, fraction: () => null, rows: null };
    this.running.set(id, state);
    return {
      importProgress: (progress, queryProgress) => {
        state.step = progress.phase;
        state.rows = progress.rows ?? state.rows;
        // Reading knows its share from the bytes read; checking and saving from DuckDB's running statement; loading only its rows.
        const known = progress.fraction;
        state.fraction = progress.phase === 'reading' ? () => known : progress.phase === 'loading' ? () => null : queryProgress;
      },
      reportStep: (step) => {
        state.step = step;
      },
      end: () => {
        if (this.running.get(id) === state) this.running.delete(id);
        if (this.running.size > 0) return;
        for (const wake of this.idle.splice(0)) wake();
      },
    };
  }

  /** The actions running now, each as "the import of F.csv": what a server asked to stop waits for. */
  runningNow(): string[] {
    return [...this.running.values()].map((state) => `the ${state.action} of ${state.subject}`);
  }

  /** Resolves once no action of any client runs. */
  allEnded(): Promise<void> {
    if (this.running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  of(id: string): ActivityJson | null {
    const state = this.running.get(id);
    if (!state) return null;
    return {
      action: state.action,
      subject: state.subject,
      step: state.step,
      stepNumber: state.action === 'report' && state.step ? stepNumber(state.step as ReportStep) : null,
      steps: state.action === 'report' ? REPORT_STEPS.length : null,
      fraction: state.fraction(),
      rows: state.rows,
      seconds: Math.floor((Date.now() - state.startedAt) / 1000),
    };
  }
}
