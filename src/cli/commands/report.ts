import type { Command } from 'commander';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { withAnalysis } from '../../analysis/analysis.js';
import { configAgainstData, likelyTypos } from '../../analysis/config-check.js';
import { emptyPeriodSentence, noPostsSentence, whereTheDataIs } from '../../analysis/empty-period.js';
import { loadConfig } from '../../config/load.js';
import type { Config } from '../../config/types.js';
import { AlreadyReported, UserError } from '../../errors.js';
import { parseFormats, type ReportFormat } from '../../report/formats.js';
import { isLanguage, LANGUAGE_CHOICES, LANGUAGE_LIST, type Language } from '../../report/i18n/language.js';
import { checkReportInputs } from '../../report/preflight.js';
import { projectReportFolder, ReportFolder } from '../../report/report-folder.js';
import { REPORT_STEPS, type ReportStep, stepNumber } from '../../report/steps.js';
import type { WrittenReport } from '../../report/index.js';
import { parsePeriod } from '../../analysis/period.js';
import { ANALYSIS_MEMORY, Store } from '../../store/database.js';
import { printConfigWarnings } from '../config-warnings.js';
import { coverageSentences } from '../coverage-sentences.js';
import { databasePath, openImportedDatabase } from '../database.js';
import { languageAsked, NO_CACHE_HELP, withLanguageOption } from '../shared-options.js';
import { metricsOf } from '../../metrics/compute.js';

interface ReportOptions {
  period: string;
  config: string[];
  allClients?: string;
  db?: string;
  cache?: boolean;
  /** Default: each config's project folder, reports/<period>-<language>/. */
  out?: string;
  lang?: string;
  /** --lang's other name. */
  language?: string;
  pageSize?: string;
  formats?: string;
  /** Writes the report even when a handle matches nothing and the data holds a close spelling of it. */
  allowUnmatchedHandles?: boolean;
}

export function registerReport(program: Command): Command {
  const command = program
    .command('report')
    .description('write the report: PDF, deck (PPTX), workbooks (XLSX), HTML, CSV, JSON and SVG charts')
    .requiredOption('--period <period>', 'a month (2017-10), a quarter (2017-Q4) or FROM..TO dates, both included')
    .option('--config <path>', 'config file; repeat it for one report per config', collect, [])
    .option('--all-clients <dir>', 'one report per config file (*.yaml) in this folder, or per client project folder in it, reusing one browser')
    .option('--db <path>', "database file (default: each config's database, else replybench.duckdb in its folder)")
    .option('--no-cache', NO_CACHE_HELP)
    .option('--out <dir>', 'output folder, one subfolder per client when there are several (default: reports/<period>-<language>/ beside each config)');
  return withLanguageOption(command, `${LANGUAGE_CHOICES} (default: the config's report.language)`)
    .option('--page-size <size>', "A4|Letter (default: the config's report.pageSize)")
    .option('--allow-unmatched-handles', 'write the report even when a handle of the config matches nothing and the data holds a close spelling of it')
    .option('--formats <list>', 'what to write, comma-separated: pdf,pptx,xlsx,html,csv,svg (default: all; metrics.json always)')
    .action(async (options: ReportOptions) => {
      await runReport(options);
    });
}

