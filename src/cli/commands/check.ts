import type { Command } from 'commander';
import { withAnalysis } from '../../analysis/analysis.js';
import { configAgainstData, type ConfigWarning, configWarningMessage, type UntrackedPlatform } from '../../analysis/config-check.js';
import { untrackedSentences } from '../untracked-platforms.js';
import { type DataSpan, emptyPeriodSentence, whereTheDataIs } from '../../analysis/empty-period.js';
import type { Period } from '../../analysis/period.js';
import type { Config } from '../../config/types.js';
import type { Language } from '../../report/i18n/language.js';
import { counted } from '../../report/i18n/plain-numbers.js';
import { loadConfig } from '../../config/load.js';
import { metricsOf, periodJson } from '../../metrics/compute.js';
import { alignedTable, printable } from '../../metrics/format/aligned.js';
import { parsePeriod } from '../../analysis/period.js';
import type { BrandMetrics, MetricsReport } from '../../metrics/types.js';
import { themeCounts, type ThemeCount } from '../../themes/check.js';
import { topHandles } from '../../ingest/file-profile.js';
import type { Store } from '../../store/database.js';
import { hasNoData } from '../../metrics/coverage.js';
import { type AudienceComparison, audienceComparisons, audienceSentences } from '../audience-sentences.js';
import { coverageSentences } from '../coverage-sentences.js';
import { databasePath, openImportedDatabase } from '../database.js';
import { DB_HELP, NO_CACHE_HELP } from '../shared-options.js';

interface CheckOptions {
  period: string;
  config: string;
  db?: string;
  cache?: boolean;
}

export function registerCheck(program: Command): Command {
  return program
    .command('check')
    .description("the config against the data: handles and topics the data never shows, and what each brand's numbers rest on (coverage)")
    .requiredOption('--period <period>', 'a month (2017-10), a quarter (2017-Q4) or FROM..TO dates, both included')
    .option('--config <path>', 'config file', 'replybench.yaml')
    .option('--db <path>', DB_HELP)
    .option('--no-cache', NO_CACHE_HELP)
    .option('--json', 'print the findings as one JSON object (the object `replybench serve` answers GET /api/clients/:id/check with)')
    .action(async (options: CheckOptions & { json?: boolean }) => {
      const result = await checkOf(options);
      process.stdout.write(options.json ? `${JSON.stringify(checkJson(result), null, 2)}\n` : checkText(result));
    });
}

/** What `replybench check` found: the config against the data, the coverage, the themes' counts. */
export interface CheckResult {
  config: Config;
  period: Period;
  warnings: ConfigWarning[];
  report: MetricsReport;
  themes: ThemeCount[];
  /** Per platform where a handle of the config matches nothing and spells like nothing: the accounts the data holds there, to pick from. */
  accountsInData: AccountsInData[];
  /**
   * When the period holds no post at all, the days of the data's nearest posts before and after it: then no handle,
   * topic or brand is blamed for the empty period (each would be a false alarm), and the check says where data is.
   */
  dataSpan: DataSpan | null;
  /** The report's sentiment and influencer figures compared on the client's platforms only, and what that leaves out. */
  audience: AudienceComparison[];
  /** Platforms whose posts of the period reach no brand: an export imported without the brands' accounts there. */
  untracked: UntrackedPlatform[];
}

/** The accounts of one platform that reply most (brands answer; customers mostly ask) and that are mentioned most, in the whole store. */
export interface AccountsInData {
  platform: string;
  repliers: Array<{ handle: string; n: number }>;
  mentioned: Array<{ handle: string; n: number }>;
}

const ACCOUNTS_SHOWN = 5;

