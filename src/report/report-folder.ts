import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { CONFIG_FILE } from '../config/load.js';
import { CRASH_STEPS, crashPoint } from '../crash-point.js';
import { diskFullError, isDiskFull } from '../disk-full.js';
import { UserError } from '../errors.js';
import { refuseSystemFolder } from '../output-folder.js';
import { isLink } from '../paths.js';
import { isRunning, onInterrupt } from '../temp-files.js';

/** The files a report writes in its folder, besides charts/*.svg: together they are one report. */
export const REPORT_FILE_NAMES = ['report.pdf', 'report.pptx', 'metrics.xlsx', 'analyst-notes.xlsx', 'report.html', 'metrics.csv', 'themes.csv', 'metrics.json'] as const;
export const CHARTS_FOLDER = 'charts';

/**
 * Where a client project keeps a report when no folder is named: reports/<period>-<language>/
 * beside its config, the folder `init` makes and the local web page writes and lists
 * ("2017-10-es", "2017-Q4-en", "2017-10-01-to-2017-10-15-fr"). `periodLabel` is the parsed
 * period's label, so that "2017-q4" and "2017Q4" are one folder. A config not named
 * replybench.yaml shares its folder with other clients' configs: its reports take its
 * client id as well ("2017-10-es-acme").
 */
export function projectReportFolder(config: { baseDir: string; source: string; client: string }, periodLabel: string, language: string): string {
  const own = basename(config.source) === CONFIG_FILE ? '' : `-${config.client}`;
  return join(config.baseDir, 'reports', `${periodLabel.replace('..', '-to-')}-${language}${own}`);
}

const LOCK_NAME = '.replybench-report.lock';
/** Locks this process holds: its own lock file found on disk is another report of this process, not a stale one. */
const heldLocks = new Set<string>();
const PARTIAL = /^\.replybench-partial-(\d+)-/;
/** In the hidden folder, once every file is written: the files to move into place, one per line. */
const COMMIT_LIST = '.commit';

function code(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'error';
}

/**
 * The output folder of one report, written all or nothing. Every file is
 * written into a hidden folder inside it first (the same disk, so each move
 * is a rename); only when all are complete are they moved into place, and
 * the files an earlier report left that this one does not write are removed:
 * the folder never mixes two reports, even when the run is killed or the
 * disk fills. A lock file keeps a second report from writing into the same
 * folder at the same time; what a killed run left (its lock, its hidden
 * folder) is recognised by its process id and cleared by the next run.
 */
export class ReportFolder {
  private readonly staged = new Set<string>();
  private released = false;

  private constructor(
    readonly dir: string,
    private readonly partial: string,
    private readonly lock: string,
    private readonly stopGuarding: () => void,
    /** This run made the folder. */
    private readonly made: boolean,
  ) {}

  /** Takes the folder (created if needed) for one report; `option` names it in messages (--out). */
  static open(outDir: string, option = '--out'): ReportFolder {
    const dir = resolve(outDir);
    refuseSystemFolder(outDir, option);
    const made = !existsSync(dir);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new UserError(`${option} "${outDir}": cannot write the report there (${code(error)}); choose a folder you can write to.`);
    }
    const lock = join(dir, LOCK_NAME);
    takeLock(lock, outDir, option);
    let partial: string;
    try {
      removeStalePartials(dir);
      partial = mkdtempSync(join(dir, `.replybench-partial-${process.pid}-`));
    } catch (error) {
      rmSync(lock, { force: true });
      heldLocks.delete(lock);
      if (made) removeIfEmpty(dir);
      if (isDiskFull(error)) throw diskFullError(dir, 1, 'free space there and run the report again (the folder is as it was)');
      throw new UserError(`${option} "${outDir}": cannot write the report there (${code(error)}); choose a folder you can write to.`);
    }
    // Interrupted, the run leaves the folder as it found it.
    const stopGuarding = onInterrupt(() => {
      rmSync(partial, { recursive: true, force: true });
      rmSync(lock, { force: true });
    });
    return new ReportFolder(dir, partial, lock, stopGuarding, made);
  }

  /** Where a file of the report will be once the report is complete. */
  finalPath(name: string): string {
    return join(this.dir, name);
  }

  /** Writes one file of the report (`charts/x.svg` for a chart) into the hidden folder; a full disk is a one-line error. */
  write(name: string, data: string | Uint8Array): string {
    const path = join(this.partial, name);
    try {
      if (name.includes('/')) mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, data);
    } catch (error) {
      const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
      if (isDiskFull(error)) throw diskFullError(this.dir, bytes, `free space there and run the report again (the folder still holds the previous report, untouched)`);
      throw new UserError(`${this.finalPath(name)}: cannot write the output (${code(error)}); check that the folder exists and is writable.`);
    }
    this.staged.add(name);
    return this.finalPath(name);
  }

  /** Moves every written file into place (moveIntoPlace), having written down which. */
  commit(): void {
    crashPoint(CRASH_STEPS.reportBeforeMove);
    // The files to move, written down first: a run killed while it moves them (one rename each) is finished by the next
    // (removeStalePartials), so the folder is never left a mix of two reports. Best effort on a full disk: the moves need no room.
    try {
      writeFileSync(join(this.partial, COMMIT_LIST), [...this.staged].join('\n'));
    } catch (error) {
      if (!isDiskFull(error)) throw error;
      // A list cut short would have the next run remove the files it leaves out.
      rmSync(join(this.partial, COMMIT_LIST), { force: true });
    }
    moveIntoPlace(this.dir, this.partial, new Set(this.staged));
  }

  /**
   * Removes the hidden folder (whatever is left in it) and the lock, and the folder itself when this
   * run made it and wrote nothing into it: a failed report leaves no empty folder for the web page to list.
   */
  release(): void {
    if (this.released) return;
    this.released = true;
    this.stopGuarding();
    rmSync(this.partial, { recursive: true, force: true });
    rmSync(this.lock, { force: true });
    heldLocks.delete(this.lock);
    if (this.made) removeIfEmpty(this.dir);
  }
}

