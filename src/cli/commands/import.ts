import type { Command } from 'commander';
import { existsSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { loadConfig } from '../../config/load.js';
import type { Config } from '../../config/types.js';
import { AlreadyReported, UserError } from '../../errors.js';
import { FORMAT_CHOICES } from '../../ingest/formats/index.js';
import { type DryRunContext, runDryRun } from '../../ingest/dry-run.js';
import { importWithOptions, resolveImportOptions } from '../../ingest/import.js';
import { exportHeader, mappingSkeleton } from '../../ingest/mapping-guess.js';
import { noticeText } from '../../ingest/notices.js';
import { reasonCountsIn } from '../../ingest/reason-texts.js';
import type { FileImportResult } from '../../ingest/result.js';
import type { Language } from '../../report/i18n/language.js';
import { writeOutputFile } from '../../output-file.js';
import { IMPORT_MEMORY, Store } from '../../store/database.js';
import { trimDeadTail } from '../../store/trim.js';
import { databasePath, newDatabaseFootprint, printStoreNotices } from '../database.js';
import { stdoutClosed } from '../stdout.js';
import { phaseProfiler } from './import-profile.js';
import { ProgressLine } from './import-progress.js';
import { closingSummary, fileSummary } from './import-summary.js';
import { DB_HELP } from '../shared-options.js';
import { onInterrupt } from '../../temp-files.js';
import { commandIn } from '../launcher.js';

interface ImportOptions {
  db?: string;
  config: string;
  format: string;
  mapping?: string;
  platform?: string;
  timezone?: string;
  json?: boolean;
  dryRun?: boolean;
  again?: boolean;
  writeMapping?: string;
}

export function registerImport(program: Command): Command {
  return program
    .command('import')
    .description('load export files into the database')
    .argument('<file...>', 'export files (CSV, TSV, XLSX, or a ZIP of them)')
    .option('--db <path>', DB_HELP)
    .option('--config <path>', 'config file', 'replybench.yaml')
    .option('--format <name>', `auto|${FORMAT_CHOICES.join('|')}`, 'auto')
    .option('--mapping <file>', 'column mapping (YAML) for --format generic')
    .option('--platform <name>', 'platform of the posts when the export does not say')
    .option('--timezone <tz>', "timezone of local times written without an offset (default: the config's timezone, else UTC)")
    .option('--json', 'print one JSON object per file')
    .option('--dry-run', 'show how the files would be read and stored (format, columns, first rows, rejects), writing nothing')
    .option('--again', 'read files imported before again, to fill the columns a store upgrade added (adds no post)')
    .option('--write-mapping <file>', 'write a generic mapping for the export with the best guess of each column, to check and import with; imports nothing')
    .action(async (files: string[], options: ImportOptions, command: Command) => {
      if (options.dryRun && options.again) throw new UserError('--dry-run and --again: use one or the other.');
      if (options.writeMapping !== undefined) return writeMapping(files, options.writeMapping);
      const configGiven = command.getOptionValueSource('config') === 'cli';
      if (options.dryRun) {
        const config = dryRunConfig(options, configGiven);
        return runDryRun(files, { ...options, timezone: localTimesIn(options, config), context: dryRunContext(options, config) });
      }
      await runImport(files, options, configGiven);
    });
}

async function writeMapping(files: string[], target: string): Promise<void> {
  const [file] = files;
  if (file === undefined || files.length > 1) throw new UserError('--write-mapping: give one export, the one the mapping is for.');
  if (existsSync(target)) throw new UserError(`--write-mapping "${target}": the file exists; choose another name, or remove it first.`);
  const { names, delimiter, rows } = await exportHeader(file);
  if (names.length === 0) throw new UserError(`${file}: no header row found; export the data again.`);
  writeOutputFile(target, mappingSkeleton(basename(file), names, delimiter, rows));
  process.stdout.write(`Wrote ${target}: check each column and date.format, then run\n  ${commandIn(process.cwd())} import --format generic --mapping ${target} --dry-run ${file}\n`);
}

/**
 * The config is optional for import: it is read when given, or when replybench.yaml exists here. A brand without
 * handles yet is no obstacle (a new client imports its exports first, to pick its handles from them): the import
 * needs only the database and the timezone.
 */
function importConfig(options: ImportOptions, configGiven: boolean): Config | null {
  return configGiven || existsSync(options.config) ? loadConfig(options.config, { draft: true }) : null;
}

/**
 * A dry run is about the file: without a readable config it looks at the file alone. A --config that names no file is
 * refused, as by the import: the dry run would read times in another zone, against another database, without a word.
 */
function dryRunConfig(options: ImportOptions, configGiven: boolean): Config | null | undefined {
  if (configGiven && !existsSync(options.config)) return importConfig(options, configGiven);
  try {
    return importConfig(options, configGiven);
  } catch (error) {
    if (error instanceof UserError) return undefined;
    throw error;
  }
}

/**
 * The zone of local times written without an offset: --timezone, else the client's (listening and care tools export
 * local times in the account's zone, and the page reads them in the client's too), else UTC.
 */
function localTimesIn(options: ImportOptions, config: Config | null | undefined): string {
  return options.timezone ?? config?.timezone ?? 'UTC';
}

/**
 * Where a dry run looks beyond the file: the config's database (its posts are counted) and timezone (the file's days
 * are counted in it); only --db's database when the config cannot be read (undefined).
 */
function dryRunContext(options: ImportOptions, config: Config | null | undefined): DryRunContext {
  if (config === undefined) return options.db === undefined ? {} : { database: databasePath(options.db, null) };
  return { database: databasePath(options.db, config), ...(config ? { daysIn: config.timezone } : {}) };
}

async function runImport(files: string[], options: ImportOptions, configGiven: boolean): Promise<void> {
  // Options and the database path are checked before anything is read or created.
  const config = importConfig(options, configGiven);
  const resolved = resolveImportOptions({
    format: options.format,
    timezone: localTimesIn(options, config),
    ...(options.mapping !== undefined ? { mapping: options.mapping } : {}),
    ...(options.platform !== undefined ? { platform: options.platform } : {}),
    ...(options.again ? { again: true } : {}),
  });
  const database = databasePath(options.db, config);
  const footprint = newDatabaseFootprint(database);
  const store = await Store.open(database, { memoryLimit: IMPORT_MEMORY });
  printStoreNotices(store.notices);
  // Set by the first file that lands: a later failure (a full disk) must not take the database away with it.
  let added = false;
  let failed = false;
  const progress = options.json ? null : await ProgressLine.create(store);
  const profiler = process.env.REPLYBENCH_PROFILE === '1' ? phaseProfiler() : null;
  // Interrupted (Ctrl-C), the file in hand is named, since the lines printed so far name only the files that landed. Whether it
  // landed cannot be told here (its commit may have ended just before): importing it again is right either way.
  let inHand: string | null = null;
  const sayInterrupted = onInterrupt(() => {
    if (inHand !== null) writeSync(2, `\nreplybench: interrupted while importing ${inHand}, which lands whole or not at all; import it again (posts already stored are not added twice).\n`);
    // Nor is a database this run created left behind with nothing in it.
    if (!added) footprint.discard();
  });
  try {
    const outcome = await importWithOptions(
      store,
      files,
      {
        ...resolved,
        onProgress: (event) => {
          inHand = event.path;
          progress?.update(event);
          profiler?.update(event);
        },
      },
      (result) => {
        inHand = null;
        profiler?.finish();
        progress?.clear();
        if ('message' in result) failed = true;
        // A file with a header and no row adds nothing a new database would be kept for.
        else if (result.rowsRead > 0) added = true;
        if ('message' in result) {
          process.stderr.write(`replybench: ${result.message}\n`);
          if (options.json) process.stdout.write(`${JSON.stringify({ path: result.path, error: result.message })}\n`);
        } else process.stdout.write(options.json ? `${JSON.stringify(importJson(result))}\n` : fileSummary(result));
      },
      // Nobody reads the output any more (| head): the file in hand has landed, the rest are left.
      { shouldStop: stdoutClosed },
    );
    if (!options.json) process.stdout.write(closingSummary(outcome.results, outcome.failures.length, database));
    if (outcome.failures.length > 0) {
      // One file: its own error line already says it all.
      if (files.length === 1) throw new AlreadyReported();
      throw new UserError(`${outcome.failures.length} of ${files.length} files failed and were not imported (each left the database unchanged); fix them and import them again.`);
    }
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    sayInterrupted();
    progress?.clear();
    store.close();
    // A database this import created and put nothing in is not left behind.
    if (!added) footprint.discard();
    // A failed import leaves the file no larger than before, even when the disk filled up under it.
    if (failed && existsSync(database)) await trimDeadTail(database);
  }
}

/**
 * One imported file as `import --json` prints it, and as `replybench serve`
 * answers an import with: its warnings and reasons in the page's language.
 */
export function importJson(result: FileImportResult, language: Language = 'en', timezone?: string): Record<string, unknown> {
  return {
    path: result.path,
    format: result.format,
    encoding: result.encoding,
    rowsRead: result.rowsRead,
    imported: result.imported,
    duplicates: result.duplicates,
    repeatedInFile: result.repeatedInFile,
    rejected: result.rejected,
    conflicts: result.conflicts,
    skippedBlank: result.skippedBlank,
    localTimesIn: result.localTimesIn,
    rejectedByReason: reasonCountsIn(result.rejectedByReason, language),
    firstUnreadDate: result.firstUnreadDate ?? null,
    warnings: result.notices.map((notice) => noticeText(notice, language, timezone)),
    learnedHandles: result.learnedHandles ?? 0,
    batchId: result.batchId,
    sha256: result.sha256,
    alreadyImported: result.alreadyImported ?? null,
    ...(result.filled !== undefined ? { filled: result.filled } : {}),
  };
}
