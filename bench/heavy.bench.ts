/**
 * Heavy month: the CLI on one month that holds 1,000,000 posts (about 625,000
 * inbound mentions of 10 brands), and on a 10,000,000-post month. Every step
 * is a child process (start included), timed against DuckDB's raw load of the
 * same input in the same run: `CREATE TABLE t AS SELECT * FROM read_csv(...)`
 * into a fresh file database (bench/import-reference.mjs).
 *
 *   replybench import 1M              / raw read_csv of the 1M file     target <= 1.5x
 *   a second 1M file into the store   / raw read_csv of that file       target <= 1.6x
 *   replybench metrics, 1M month      / raw read_csv of the 1M file     target <= 1.5x (the first look: nothing kept yet)
 *   the same metrics again            / raw read_csv of the 1M file     target <= 0.3x (the analysis kept beside the store)
 *   replybench check, after metrics   / raw read_csv of the 1M file     target <= 0.3x
 *   replybench report, after them     / raw read_csv of the 1M file     target <= 2.5x
 *   replybench report, --no-cache     / raw read_csv of the 1M file     (shown: the report on its own)
 *   replybench import 10M             / raw read_csv of the 10M file    target <= 2x, peak < 1.5 GB
 *   replybench metrics, 10M month     / metrics of the 1M month         target <= 11x, peak < 4 GB (--no-cache: each run computes)
 *
 * Then, in this process, what the themes add to the metrics of the 1M month
 * (issue 20's target: at most 25%): metrics, then themes, on one analysis
 * (bench/themes-share.ts), on the store of the first round.
 *
 * The 1M steps run in RUNS rounds (reference, import, metrics, metrics again,
 * check, report, report --no-cache, reference of the second file, second
 * import), each on fresh databases; medians are shown. The 10M import and its
 * reference run once, its metrics RUNS times. Nothing is asserted: figures,
 * ratios and targets are printed.
 *
 * BENCH_HEAVY_ROWS=50000 scales the 1M case down (the large case is 10x it),
 * for development; BENCH_HEAVY_10M=0 leaves the large case out. Inputs are
 * generated once into .cache/bench/ (bench/heavy-data.ts).
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { loadConfig } from '../src/config/load.js';
import { Store } from '../src/store/database.js';
import { ROOT, runNode, type ChildRun } from './child.js';
import { HEAVY_PERIOD, heavyConfig, heavyCsv, type HeavyFile } from './heavy-data.js';
import { type ThemesShare, themesShare } from './themes-share.js';
import { median, show } from './timing.js';

const CACHE = join(ROOT, '.cache/bench');
const CLI = join(ROOT, 'bin/replybench.js');
const REFERENCE = join(ROOT, 'bench/import-reference.mjs');
const RUNS = 3;

/** The runs of one step: successful runs are kept, the first failure is remembered. */
class Step {
  readonly runs: ChildRun[] = [];
  error: string | null = null;
  /** What the step printed on its last successful run (a check that it did the work). */
  lastOutput = '';

  constructor(readonly label: string) {}

  add(run: ChildRun): boolean {
    if (run.status === 0) {
      this.runs.push(run);
      this.lastOutput = run.stdout;
      return true;
    }
    this.error ??= `exit ${run.status}: ${firstLines(run.stderr)}`;
    return false;
  }

  get ok(): boolean {
    return this.runs.length > 0;
  }

  /** Median wall time in seconds. */
  get seconds(): number {
    return median(this.runs.map((run) => run.wallMs / 1000));
  }

  get cpuSeconds(): number {
    return median(this.runs.map((run) => run.cpuMs / 1000));
  }

  get peakMb(): number {
    return Math.max(...this.runs.map((run) => run.maxRssMb));
  }
}

interface Ratio {
  over: Step;
  target: number;
}

interface Row {
  step: Step;
  ratio?: Ratio;
  /** Peak memory target in MB. */
  peakTarget?: number;
}