export async function runReport(options: ReportOptions): Promise<WrittenReport[]> {
  const language = parseLanguage(languageAsked(options));
  const pageSize = parsePageSize(options.pageSize);
  const formats = parseFormats(options.formats);
  const configPaths = configFiles(options);
  const configs = configPaths.map((path) => loadConfig(path));
  const several = configs.length > 1;
  const out = options.out;
  if (several && out !== undefined) refuseSharedClientIds(configs, out);
  const outDirOf = (config: Config, periodLabel: string) =>
    out === undefined ? projectReportFolder(config, periodLabel, language ?? config.report.language) : several ? join(out, config.client) : out;
  // Messages name the folder as the user knows it: the option they gave, or the project's own.
  const folderOption = out === undefined ? 'the report folder' : '--out';
  // Every input is checked before the browser starts and before any number is computed, so a typo fails at once
  // (the handles, which only the data can check, are checked with each client's analysis).
  const databases: string[] = [];
  const outDirs: string[] = [];
  const warnings = new Set<string>();
  const withData: Config[] = [];
  for (const config of configs) {
    const path = databasePath(options.db, config);
    const period = parsePeriod(options.period, config.timezone);
    const store = await openImportedDatabase(path);
    try {
      const noPosts = await noPostsSentence(store, period, config.timezone);
      if (noPosts !== null) {
        const refusal = `${config.source}: --period ${options.period}: ${noPosts}`;
        if (!several) throw new UserError(refusal);
        // One client's missing month (its export not in yet) does not hold back the others' reports: it is said, and the run ends in error.
        process.stderr.write(`replybench: ${refusal}\n`);
        continue;
      }
    } finally {
      store.close();
    }
    withData.push(config);
    databases.push(path);
    const outDir = outDirOf(config, period.label);
    outDirs.push(outDir);
    for (const warning of await checkReportInputs(config, language ?? config.report.language, outDir, folderOption)) {
      // Configs that share a template would repeat its warnings.
      if (!warnings.has(warning)) process.stderr.write(`replybench: warning: ${warning}\n`);
      warnings.add(warning);
    }
  }
  if (withData.length === 0) throw new AlreadyReported();
  // Each output folder is taken for the whole run: a second report into it is refused at once, not overwritten later.
  const folders: ReportFolder[] = [];
  try {
    for (const outDir of outDirs) folders.push(ReportFolder.open(outDir, folderOption));
    const written = await writeReports(options, withData, databases, folders, { language, pageSize, formats });
    if (withData.length < configs.length) throw new AlreadyReported();
    return written;
  } finally {
    for (const folder of folders) folder.release();
  }
}

async function writeReports(
  options: ReportOptions,
  configs: readonly Config[],
  databases: readonly string[],
  folders: readonly ReportFolder[],
  settings: { language: Language | undefined; pageSize: 'A4' | 'Letter' | undefined; formats: readonly ReportFormat[] },
): Promise<WrittenReport[]> {
  const { language, pageSize, formats } = settings;
  // Loaded here, not at start-up: the report stack (puppeteer, vega) takes most of a second to load.
  const { ReportPrinter, writeReport } = await import('../../report/index.js');
  const progress = new Progress(configs.length);
  // Without a PDF to print, no browser is started.
  const printer = formats.includes('pdf') ? await ReportPrinter.launch() : undefined;
  const written: WrittenReport[] = [];
  let refused = 0;
  try {
    for (const [index, config] of configs.entries()) {
      const folder = folders[index];
      if (!folder) throw new Error('no output folder for a config');
      progress.show(index, config.client);
      const store = await Store.open(databases[index] ?? '', { readOnly: true, memoryLimit: ANALYSIS_MEMORY });
      try {
        const report = await withAnalysis(store, config, options.period, async (analysis) => {
          const { warnings: configWarnings, untracked } = await configAgainstData(analysis);
          progress.clear();
          const typos = options.allowUnmatchedHandles ? [] : likelyTypos(configWarnings);
          // This client's report waits for its handles; the other clients' are written.
          for (const typo of typos) {
            process.stderr.write(`replybench: ${config.source}: ${typo.key} (${typo.brand}): ${typo.message} Correct the handle, or pass --allow-unmatched-handles to write the report anyway.\n`);
          }
          if (typos.length > 0) return null;
          // A month of other accounts' posts only, the brands posting in others: a report of zeros, not written.
          const metrics = await metricsOf(analysis);
          const elsewhere = await whereTheDataIs(analysis, metrics);
          if (elsewhere !== null) {
            process.stderr.write(`replybench: ${config.source}: --period ${analysis.period.label}: ${emptyPeriodSentence(analysis.period, elsewhere)}\n`);
            return null;
          }
          printConfigWarnings(config, configWarnings, untracked);
          return writeReport({
            config,
            analysis,
            metrics,
            outDir: folder.dir,
            folder,
            lang: language,
            pageSize,
            printer,
            formats,
            onStep: (step) => progress.show(index, config.client, step),
          });
        }, { cache: options.cache });
        progress.clear();
        if (report === null) {
          refused += 1;
          continue;
        }
        for (const warning of report.warnings) process.stderr.write(`replybench: warning: ${config.client}: ${warning}.\n`);
        // The coverage warnings the pages carry, in the terminal too (as replybench check words them).
        for (const sentence of coverageSentences(report.metrics, { warningsOnly: true })) process.stderr.write(`replybench: warning: ${config.client}: ${sentence}\n`);
        written.push(report);
      } finally {
        store.close();
      }
    }
  } finally {
    progress.clear();
    await printer?.close();
  }
  for (const report of written) process.stdout.write(`${shownPath(mainFile(report, formats))}\n`);
  if (refused > 0) throw new AlreadyReported();
  return written;
}

