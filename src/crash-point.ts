/**
 * A test hook: with REPLYBENCH_TEST_CRASH_AT=<step> in the environment, the
 * process kills itself when it reaches that named step: with SIGKILL (no
 * handler, no cleanup, as a power cut or the kernel's OOM killer would), or
 * with the signal REPLYBENCH_TEST_CRASH_SIGNAL names (SIGINT, SIGTERM: what
 * Ctrl-C and a service manager send). The reliability tests stop a run at an
 * exact point this way instead of by timing a kill.
 */
export const CRASH_STEPS = {
  /** An import's rows are in `posts`, its transaction not committed yet. */
  importBeforeCommit: 'import-before-commit',
  /** An import has committed; its data is in the `.wal`, not yet checkpointed into the database file. */
  importBeforeCheckpoint: 'import-before-checkpoint',
  /** An import's temporary copy of the export is written (a workbook turned into CSV). */
  importTempCopy: 'import-temp-copy',
  /** A report's files are all written in its temporary folder, none moved into --out yet. */
  reportBeforeMove: 'report-before-move',
  /** A report has moved the first of its files into --out, not the others yet. */
  reportMidMove: 'report-mid-move',
  /** A report's browser is running. */
  reportBrowserStarted: 'report-browser-started',
  /** A file replaced whole (an --out file, a saved config, a logo) is written under its temporary name, not renamed yet. */
  replaceBeforeRename: 'replace-before-rename',
} as const;

export type CrashStep = (typeof CRASH_STEPS)[keyof typeof CRASH_STEPS];

const SIGNALS = ['SIGKILL', 'SIGINT', 'SIGTERM'] as const;

export function crashPoint(step: CrashStep): void {
  if (process.env.REPLYBENCH_TEST_CRASH_AT !== step) return;
  const signal = SIGNALS.find((name) => name === process.env.REPLYBENCH_TEST_CRASH_SIGNAL) ?? 'SIGKILL';
  process.kill(process.pid, signal);
}