function removeIfEmpty(dir: string): void {
  if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
}

/** A report folder another running report writes into: its process. */
export class ReportFolderHeld extends UserError {
  constructor(
    message: string,
    readonly owner: number,
  ) {
    super(message);
  }
}

/** The running process (this one's report too) that holds the lock of the report folder `outDir`, or null. */
export function reportFolderHolder(outDir: string): number | null {
  return lockHolder(join(outDir, LOCK_NAME));
}

function lockHolder(lock: string): number | null {
  let owner: number;
  try {
    owner = Number(readFileSync(lock, 'utf8').trim());
  } catch {
    return null;
  }
  const running = owner === process.pid ? heldLocks.has(lock) : Number.isInteger(owner) && owner > 0 && isRunning(owner);
  return running ? owner : null;
}

/** Creates the lock file, or refuses when a running report holds it; a lock whose process is gone is taken over. */
function takeLock(lock: string, outDir: string, option: string): void {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lock, 'wx');
      try {
        writeSync(fd, `${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      heldLocks.add(lock);
      return;
    } catch (error) {
      if (code(error) !== 'EEXIST') {
        if (isDiskFull(error)) throw diskFullError(lock, 1, 'free space there and run the report again');
        throw new UserError(`${option} "${outDir}": cannot write the report there (${code(error)}); choose a folder you can write to.`);
      }
    }
    const owner = lockHolder(lock);
    if (owner !== null) throw new ReportFolderHeld(`${option} "${outDir}": another replybench (process ${owner}) is writing a report into this folder; wait until it ends, or choose another --out.`, owner);
    rmSync(lock, { force: true });
  }
  throw new UserError(`${option} "${outDir}": cannot take the folder's lock (${lock}); remove that file if no replybench is running, then run the report again.`);
}

/**
 * Moves the report's files (`names`, `charts/x.svg` for a chart) from the hidden folder `partial` into `dir`, those
 * already moved aside, then removes the files of an earlier report that this one did not write (report files and chart
 * SVGs only: nothing else in the folder is touched).
 */
function moveIntoPlace(dir: string, partial: string, names: ReadonlySet<string>): void {
  const charts = join(dir, CHARTS_FOLDER);
  // A charts/ that is not a folder of its own (a link elsewhere) is replaced, not written through nor emptied.
  if (isLink(charts)) rmSync(charts, { force: true });
  if ([...names].some((name) => name.startsWith(`${CHARTS_FOLDER}/`))) mkdirSync(charts, { recursive: true });
  let moved = 0;
  for (const name of names) {
    if (!existsSync(join(partial, name))) continue;
    renameSync(join(partial, name), join(dir, name));
    if (++moved === 1) crashPoint(CRASH_STEPS.reportMidMove);
  }
  for (const name of REPORT_FILE_NAMES) if (!names.has(name)) rmSync(join(dir, name), { force: true });
  if (existsSync(charts)) {
    for (const file of readdirSync(charts)) {
      if (file.endsWith('.svg') && !names.has(`${CHARTS_FOLDER}/${file}`)) rmSync(join(charts, file), { force: true });
    }
  }
  removeIfEmpty(charts);
}

function isReportFileName(name: string): boolean {
  return (REPORT_FILE_NAMES as readonly string[]).includes(name) || new RegExp(`^${CHARTS_FOLDER}/[A-Za-z0-9_-][A-Za-z0-9._-]*\\.svg$`).test(name);
}

/**
 * Hidden folders of runs that were killed before they finished: removed, once the moves of a run killed while it
 * moved its files into place (its list of them written) are finished.
 */
function removeStalePartials(dir: string): void {
  for (const name of readdirSync(dir)) {
    const owner = PARTIAL.exec(name)?.[1];
    if (owner === undefined || isRunning(Number(owner))) continue;
    const partial = join(dir, name);
    const list = join(partial, COMMIT_LIST);
    // Only the names a report writes: the list is a file in a folder others may write to.
    if (existsSync(list)) moveIntoPlace(dir, partial, new Set(readFileSync(list, 'utf8').split('\n').filter(isReportFileName)));
    rmSync(partial, { recursive: true, force: true });
  }
}