function firstLines(stderr: string): string {
  const lines = stderr
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('BENCH_'))
    .slice(0, 3);
  return lines.join(' | ').slice(0, 300);
}

/** 1000000 -> "1M", 50000 -> "50k". */
function size(rows: number): string {
  if (rows >= 1_000_000 && rows % 1_000_000 === 0) return `${rows / 1_000_000}M`;
  if (rows >= 1_000 && rows % 1_000 === 0) return `${rows / 1_000}k`;
  return rows.toLocaleString('en-US');
}

function removeDatabase(path: string): void {
  rmSync(path, { force: true });
  rmSync(`${path}.wal`, { force: true });
  rmSync(`${path}.cache`, { recursive: true, force: true });
}

function describe(file: HeavyFile): string {
  const mb = (statSync(file.path).size / 1e6).toFixed(0);
  return `${file.path} (${file.rows.toLocaleString('en-US')} rows, ${mb} MB, ${file.generatedIn === null ? 'cached' : `generated in ${file.generatedIn.toFixed(1)} s`})`;
}

function load(): string {
  return `${loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')} (1, 5, 15 min; ${availableParallelism()} cores)`;
}

/** The aligned table: one row per step, its median time, the ratio and the target beside it. */
function table(rows: Row[]): string {
  const header = ['step', 'median', 'runs (s)', 'CPU', 'peak', 'ratio', 'CPU ratio', 'against', 'target'];
  const lines = rows.map(({ step, ratio, peakTarget }) => {
    if (!step.ok) return [step.label, step.error ? 'failed' : 'not run', '', '', '', '', '', '', step.error ? '(see below)' : ''];
    const targets: string[] = [];
    let shown = '';
    let cpuShown = '';
    let against = '';
    if (ratio) {
      against = ratio.over.label;
      if (ratio.over.ok) {
        const value = step.seconds / ratio.over.seconds;
        shown = `${value.toFixed(2)}x`;
        cpuShown = `${(step.cpuSeconds / ratio.over.cpuSeconds).toFixed(2)}x`;
        targets.push(`<= ${ratio.target}x: ${value <= ratio.target ? 'met' : 'MISSED'}`);
      } else {
        shown = 'n/a';
        targets.push(`<= ${ratio.target}x: n/a`);
      }
    }
    if (peakTarget !== undefined) targets.push(`peak < ${(peakTarget / 1024).toFixed(1)} GB: ${step.peakMb < peakTarget ? 'met' : 'MISSED'}`);
    return [
      step.label,
      `${step.seconds.toFixed(2)} s`,
      step.runs.map((run) => (run.wallMs / 1000).toFixed(2)).join(' '),
      `${step.cpuSeconds.toFixed(1)} s`,
      `${step.peakMb.toFixed(0)} MB`,
      shown,
      cpuShown,
      against,
      targets.join('; '),
    ];
  });
  const all = [header, ...lines];
  const widths = header.map((_, column) => Math.max(...all.map((line) => (line[column] ?? '').length)));
  const right = new Set([1, 3, 4, 5, 6]);
  const format = (line: string[]) =>
    line
      .map((cell, column) => (right.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...lines.map(format)].join('\n');
}

interface MetricsJson {
  dataQuality?: { posts?: number };
  brands?: Array<{ inbound?: number; answered?: number; broadcasts?: number }>;
}

/** One line on what `replybench metrics --format json` found, to show the month was read whole. */
function metricsCheck(step: Step): string {
  if (!step.ok) return `${step.label}: ${step.error ? 'failed' : 'not run'}`;
  try {
    const report = JSON.parse(step.lastOutput) as MetricsJson;
    const sum = (key: 'inbound' | 'answered' | 'broadcasts') => (report.brands ?? []).reduce((total, brand) => total + (brand[key] ?? 0), 0);
    const inbound = sum('inbound');
    const answered = sum('answered');
    return `${step.label}: ${(report.dataQuality?.posts ?? Number.NaN).toLocaleString('en-US')} posts in the month, ${inbound.toLocaleString('en-US')} inbound mentions, ${answered.toLocaleString('en-US')} answered (${((100 * answered) / inbound).toFixed(1)}%), ${sum('broadcasts').toLocaleString('en-US')} broadcasts`;
  } catch (error) {
    return `${step.label}: output is not JSON (${error instanceof Error ? error.message : String(error)})`;
  }
}

function outputCheck(step: Step): string {
  return `${step.label}: ${step.ok ? step.lastOutput.trim().split('\n')[0] : step.error ? 'failed' : 'not run'}`;
}

/** The report's PDF (the path `replybench report` prints) and its size. */
function pdfCheck(stdout: string): string {
  const path = resolve(ROOT, stdout.trim().split('\n')[0] ?? '');
  return existsSync(path) ? `${basename(path)}, ${(statSync(path).size / 1024).toFixed(0)} kB` : `no file at ${path}`;
}

export async function run(): Promise<void> {
  const rows = Number(process.env.BENCH_HEAVY_ROWS ?? 1_000_000);
  if (!Number.isSafeInteger(rows) || rows < 100) {
    console.log(`BENCH_HEAVY_ROWS=${process.env.BENCH_HEAVY_ROWS}: use a whole number of posts, at least 100 (e.g. 50000); section skipped`);
    return;
  }
  const large = process.env.BENCH_HEAVY_10M === '0' ? null : rows * 10;
  const one = size(rows);
  const ten = large === null ? '' : size(large);
  if (rows !== 1_000_000) console.log(`BENCH_HEAVY_ROWS=${rows}: scaled down; the targets are for 1M and 10M posts, and process start weighs more on small inputs`);

  const config = heavyConfig(CACHE);
  const first = await heavyCsv(CACHE, rows);
  const second = await heavyCsv(CACHE, rows, true);
  const big = large === null ? null : await heavyCsv(CACHE, large);
  console.log(`month ${HEAVY_PERIOD} (UTC), 10 brands: ${config}`);
  for (const file of [first, second, big]) if (file) console.log(`  ${describe(file)}`);

  const work = mkdtempSync(join(tmpdir(), 'replybench-heavy-'));
  let serial = 0;
  const fresh = (name: string) => join(work, `${name}-${serial++}.duckdb`);
  const reference = (step: Step, csv: string) => {
    const database = fresh('reference');
    step.add(runNode([REFERENCE, csv, database]));
    removeDatabase(database);
  };
  const importInto = (step: Step, csv: string, database: string) => step.add(runNode([CLI, 'import', csv, '--db', database]));
  const metricsOf = (step: Step, database: string, ...extra: string[]) =>
    step.add(runNode([CLI, 'metrics', '--period', HEAVY_PERIOD, '--format', 'json', '--config', config, '--db', database, ...extra]));
  const reportOf = (step: Step, database: string, out: string, ...extra: string[]) =>
    step.add(runNode([CLI, 'report', '--period', HEAVY_PERIOD, '--config', config, '--db', database, '--out', out, ...extra]));

  const raw1 = new Step(`raw read_csv, ${one} file`);
  const import1 = new Step(`replybench import ${one}`);
  const raw2 = new Step(`raw read_csv, second ${one} file`);
  const import2 = new Step(`second ${one} file into the ${one} store`);
  const metrics1 = new Step(`replybench metrics, ${one} month`);
  const again1 = new Step('the same metrics again');
  const check1 = new Step('replybench check, after metrics');
  const report1 = new Step(`replybench report, ${one} month, after them`);
  const fresh1 = new Step(`replybench report, ${one} month, --no-cache`);
  const raw10 = new Step(`raw read_csv, ${ten} file`);
  const import10 = new Step(`replybench import ${ten}`);
  const metrics10 = new Step(`replybench metrics, ${ten} month`);

  let reportCheck = 'no report written';
  let share: ThemesShare | null = null;
  const loadBefore = load();
  try {
    for (let round = 0; round < RUNS; round += 1) {
      reference(raw1, first.path);
      const store = fresh('store');
      const imported = importInto(import1, first.path, store);
      if (imported) {
        metricsOf(metrics1, store);
        metricsOf(again1, store);
        check1.add(runNode([CLI, 'check', '--period', HEAVY_PERIOD, '--config', config, '--db', store]));
        const out = join(work, `report-${round}`);
        if (reportOf(report1, store, out)) reportCheck = pdfCheck(report1.lastOutput);
        reportOf(fresh1, store, out, '--no-cache');
        rmSync(out, { recursive: true, force: true });
        if (round === 0) share = await themesOnTheMonth(store, config);
      }
      reference(raw2, second.path);
      if (imported) {
        const both = fresh('both');
        copyFileSync(store, both);
        if (existsSync(`${store}.wal`)) copyFileSync(`${store}.wal`, `${both}.wal`);
        importInto(import2, second.path, both);
        removeDatabase(both);
      }
      removeDatabase(store);
    }
    if (big) {
      reference(raw10, big.path);
      const store = fresh('store-large');
      if (importInto(import10, big.path, store)) for (let round = 0; round < RUNS; round += 1) metricsOf(metrics10, store, '--no-cache');
      removeDatabase(store);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const loadAfter = load();

  const rowsShown: Row[] = [
    { step: raw1 },
    { step: import1, ratio: { over: raw1, target: 1.5 } },
    { step: raw2 },
    { step: import2, ratio: { over: raw2, target: 1.6 } },
    { step: metrics1, ratio: { over: raw1, target: 1.5 } },
    { step: again1, ratio: { over: raw1, target: 0.3 } },
    { step: check1, ratio: { over: raw1, target: 0.3 } },
    { step: report1, ratio: { over: raw1, target: 2.5 } },
    { step: fresh1, ratio: { over: raw1, target: 2.5 } },
  ];
  if (big) {
    rowsShown.push(
      { step: raw10 },
      { step: import10, ratio: { over: raw10, target: 2 }, peakTarget: 1536 },
      { step: metrics10, ratio: { over: metrics1, target: 11 }, peakTarget: 4096 },
    );
  }
  console.log(`load average before measuring: ${loadBefore}`);
  console.log(table(rowsShown));
  console.log(`load average after measuring:  ${loadAfter}`);
  console.log('times are wall times of child processes, start included; CPU and peak are the child\'s own (the report\'s Chromium is not counted);');
  console.log('the targets are on the wall-time ratio; the CPU ratio moves less when other processes load the machine');
  for (const row of rowsShown) if (row.step.error) console.log(`${row.step.label} ${row.step.ok ? 'failed in some runs' : 'failed'}: ${row.step.error}`);
  console.log('checks:');
  for (const step of [import1, import2, ...(big ? [import10] : [])]) console.log(`  ${outputCheck(step)}`);
  for (const step of [metrics1, again1, ...(big ? [metrics10] : [])]) console.log(`  ${metricsCheck(step)}`);
  console.log(`  ${again1.label}: ${again1.ok && again1.lastOutput === metrics1.lastOutput ? 'the same JSON as the first' : 'NOT the same JSON as the first'}`);
  console.log(`  ${report1.label}: ${reportCheck}`);
  if (share) {
    console.log(`themes of the ${one} month on one analysis: metrics ${show(share.metrics)}, then themes ${show(share.themes)}`);
    console.log(`  ratio themes / metrics, what the themes add to a metrics run: ${share.ratio.toFixed(2)}x (target <= 0.25x: ${share.ratio <= 0.25 ? 'met' : 'MISSED'})`);
  }
}

async function themesOnTheMonth(database: string, configPath: string): Promise<ThemesShare> {
  const store = await Store.open(database, { readOnly: true });
  try {
    return await themesShare(store, loadConfig(configPath), HEAVY_PERIOD, RUNS);
  } finally {
    store.close();
  }
}