/** Several configs written under one --out go to --out/<client id>: two of one id would write into one folder. */
function refuseSharedClientIds(configs: readonly Config[], out: string): void {
  const seen = new Map<string, Config>();
  for (const config of configs) {
    const earlier = seen.get(config.client);
    if (earlier) {
      throw new UserError(
        `--out: ${earlier.source} and ${config.source} both have client: ${config.client}, so both reports would go to ${join(out, config.client)}. Give each config its own client id, or leave out --out to write each into its project's reports/ folder.`,
      );
    }
    seen.set(config.client, config);
  }
}

/** The file the command names for a report: the PDF, else the first other file written. */
function mainFile(report: WrittenReport, formats: readonly ReportFormat[]): string {
  const files: Record<ReportFormat, string | null> = { pdf: report.pdf, pptx: report.pptx, xlsx: report.xlsx, html: report.html, csv: report.csv, svg: report.charts[0] ?? null };
  return formats.map((format) => files[format]).find((file) => file !== null) ?? report.json;
}

function configFiles(options: ReportOptions): string[] {
  if (options.allClients) {
    if (options.config.length > 0) throw new UserError('--all-clients and --config: use one or the other.');
    const dir = resolve(options.allClients);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`--all-clients: "${options.allClients}" is not a folder; pass the folder that holds one replybench.yaml per client.`);
    // A folder of configs, or a folder of client projects (as init and serve make them), each with its replybench.yaml.
    // A config may be a link to one kept elsewhere, as before: statSync follows it.
    const files = readdirSync(dir)
      .sort((a, b) => a.localeCompare(b))
      .flatMap((name) => {
        if (/\.ya?ml$/i.test(name)) return [join(dir, name)];
        const project = join(dir, name, 'replybench.yaml');
        return statSync(join(dir, name), { throwIfNoEntry: false })?.isDirectory() && existsSync(project) ? [project] : [];
      });
    if (files.length === 0) throw new UserError(`--all-clients: no .yaml config files in "${options.allClients}", nor client folders holding a replybench.yaml.`);
    return files;
  }
  return options.config.length > 0 ? options.config : ['replybench.yaml'];
}

export function parseLanguage(asked: { value: string; flag: string } | undefined): Language | undefined {
  if (asked === undefined) return undefined;
  if (isLanguage(asked.value)) return asked.value;
  throw new UserError(`${asked.flag} "${asked.value}": use ${LANGUAGE_LIST}.`);
}

function parsePageSize(size: string | undefined): 'A4' | 'Letter' | undefined {
  if (size === undefined) return undefined;
  const match = ['A4', 'Letter'].find((name) => name.toLowerCase() === size.toLowerCase());
  if (match === 'A4' || match === 'Letter') return match;
  throw new UserError(`--page-size "${size}": use A4 or Letter.`);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** A path relative to the working folder when it is inside it, else absolute. */
export function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

const STEP_LABEL: Record<ReportStep, string> = {
  metrics: 'measuring responses',
  themes: 'finding what people write about',
  diagnostics: 'looking for mistakes',
  pages: 'laying out pages and charts',
  files: 'writing the PDF, deck and workbook',
};

/** One line on stderr, rewritten in place; silent when stderr is not a terminal. */
class Progress {
  private readonly enabled = Boolean(process.stderr.isTTY);
  constructor(private readonly total: number) {}

  show(index: number, client: string, step?: ReportStep): void {
    if (!this.enabled) return;
    const doing = step ? ` (${stepNumber(step)}/${REPORT_STEPS.length} ${STEP_LABEL[step]})` : '';
    process.stderr.write(`\r\u001b[2Kreport ${index + 1}/${this.total}: ${client}${doing}`);
  }

  /** Clears the line, before a warning or at the end. */
  clear(): void {
    if (this.enabled) process.stderr.write('\r\u001b[2K');
  }
}