/** The config against the data of one period (the analysis kept beside the store answers a second check at once). */
export async function checkOf(options: CheckOptions): Promise<CheckResult> {
  const config = loadConfig(options.config);
  const period = parsePeriod(options.period, config.timezone);
  const store = await openImportedDatabase(databasePath(options.db, config));
  try {
    const found = await withAnalysis(
      store,
      config,
      period,
      async (analysis) => {
        // In the order `metrics` runs them (its config warnings, then its figures): a check after it reads them kept.
        const { warnings, untracked } = await configAgainstData(analysis);
        const report = await metricsOf(analysis);
        // A period without a post, or without a post of the brands who post elsewhere: which period to pick, instead of
        // every handle blamed for it and other accounts offered in their place.
        const dataSpan = await whereTheDataIs(analysis, report);
        return { warnings, report, themes: await themeCounts(analysis), audience: await audienceComparisons(analysis), untracked, dataSpan };
      },
      { cache: options.cache },
    );
    if (found.dataSpan !== null) return { config, period, ...found, warnings: [], themes: [], audience: [], untracked: [], accountsInData: [] };
    return { config, period, ...found, accountsInData: await accountsInData(store, found.warnings, config) };
  } finally {
    store.close();
  }
}

/**
 * A handle that matches nothing and spells like nothing the data holds is no
 * typo but the wrong account (the starter config's, another client's): the
 * accounts the data does hold on its platform are listed to pick from.
 */
async function accountsInData(store: Store, warnings: readonly ConfigWarning[], config: Config): Promise<AccountsInData[]> {
  const platforms = [...new Set(warnings.filter((warning) => warning.kind === 'handle' && warning.closest.length === 0 && warning.platform !== null).map((warning) => warning.platform as string))];
  const found: AccountsInData[] = [];
  for (const platform of platforms) {
    // An account a brand already lists is no handle to take (a trial was offered vireocares, tracked two lines above).
    const tracked = new Set(config.brands.flatMap((brand) => brand.accounts[platform] ?? []));
    const untracked = (accounts: AccountsInData['repliers']) => accounts.filter(({ handle }) => !tracked.has(handle));
    const { repliers, mentioned } = await topHandles(store, ACCOUNTS_SHOWN + tracked.size, platform);
    const offered = { repliers: untracked(repliers).slice(0, ACCOUNTS_SHOWN), mentioned: untracked(mentioned).slice(0, ACCOUNTS_SHOWN) };
    if (offered.repliers.length + offered.mentioned.length > 0) found.push({ platform, ...offered });
  }
  return found;
}

/** The text `replybench check` prints: the config checks, then the coverage table. */
export async function runCheck(options: CheckOptions): Promise<string> {
  return checkText(await checkOf(options));
}

export function checkText({ config, period, warnings, report, themes, audience, untracked, accountsInData, dataSpan }: CheckResult): string {
  const lines = [`Config ${config.source} against the data of ${period.label} (${report.period.start} .. ${report.period.end}, ${config.timezone}):`];
  if (dataSpan) {
    lines.push(`  ${emptyPeriodSentence(period, dataSpan)}`, '');
    return lines.join('\n');
  }
  if (warnings.length === 0) lines.push('  every handle and topic of the config posts or is mentioned in the period.');
  for (const warning of warnings) lines.push(`  warning: ${warning.key}: ${warning.message}`);
  for (const { platform, repliers, mentioned } of accountsInData) {
    const list = (accounts: AccountsInData['repliers'], one: string, many: string) => accounts.map(({ handle, n }) => `${handle} (${counted('en', n, one, many)})`).join(', ');
    const parts = [...(repliers.length > 0 ? [`replying most: ${list(repliers, 'reply', 'replies')}`] : []), ...(mentioned.length > 0 ? [`mentioned most: ${list(mentioned, 'mention', 'mentions')}`] : [])];
    lines.push(`  the accounts the data holds on ${platform}, to take the brands' handles from: ${parts.join('; ')}.`);
  }
  lines.push('', `Coverage in ${period.label} (what each brand's numbers rest on):`, ...coverageTable(report), '', ...COVERAGE_NOTES, '');
  if (themes.length > 0) lines.push(`Themes of ${config.source} in ${period.label} (mentions holding one of their words):`, ...themeLines(themes), '');
  const sentences = [...untrackedSentences(untracked), ...coverageSentences(report), ...audienceSentences(audience, config)];
  lines.push(sentences.length === 0 ? 'Every brand and platform is measured on the whole period.' : 'What to know before comparing:', ...sentences.map((sentence) => `  ${sentence}`), '');
  return lines.join('\n');
}

