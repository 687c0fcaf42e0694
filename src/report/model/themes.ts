import type { Config } from '../../config/types.js';
import type { BrandMetrics, MetricsReport } from '../../metrics/types.js';
import { THEME_MIN_MENTIONS } from '../../themes/index.js';
import type { BrandThemes, Theme } from '../../themes/types.js';
import type { Formatter } from '../i18n/format.js';
import type { Language } from '../i18n/language.js';
import type { Translate } from '../i18n/strings.js';
import { saidAsBound } from './bound-words.js';
import { clientOf } from './brandLookup.js';
import { hasPartialPosts, reportedResponsesMissingThreshold } from '../../metrics/coverage.js';
import { LOW_SAMPLE_MARK, LOWER_BOUND_MARK, printsBound } from './coverage.js';
import { leaderboardOrder } from './leaderboard.js';
import { DEFAULT_SCORECARD_THRESHOLDS, MIN_COMPETITORS, type ScorecardThresholds, type ScorecardTone, TONE_SYMBOLS, toneOf, verdictAtEveryEnd } from './scorecard.js';

/**
 * The metrics with each configured theme under the name the config gives it in the report's language
 * (`themes.billing.names.fr`), the theme's key otherwise: every page, slide, chart and sheet then says it so.
 * Found themes are the data's own words and keep them.
 */
export function withThemeNames(metrics: MetricsReport, names: Config['themeNames'], language: Language): MetricsReport {
  if (names === undefined) return metrics;
  const named = (theme: NonNullable<BrandMetrics['themes']>[number]) => (theme.source === 'config' ? { ...theme, name: names[theme.name]?.[language] ?? theme.name } : theme);
  return { ...metrics, brands: metrics.brands.map((brand) => (brand.themes === undefined ? brand : { ...brand, themes: brand.themes.map(named) })) };
}

/**
 * Whether the data may understate the brand's rate on a subject (Theme.responseRateEnd, queries/themes/summary.sql): where
 * it holds the brand's posts on part of the period (brand-posts-partial), on every subject not answered in full, since it
 * cannot say which the missing answers were to; where the export lists responses the data lacks, on a subject more than
 * the warning's share of whose measured mentions list one (responses-missing).
 */
export function understatesSubject(theme: Pick<Theme, 'responseRateEnd'>): boolean {
  return theme.responseRateEnd != null;
}

/** Why a subject's rate carries "≥" where the brand's posts are held whole: its own mentions list responses the data lacks. */
export function subjectListedNote(metrics: MetricsReport, format: Formatter, t: Translate): string {
  return t('themes.noteListedMissing', { share: format.percentSetting(reportedResponsesMissingThreshold(metrics)) });
}

/** How many of the client's themes the section lists (by mentions), and draws against the competitors. */
export const THEMES_SHOWN = 8;

/** A rising theme at least doubled, or the data made it distinctive of this period against the previous one. */
const RISING_CHANGE_PERCENT = 100;

type ClientTheme = BrandThemes['themes'][number];

export interface ThemeRow {
  name: string;
  /** "Configured" or "Found in the data". */
  source: string;
  mentions: string;
  share: string;
  change: string;
  rate: string;
  time: string;
  competitorRate: string;
  competitorTime: string;
  tone: ScorecardTone | null;
  symbol: string | null;
}

/** "What people write about": the client's top themes, how it answers each against its competitors, and the themes on the rise. */
export interface ThemesSection {
  rows: ThemeRow[];
  rising: string[];
  /** Which subjects count as rising, in a sentence: a reader sees one subject up 53% listed and another up 35% not. */
  risingRule: string;
  notes: string[];
}

