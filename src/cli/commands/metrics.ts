import type { Command } from 'commander';
import { loadConfig } from '../../config/load.js';
import { UserError } from '../../errors.js';
import { withAnalysis } from '../../analysis/analysis.js';
import { configAgainstData } from '../../analysis/config-check.js';
import { emptyPeriodSentence, whereTheDataIs } from '../../analysis/empty-period.js';
import { metricsOf } from '../../metrics/compute.js';
import { readStoreFacts } from '../../report/model/storeFacts.js';
import { diagnosticsOf } from '../../metrics/diagnostics/index.js';
import { themesIfTheyFit, withThemes } from '../../themes/index.js';
import { metricsCsv } from '../../metrics/format/csv.js';
import { metricsTable } from '../../metrics/format/table.js';
import { checkOutputFile, writeOutputFile } from '../../output-file.js';
import { parsePeriod } from '../../analysis/period.js';
import { printConfigWarnings } from '../config-warnings.js';
import { databasePath, openImportedDatabase } from '../database.js';
import { DB_HELP, NO_CACHE_HELP } from '../shared-options.js';

const FORMATS = ['table', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

interface MetricsOptions {
  period: string;
  config: string;
  db?: string;
  cache?: boolean;
  format: string;
  out?: string;
}

export function registerMetrics(program: Command): Command {
  return program
    .command('metrics')
    .description('print response rate, response time, reply share and share of voice per brand')
    .requiredOption('--period <period>', 'a month (2017-10), a quarter (2017-Q4) or FROM..TO dates, both included')
    .option('--config <path>', 'config file', 'replybench.yaml')
    .option('--db <path>', DB_HELP)
    .option('--no-cache', NO_CACHE_HELP)
    .option('--format <format>', 'table|json|csv', 'table')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (options: MetricsOptions) => {
      await runMetrics(options);
    });
}

export async function runMetrics(options: MetricsOptions): Promise<void> {
  const format = parseFormat(options.format);
  const config = loadConfig(options.config);
  const period = parsePeriod(options.period, config.timezone);
  if (options.out) checkOutputFile(options.out, '--out');
  const store = await openImportedDatabase(databasePath(options.db, config));
  try {
    const { report, span } = await withAnalysis(store, config, period, async (analysis) => {
      const { warnings, untracked } = await configAgainstData(analysis);
      const figures = await metricsOf(analysis);
      // A period without a post, or without one of the brands who post elsewhere, would blame every handle and topic
      // for it: the note below says where the data is instead (as check says it).
      const span = await whereTheDataIs(analysis, figures);
      if (span === null) printConfigWarnings(config, warnings, untracked);
      // Only the JSON carries the themes: the table and the CSV would compute them for nothing. They come
      // before the diagnostics, in the report's order, so that a report of the month reads what this kept.
      const { themes, leftOut } = format === 'json' ? await themesIfTheyFit(analysis) : { themes: null, leftOut: null };
      if (leftOut !== null) process.stderr.write(`replybench: warning: ${leftOut}.\n`);
      const metrics = { ...figures, diagnostics: await diagnosticsOf(analysis) };
      // The report's examples and curves, computed while the base is built, so that a report of the month reads them kept.
      if (format === 'json' && analysis.baseBuilt) await readStoreFacts(analysis);
      return { report: themes === null ? metrics : withThemes(metrics, themes), span };
    }, { cache: options.cache });
    if (span !== null) process.stderr.write(`replybench: note: ${emptyPeriodSentence(period, span)} Every count is 0.\n`);
    const text = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : format === 'csv' ? metricsCsv(report) : metricsTable(report);
    if (options.out) writeOutputFile(options.out, text);
    else process.stdout.write(text);
  } finally {
    store.close();
  }
}

function parseFormat(format: string): Format {
  if ((FORMATS as readonly string[]).includes(format)) return format as Format;
  throw new UserError(`--format "${format}": use table, json or csv.`);
}