/**
 * `check --json` and the page's check: the same findings as the text, as data,
 * with the sentences (and the config warnings' messages) in `language`.
 */
export function checkJson({ config, period, warnings, report, themes, audience, untracked, accountsInData, dataSpan }: CheckResult, language: Language = 'en') {
  return {
    dataSpan,
    config: config.source,
    period: periodJson(period),
    configWarnings: warnings.map((warning) => ({ ...warning, message: configWarningMessage(warning, language) })),
    accountsInData,
    coverage: byScope(report).map(({ brand, platform }) => ({
      brand: brand.id,
      name: brand.name,
      role: brand.role,
      platform,
      inbound: brand.inbound,
      coverage: brand.coverage ?? null,
      noData: hasNoData(brand),
    })),
    periodCoverage: report.periodCoverage ?? null,
    themes,
    audience,
    untrackedPlatforms: untracked,
    sentences: dataSpan ? [emptyPeriodSentence(period, dataSpan, language)] : [...untrackedSentences(untracked, language), ...coverageSentences(report, { language }), ...audienceSentences(audience, config, language)],
  };
}

/** Each configured theme's mentions; a theme no mention holds is a warning, with the closest words of the period, and so is a phrase of stop words. */
function themeLines(themes: ThemeCount[]): string[] {
  return themes.flatMap((theme) => {
    const name = printable(theme.theme);
    const common = theme.commonWords.map((words) => `"${printable(words)}"`);
    const commonLine = common.length === 0 ? [] : [`  warning: themes.${name}: ${common.join(', ')} ${common.length === 1 ? 'holds' : 'hold'} only words found themes leave out (stop words, words written to every brand about everything, the brands' names), so the theme counts mentions whatever they are about; write words of the subject instead`];
    if (theme.mentions > 0) return [`  ${name}: ${counted('en', theme.mentions, 'mention', 'mentions')}`, ...commonLine];
    const near = theme.closest.map((entry) => `${printable(entry.word)} (${entry.uses.toLocaleString('en-US')})`);
    return `  warning: themes.${name}: no mention holds any of its words in the period${near.length > 0 ? `; closest words in the data: ${near.join(', ')}` : ''}`;
  });
}

const COVERAGE_NOTES = [
  'measured = inbound mentions that need an answer, on platforms where the data holds posts of the brand: its response metrics rest on these;',
  'no answer = mass mentions and thanks after an answer: counted in volume and share of voice only.',
];

function coverageTable(report: MetricsReport): string[] {
  const header = ['Brand', 'Platform', 'Inbound', 'Measured', 'No answer', 'Own posts', 'Listing responses', 'Listed missing', 'Replies to missing', 'Days', 'Warnings'];
  const row = (brand: BrandMetrics, platform: string): string[] => {
    const coverage = brand.coverage;
    return [
      `${printable(brand.name)}${brand.role === 'client' ? ' *' : ''}`,
      platform,
      String(brand.inbound),
      String(coverage?.inboundMeasured ?? '-'),
      coverage ? String(coverage.massMentions + coverage.closers) : '-',
      String(coverage?.brandPosts ?? '-'),
      String(coverage?.inboundWithListedResponses ?? '-'),
      String(coverage?.listedResponsesMissing ?? '-'),
      String(coverage?.repliesWithMissingParent ?? '-'),
      coverage ? `${coverage.span.daysWithData}/${coverage.span.periodDays}` : '-',
      coverage && coverage.warnings.length > 0 ? coverage.warnings.join(', ') : hasNoData(brand) ? 'no data' : 'ok',
    ];
  };
  const rows = byScope(report).map(({ brand, platform }) => row(brand, platform));
  return alignedTable(header, rows, [0, 1, 10]);
}

/** Each brand on all platforms, then on each platform of the data, in the report's brand order. */
function byScope(report: MetricsReport): Array<{ brand: BrandMetrics; platform: string }> {
  return report.brands.flatMap((brand) => [
    { brand, platform: 'all' },
    ...(report.byPlatform ?? []).flatMap((scope) => scope.brands.filter((entry) => entry.id === brand.id).map((entry) => ({ brand: entry, platform: scope.platform }))),
  ]);
}
