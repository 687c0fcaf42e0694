import type { Command } from 'commander';
import { withAnalysis } from '../../analysis/analysis.js';
import { parsePeriod } from '../../analysis/period.js';
import { loadConfig } from '../../config/load.js';
import { UserError } from '../../errors.js';
import { emptyPeriodSentence, whereTheDataIs } from '../../analysis/empty-period.js';
import { metricsOf, periodJson } from '../../metrics/compute.js';
import { checkOutputFile, writeOutputFile } from '../../output-file.js';
import { themesCsv, themesTable } from '../../themes/format.js';
import { themesOf } from '../../themes/index.js';
import type { ThemesReport } from '../../themes/types.js';
import { databasePath, openImportedDatabase } from '../database.js';
import { DB_HELP, NO_CACHE_HELP } from '../shared-options.js';

const FORMATS = ['table', 'json', 'csv'] as const;

interface ThemesOptions {
  period: string;
  config: string;
  db?: string;
  cache?: boolean;
  brand?: string;
  format: string;
  out?: string;
}

export function registerThemes(program: Command): Command {
  return program
    .command('themes')
    .description('what customers write about, per brand: the config\'s themes and the words the data makes distinctive, and how each is answered')
    .requiredOption('--period <period>', 'a month (2017-10), a quarter (2017-Q4) or FROM..TO dates, both included')
    .option('--config <path>', 'config file', 'replybench.yaml')
    .option('--db <path>', DB_HELP)
    .option('--no-cache', NO_CACHE_HELP)
    .option('--brand <id>', 'only this brand')
    .option('--format <format>', 'table|json|csv', 'table')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (options: ThemesOptions) => {
      await runThemes(options);
    });
}

export async function runThemes(options: ThemesOptions): Promise<void> {
  if (!(FORMATS as readonly string[]).includes(options.format)) throw new UserError(`--format "${options.format}": use table, json or csv.`);
  const config = loadConfig(options.config);
  if (options.brand !== undefined && !config.brands.some((brand) => brand.id === options.brand)) {
    throw new UserError(`--brand "${options.brand}": not a brand of ${config.source} (${config.brands.map((brand) => brand.id).join(', ')}).`);
  }
  const period = parsePeriod(options.period, config.timezone);
  if (options.out) checkOutputFile(options.out, '--out');
  const store = await openImportedDatabase(databasePath(options.db, config));
  try {
    const { brands, span } = await withAnalysis(
      store,
      config,
      period,
      async (analysis) => {
        const brands = await themesOf(analysis);
        // No theme holds a mention: when the period holds no post of the brands, where the data is, as metrics says it.
        const none = brands.every((brand) => brand.themes.every((theme) => theme.mentions === 0));
        return { brands, span: none ? await whereTheDataIs(analysis, await metricsOf(analysis)) : null };
      },
      { cache: options.cache },
    );
    if (span !== null) process.stderr.write(`replybench: note: ${emptyPeriodSentence(period, span)} No theme holds a mention.\n`);
    const report: ThemesReport = { period: periodJson(period), brands: brands.filter((brand) => options.brand === undefined || brand.id === options.brand) };
    const text = options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : options.format === 'csv' ? themesCsv(report) : themesTable(report);
    if (options.out) writeOutputFile(options.out, text);
    else process.stdout.write(text);
  } finally {
    store.close();
  }
}
