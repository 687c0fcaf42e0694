/**
 * `replybench demo`: the newcomer's whole path in one call. Generates the
 * sample exports, imports them into a fresh database, computes the metrics
 * and writes the report (with its diagnostics) for the sample's newest full
 * month.
 * The output folder is a complete project (config, logo, exports, database,
 * report) that the other commands can be tried on.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/types.js';
import { UserError } from '../errors.js';
import { importFiles } from '../ingest/import.js';
import type { FileImportResult } from '../ingest/result.js';
import { withAnalysis } from '../analysis/analysis.js';
import { metricsOf } from '../metrics/compute.js';
import { refuseSystemFolder } from '../output-folder.js';
import type { Language } from '../report/i18n/language.js';
import { findBrowser, writeReport, type WrittenReport } from '../report/index.js';
import { projectReportFolder } from '../report/report-folder.js';
import { Store } from '../store/database.js';
import { setConfigLanguage } from './config-language.js';
import { writeSampleExports, type SampleExport } from './index.js';
import { SAMPLE_DATA_DIR, SAMPLE_PROJECT_FILES } from './paths.js';

/** Marks a folder as the demo's own, so a second run may overwrite it. */
const MARKER = '.replybench-demo';

export interface DemoOptions {
  outDir: string;
  /** Report language; default the sample config's (en). */
  lang?: Language;
  /** One progress line at a time (the CLI writes them to stderr). */
  log?: (line: string) => void;
}

export interface DemoResult {
  outDir: string;
  configPath: string;
  databasePath: string;
  exports: SampleExport[];
  imports: FileImportResult[];
  period: string;
  report: WrittenReport;
}

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const log = options.log ?? (() => undefined);
  // Fail before the long steps when the PDF could not be printed anyway.
  findBrowser();
  const outDir = resolve(options.outDir);
  prepareFolder(outDir);
  for (const file of SAMPLE_PROJECT_FILES) copyFileSync(join(SAMPLE_DATA_DIR, file), join(outDir, file));
  const configPath = join(outDir, 'replybench.yaml');
  if (options.lang) setConfigLanguage(configPath, options.lang);
  const config = loadConfig(configPath);

  log(`[1/4] generating the sample exports in ${join(outDir, 'exports')}`);
  const { data, files } = writeSampleExports(join(outDir, 'exports'));
  for (const file of files) log(`      ${file.name}: ${count(file.rows)} rows, ${file.holds}`);

  const databasePath = config.database ? resolve(config.baseDir, config.database) : join(outDir, 'replybench.duckdb');
  for (const path of [databasePath, `${databasePath}.wal`]) rmSync(path, { force: true });
  log(`[2/4] importing them into ${databasePath}`);
  const store = await Store.open(databasePath);
  try {
    const imports = await importSample(store, files, outDir, log);
    const period = await newestFullMonth(store, config);
    log(`[3/4] computing the metrics for ${period} (${count(data.posts.length)} posts in the sample)`);
    const report = await withAnalysis(store, config, period, async (analysis) => {
      const metrics = await metricsOf(analysis);
      const language = config.report.language;
      // Where `replybench report` writes without --out, and the local web page lists a client's reports.
      const reportDir = projectReportFolder(config, analysis.period.label, language);
      log(`[4/4] diagnosing and writing the report (${language}) in ${reportDir}`);
      // As `replybench report` does: writeReport adds the diagnostics and the "What to improve" advice.
      return writeReport({ config, analysis, metrics, outDir: reportDir, lang: language });
    });
    return { outDir, configPath, databasePath, exports: files, imports, period, report };
  } finally {
    store.close();
  }
}

/** The folder must be new, empty, or a previous demo's: never overwrite someone's files. */
function prepareFolder(outDir: string): void {
  refuseSystemFolder(outDir, '--out');
  if (existsSync(outDir)) {
    const entries = readdirSync(outDir);
    if (entries.length > 0 && !entries.includes(MARKER)) {
      throw new UserError(`--out: "${outDir}" already holds other files; pick a new or empty folder for the demo (e.g. --out replybench-demo).`);
    }
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, MARKER), 'Written by "replybench demo"; the next demo run may overwrite this folder.\n');
}

async function importSample(store: Store, files: readonly SampleExport[], projectDir: string, log: (line: string) => void): Promise<FileImportResult[]> {
  const results: FileImportResult[] = [];
  for (const file of files) {
    const format = file.mapping ? { format: 'generic', mapping: join(projectDir, file.mapping) } : { format: file.format };
    // No --platform: each format reads it from the file, as a later "import exports/…" of the docs does, so that import finds
    // the file already imported (a batch read with another --platform is read again: its posts' keys may differ).
    const outcome = await importFiles(store, [file.path], { ...format, timezone: file.timezone });
    const failure = outcome.failures[0];
    if (failure) throw new UserError(`the sample file ${file.name} did not import (${failure.message}); this is a bug in replybench, please report it.`);
    for (const result of outcome.results) {
      const fromOthers = result.duplicates - result.repeatedInFile;
      const duplicates = [
        ...(fromOthers > 0 ? [`${count(fromOthers)} already imported from another file`] : []),
        ...(result.repeatedInFile > 0 ? [`${count(result.repeatedInFile)} repeated within the file`] : []),
      ];
      log(`      ${file.name}: ${[`${count(result.imported)} posts`, ...duplicates, `${count(result.rejected)} rejected`].join(', ')}`);
      results.push(result);
    }
  }
  return results;
}

const monthRow = z.object({ month: z.string().nullable() });

/** The month before the newest post's month, in the config's timezone: the last month the data covers whole. */
async function newestFullMonth(store: Store, config: Config): Promise<string> {
  const [row] = await store.rows('newest month', monthRow, "SELECT strftime(timezone($tz, max(created_at)), '%Y-%m') AS month FROM posts", { tz: config.timezone });
  const month = row?.month;
  if (!month) throw new UserError('the sample imported no posts; this is a bug in replybench, please report it.');
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}