/** The client's themes with mentions, most mentioned first: a configured theme nobody wrote about this period is no subject of the page. */
function themesByMentions(metrics: MetricsReport): ClientTheme[] {
  return (clientOf(metrics).themes ?? []).filter((theme) => theme.mentions > 0).sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

/** The client's themes the report shows, most mentioned first (those with mentions only). */
export function shownThemes(metrics: MetricsReport): ClientTheme[] {
  return themesByMentions(metrics).slice(0, THEMES_SHOWN);
}

/** Whether the competitors' median rate of a subject rests on rates that are lower bounds and move it (ThemeBenchmark.competitorRateEnd): it is one too. */
const competitorsBound = (theme: ClientTheme): boolean => theme.benchmark?.competitorRateEnd != null;

/** How many of the subjects past those shown a note names, with their mentions. */
const OTHERS_NAMED = 12;

function lowSample(count: number): boolean {
  return count > 0 && count < THEME_MIN_MENTIONS;
}

/** Which of a subject's figures carry the low-sample mark, as in the leaderboard: its rate on fewer than 30 measured mentions, its time on fewer than 30 answered ones. */
export function subjectMarks(theme: ClientTheme): { rate: boolean; time: boolean } {
  return { rate: lowSample(theme.measured), time: theme.responseTimeMedianMin !== null && lowSample(theme.answered) };
}

/**
 * The competitors' median time of a subject rests on a time of fewer than 30 answered mentions when one of the
 * competitors it counts (those with 30 measured mentions of the subject, benchmarks.sql) answered fewer.
 */
function thinCompetitorTime(metrics: MetricsReport, theme: ClientTheme): boolean {
  if (theme.benchmark?.competitorTimeMedianMin == null) return false;
  return metrics.brands.some(
    (brand) =>
      brand.role === 'competitor' &&
      (brand.themes ?? []).some((own) => own.name === theme.name && own.source === theme.source && own.measured >= THEME_MIN_MENTIONS && own.responseTimeMedianMin !== null && lowSample(own.answered)),
  );
}

/**
 * The brands the subjects chart gives a column: those with a response rate, the
 * client first (its column does not move from one month to the next), then the
 * competitors in leaderboard order.
 */
export function themeGridBrands(metrics: MetricsReport): BrandMetrics[] {
  const measured = leaderboardOrder(metrics).filter((brand) => brand.responseRate !== null);
  return [...measured.filter((brand) => brand.role === 'client'), ...measured.filter((brand) => brand.role !== 'client')];
}

/** True when a subject the section shows, or a cell of its chart, carries the low-sample mark (the notes and definitions then name the mark). */
export function themesMarked(metrics: MetricsReport): boolean {
  const shown = shownThemes(metrics);
  const names = new Set(shown.map((theme) => theme.name));
  const marked = (theme: ClientTheme) => {
    const marks = subjectMarks(theme);
    return marks.rate || marks.time;
  };
  return shown.some((theme) => marked(theme) || thinCompetitorTime(metrics, theme)) || themeGridBrands(metrics).some((brand) => (brand.themes ?? []).some((theme) => names.has(theme.name) && subjectMarks(theme).rate));
}

/**
 * The note under the column "Change" for the dashes of a reason other than too few mentions: the first of these that a
 * shown theme has.
 */
const CHANGE_NOTES: ReadonlyArray<readonly [ReadonlyArray<ClientTheme['changeReason']>, string]> = [
  [['previous-period-not-in-data'], 'themes.noteNoPreviousData'],
  [['period-partly-in-data'], 'themes.notePartlyInData'],
  [['previous-period-partly-in-data'], 'themes.notePreviousPartlyInData'],
  [['unmeasured-previous-period'], 'themes.noteUnmeasuredPrevious'],
  [['unmeasured-period'], 'themes.noteUnmeasured'],
  [['platform-missing', 'platform-missing-previous'], 'themes.notePlatformMissing'],
  [['brand-data-partial', 'brand-data-partial-previous'], 'themes.noteBrandDataPartial'],
];

/** Null when the metrics carry no themes for the client (none configured, none found, or a metrics file without them). */
export function buildThemes(metrics: MetricsReport, format: Formatter, t: Translate, previousLabel: string, thresholds: ScorecardThresholds = DEFAULT_SCORECARD_THRESHOLDS): ThemesSection | null {
  const themes = shownThemes(metrics);
  if (themes.length === 0) return null;
  const client = clientOf(metrics);
  const rows = themes.map((theme): ThemeRow => {
    // The data may lack some of the client's answers on the subject (understatesSubject): its rate is a lower bound, marked.
    const understated = understatesSubject(theme);
    const benchmark = theme.benchmark;
    // One measured competitor's figure is no median: said beside it.
    const ofCompetitors = (value: string) => (benchmark?.competitorsMeasured === 1 ? t('themes.oneCompetitor', { value }) : value);
    // A verdict only on a theme with enough mentions on both sides, as every comparison of the report; with enough of the
    // client's, fewer than 2 competitors with as many (none included) is the ○ the notes describe.
    const enough = theme.measured >= THEME_MIN_MENTIONS;
    const competitors = benchmark?.competitorsMeasured ?? 0;
    const toneAt = (rate: number | null, median: number | null) => (!enough ? null : competitors < MIN_COMPETITORS ? 'incomparable' : toneOf(rate, median, 'higher', 'share', thresholds, competitors));
    // Where the rate or the median is a bound (Theme.responseRateEnd, ThemeBenchmark.competitorRateEnd), the verdict holds only
    // where it is the same at every pair of their ends; ○ (too few competitors) says nothing of the client's figure, and stays.
    const median = benchmark?.competitorRate ?? null;
    const tone = verdictAtEveryEnd(toneAt, [theme.responseRate, theme.responseRateEnd ?? theme.responseRate], [median, benchmark?.competitorRateEnd ?? median]);
    const marks = subjectMarks(theme);
    return {
      name: theme.name,
      source: t(theme.source === 'config' ? 'themes.source.config' : 'themes.source.found'),
      mentions: format.count(theme.mentions),
      share: format.percent(theme.share),
      change: theme.change === null ? format.missing : format.signedPercent(theme.change),
      rate:
        theme.measured === 0
          ? format.missing
          : `${understated && printsBound('share', theme.responseRate) ? `${LOWER_BOUND_MARK} ` : ''}${t('themes.rateOf', { rate: format.percent(theme.responseRate), measured: format.count(theme.measured) })}${marks.rate ? ` ${LOW_SAMPLE_MARK}` : ''}`,
      time: `${format.duration(theme.responseTimeMedianMin)}${marks.time ? ` ${LOW_SAMPLE_MARK}` : ''}`,
      competitorRate: benchmark?.competitorRate == null ? format.missing : ofCompetitors(`${competitorsBound(theme) ? `${LOWER_BOUND_MARK} ` : ''}${format.percent(benchmark.competitorRate)}`),
      competitorTime:
        benchmark?.competitorTimeMedianMin == null
          ? format.missing
          : `${ofCompetitors(format.duration(benchmark.competitorTimeMedianMin))}${thinCompetitorTime(metrics, theme) ? ` ${LOW_SAMPLE_MARK}` : ''}`,
      tone,
      symbol: tone === null ? null : TONE_SYMBOLS[tone],
    };
  });
  const rising = themes
    .filter((theme) => theme.change !== null && (theme.change >= RISING_CHANGE_PERCENT || (theme.found ?? []).some((entry) => entry.kind === 'rising')) && theme.change > 0)
    .map((theme) => t('themes.risingLine', { theme: theme.name, mentions: format.count(theme.mentions), previous: format.count(theme.previousMentions), change: format.signedPercent(theme.change), period: previousLabel }));
  const notes = [t('themes.noteMinimum', { minimum: format.count(THEME_MIN_MENTIONS), competitors: format.count(MIN_COMPETITORS) }), t('themes.noteSeveral')];
  if (rows.some((row) => row.rate.startsWith(LOWER_BOUND_MARK))) notes.push(hasPartialPosts(client) ? `${LOWER_BOUND_MARK} ${t('chart.mark.lowerBound')}` : subjectListedNote(metrics, format, t));
  if (themes.some(competitorsBound)) notes.push(t('themes.noteCompetitorBound'));
  if (themesMarked(metrics)) notes.push(t('themes.noteLowSample', { minimum: format.count(THEME_MIN_MENTIONS) }));
  if (themes.some((theme) => thinCompetitorTime(metrics, theme))) notes.push(t('themes.noteCompetitorTime', { minimum: format.count(THEME_MIN_MENTIONS) }));
  if (themes.some((theme) => theme.source === 'found' && (theme.benchmark?.competitorsMeasured ?? 0) === 0 && theme.benchmark?.competitorRate == null)) notes.push(t('themes.noteFoundOwn'));
  // The subjects past those shown are named, so that the page and the slide say what the workbook's sheet lists besides.
  const others = themesByMentions(metrics).slice(THEMES_SHOWN);
  if (others.length > 0) {
    const named = others.slice(0, OTHERS_NAMED).map((theme) => `${theme.name} (${format.count(theme.mentions)})`);
    notes.push(t('themes.noteOthers', { list: others.length > OTHERS_NAMED ? `${named.join(', ')}, …` : named.join(', ') }));
  }
  const reasons = new Set(themes.map((theme) => theme.changeReason));
  const changeNote = CHANGE_NOTES.find(([noted]) => noted.some((reason) => reasons.has(reason)))?.[1];
  if (changeNote !== undefined) notes.push(t(changeNote, { missing: format.missing, previous: previousLabel, client: clientOf(metrics).name }));
  else if (themes.some((theme) => theme.change === null && theme.changeReason !== null)) notes.push(t('themes.noteThinChange', { missing: format.missing, minimum: format.count(THEME_MIN_MENTIONS), previous: previousLabel }));
  return { rows, rising, risingRule: t('themes.risingRule', { period: previousLabel }), notes };
}

/**
 * One finding on the theme the client answers worst against its
 * competitors: only with at least 30 measured mentions of it and a rate at
 * least 20% below the competitors' median (the findings' rule), at every end
 * of the two where either is a bound.
 */
export function themeFinding(metrics: MetricsReport, format: Formatter, t: Translate): string | null {
  const client = clientOf(metrics);
  const worst = (client.themes ?? []).find((theme) => theme.benchmark?.worstRank === 1);
  const benchmark = worst?.benchmark;
  if (!worst || !benchmark || worst.measured < THEME_MIN_MENTIONS || worst.responseRate === null || benchmark.competitorRate === null) return null;
  // A rate the data may understate is behind by the rule even at its other end (responseRateEnd), against the median as printed,
  // the competitors' lowest end: then it is behind at every end, and each bound is said as one.
  if ((worst.responseRateEnd ?? worst.responseRate) * 1.2 > benchmark.competitorRate) return null;
  const bound = (value: number, end: number | null) => saidAsBound(t, format.percent(value), value, end);
  return t('finding.theme', {
    client: client.name,
    theme: worst.name,
    measured: format.count(worst.measured),
    rate: bound(worst.responseRate, worst.responseRateEnd),
    time: format.duration(worst.responseTimeMedianMin),
    competitorRate: bound(benchmark.competitorRate, benchmark.competitorRateEnd),
    competitorTime: format.duration(benchmark.competitorTimeMedianMin),
  });
}
