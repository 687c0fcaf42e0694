import type { Config } from '../../config/types.js';
import { hasNoData } from '../../metrics/coverage.js';
import type { MetricsReport } from '../../metrics/types.js';
import { ADVICE_MIN_COMPETITORS, ADVICE_MIN_SAMPLE } from '../advice/findings.js';
import type { ImprovementItem } from '../advice/types.js';
import { buildCharts, CHARTS_OF_OPTIONAL_DATA } from '../charts/buildCharts.js';
import { chartData } from '../charts/chartData.js';
import { brandColours, DEFAULT_ACCENT, DEFAULT_PRIMARY } from '../charts/palette.js';
import { logoDataUrl } from '../html/logo.js';
import { Formatter } from '../i18n/format.js';
import type { Language } from '../i18n/language.js';
import { translator, type Translate } from '../i18n/strings.js';
import type { ReportTemplate } from '../template.js';
import { analystNotes } from './analystNotes.js';
import { businessHoursSettings } from './businessHours.js';
import { clientOf } from './brandLookup.js';
import { coverageNotes, LOWER_BOUND_MARK, noAnswerLines, noAnswerNotes, noDataLine, onlyUntrackedUnmeasured, platformsInPartLine, platformsWith, warningsOf } from './coverage.js';
import { formatExamples, printableAuthor, printableName } from './examples.js';
import { writeFindings } from './findings.js';
import { buildKpis, previousNotInData } from './kpis.js';
import { buildLeaderboard } from './leaderboard.js';
import { buildMethodology, notablyPending, pendingWarning } from './methodology.js';
import { previousPeriodLabel } from './previousPeriod.js';
import { SECTION_CHARTS } from './sections.js';
import { buildScorecard, DEFAULT_SCORECARD_THRESHOLDS, emptyReasonsOf, type Scorecard } from './scorecard.js';
import type { StoreFacts } from './storeFacts.js';
import type { ReportModel } from './types.js';
import { buildThemes, themeFinding, withThemeNames } from './themes.js';
import { buildAnalystWorkbookModel, buildWorkbookModel } from './workbook.js';

export interface ModelInputs {
  metrics: MetricsReport;
  config: Config;
  /** Null when the report is made from a metrics JSON alone (no examples, no import records). */
  facts: StoreFacts | null;
  template: ReportTemplate;
  language: Language;
  improvements?: ImprovementItem[] | null;
  generatedAt?: Date;
  /** The themes could not be computed (not enough memory): the methodology says the section is missing. */
  themesLeftOut?: boolean;
}

/** Everything the HTML shows, formatted in the report's language, charts rendered. */
export async function buildReportModel(inputs: ModelInputs): Promise<{ model: ReportModel; t: Translate; format: Formatter }> {
  const { config, facts, template, language } = inputs;
  const metrics = withThemeNames(printableMetrics(inputs.metrics), config.themeNames, language);
  const strings = template.strings(language);
  const t = translator(strings, template.path(`strings/${language}.json`), language);
  const timezone = metrics.period.timezone;
  const format = new Formatter(language, t, timezone);
  const client = clientOf(metrics);
  const primary = config.report.colors.primary ?? DEFAULT_PRIMARY;
  const accent = config.report.colors.accent ?? DEFAULT_ACCENT;
  const periodLabel = format.periodLabel(metrics.period.start, metrics.period.end, metrics.period.label);
  const previousLabel = previousPeriodLabel(metrics, format, t);
  const windowMin = metrics.settings?.responseWindowMin ?? config.metrics.responseWindow;
  const manifest = template.manifest();
  const improvements = (inputs.improvements ?? []).map(printableImprovement);

  const charts = await buildCharts(
    template,
    chartData({ metrics, answeredWithin: facts?.answeredWithin ?? null, format, t, palette: brandColours(metrics.brands, primary), primary }),
    t,
    strings,
    language,
    { client: client.name, timezone: format.timezoneName(), followers: format.count(metrics.diagnostics?.settings.influencerFollowers ?? config.metrics.influencerFollowers ?? 1000) },
  );
  const methodology = buildMethodology(metrics, facts, format, t, periodLabel, config.brands);
  const { lowSampleNote, noIntervalNote, rankNote, ...leaderboard } = buildLeaderboard(metrics, format, t);
  const leaderboardNotes = [t('leaderboard.noteRank'), ...(rankNote ? [rankNote] : []), t('leaderboard.noteSla')];
  if (lowSampleNote) leaderboardNotes.push(lowSampleNote);
  if (noIntervalNote) leaderboardNotes.push(noIntervalNote);
  const coverage = coverageNotes(metrics, format, t);
  leaderboardNotes.push(...coverage.map((note) => `${note.mark} ${note.text}`));
  const noData = noDataLine(metrics, format, t);
  if (noData) leaderboardNotes.push(noData);
  const inPart = platformsInPartLine(metrics, format, t);
  if (inPart) leaderboardNotes.push(inPart);
  const noAnswer = noAnswerNotes(metrics, format, t);
  // Mentions that need no answer weigh on the volumes the table compares when they are a good part of them.
  leaderboardNotes.push(...noAnswerLines(noAnswer.filter((note) => note.notable), metrics, format, t));
  // Rates that may still rise by much are said beside the table that ranks them, not only in the methodology: those
  // brands only, so without a total, which beside the methodology's (every brand's) would read as a second one.
  const pending = pendingWarning(metrics.brands.filter(notablyPending), format, t, 'some');
  if (pending) leaderboardNotes.push(pending);
  const configured = config.report.scorecard;
  // One "about the same" rule for every ✓ ≈ ✗ of the report: the scorecard's and the subjects'.
  const thresholds = {
    sameWithinPoints: configured?.sameWithinPoints ?? DEFAULT_SCORECARD_THRESHOLDS.sameWithinPoints,
    sameWithinPercent: configured?.sameWithinPercent ?? DEFAULT_SCORECARD_THRESHOLDS.sameWithinPercent,
  };
  const scorecard = buildScorecard(metrics, format, t, thresholds);
  const agencyName = config.report.agency?.name;
  const themes = buildThemes(metrics, format, t, previousLabel, thresholds);
  const unmeasured = new Set(
    (metrics.byPlatform ?? []).filter((entry) => entry.brands.some((brand) => brand.id === client.id && warningsOf(brand).includes('no-brand-posts'))).map((entry) => entry.platform),
  );
  // On a platform without the client's posts the data cannot tell an unanswered mention from an answered one.
  const unanswered = (facts?.unanswered ?? []).filter((sample) => !unmeasured.has(sample.platform));
  const unmeasuredNames = warningsOf(client).includes('no-brand-posts') ? platformsWith(metrics, client.id, 'no-brand-posts', format) : null;

  const workbookInputs = { t, client: { id: client.id, name: client.name }, agency: agencyName === undefined ? null : agencyName, generatedAt: inputs.generatedAt ?? new Date() };
  const model: ReportModel = {
    language,
    locale: format.locale,
    title: t('report.title'),
    agency: { name: agencyName === undefined ? null : printableName(agencyName), logoDataUrl: logoDataUrl(config.report.agency?.logo, config.baseDir) },
    client: { id: client.id, name: client.name },
    colors: { primary, accent },
    period: { label: periodLabel, timezoneName: format.timezoneName(), previousLabel },
    generatedOn: t('report.generatedOn', { date: format.date(inputs.generatedAt ?? new Date()) }),
    findings: withClosingFindings(writeFindings(metrics, format, t, previousLabel, format.periodInSentence(metrics.period.start, metrics.period.end, metrics.period.label), thresholds.sameWithinPoints), [improvementFinding(improvements[0], t), themeFinding(metrics, format, t)]),
    kpis: buildKpis(metrics, format, t, previousLabel, thresholds),
    kpiNotes: [
      // The tiles and findings say "mentions": in questions-only mode the reader must know they are questions.
      ...(metrics.settings?.inbound === 'questions' ? [t('kpi.questionsOnly')] : []),
      ...(previousNotInData(client) ? [t('kpi.noPreviousData', { previous: previousLabel })] : []),
      // A client the data holds nothing of: its zeros say nothing, and the summary says so first.
      ...(noData !== null && hasNoData(client) ? [noData] : []),
      ...[...coverage, ...noAnswer].filter((note) => note.brandId === client.id).map((note) => note.text),
      ...(notablyPending(client) ? [pendingWarning([client], format, t) ?? ''] : []),
    ],
    leaderboard,
    leaderboardNotes,
    scorecard,
    charts,
    unanswered: formatExamples(unanswered, format, t, windowMin),
    unansweredNote:
      [
        ...(unmeasuredNames === null ? [] : [t(onlyUntrackedUnmeasured(metrics, client.id) ? 'examples.untracked' : 'examples.unmeasured', { client: client.name, platforms: unmeasuredNames })]),
        ...((facts?.unansweredLeftOut ?? []).some((row) => !unmeasured.has(row.platform)) ? [t('examples.listedMissing', { client: client.name })] : []),
      ].join(' ') || null,
    slowest: facts ? formatExamples(facts.slowest, format, t, windowMin) : [],
    ...methodology,
    absent: [
      ...Object.entries(CHARTS_OF_OPTIONAL_DATA).flatMap(([id, key]) => (charts[id] ? [] : [t(key)])),
      // Themes computed, none configured and none standing out: said once; a metrics file without themes says nothing of them.
      ...(client.themes?.length === 0 ? [t('absent.themes')] : []),
      ...(inputs.themesLeftOut ? [t('absent.themesLeftOut')] : []),
      // Weighed and none found: the section is left out, and the reader told why rather than left to think it forgotten.
      ...(Array.isArray(inputs.improvements) && improvements.length === 0 ? [noImprovements(metrics.diagnostics === undefined || !manifest.sections.includes('scorecard') ? null : scorecard, t)] : []),
    ],
    improvements,
    themes,
    workbook: buildWorkbookModel({ ...workbookInputs, metrics, facts, format, unanswered, businessHours: businessHoursSettings(metrics.brands, config.brands, format, t), emptyReasons: emptyReasonsOf(scorecard, t), previousLabel }),
    analystWorkbook: buildAnalystWorkbookModel(workbookInputs, analystNotes(metrics, facts, new Set(Object.keys(CHARTS_OF_OPTIONAL_DATA).filter((id) => !charts[id])), config.baseDir, format, t)),
    sections: manifest.sections.filter((section) => {
      if (section === 'improvements') return improvements.length > 0;
      if (section === 'examples') return facts !== null;
      if (section === 'themes') return themes !== null;
      // Both rest on the diagnostics, which a report made from a metrics file alone may not carry.
      if (section === 'scorecard' && metrics.diagnostics === undefined) return false;
      // A section of charts the exports give no data for is left out; the methodology says what is missing.
      const sectionCharts = SECTION_CHARTS[section];
      if (sectionCharts) return sectionCharts.some((id) => charts[id] !== undefined);
      return true;
    }),
  };
  return { model, t, format };
}

/** The findings, five at most, ending with the sentences that point further into the report: the first thing to improve, the subject answered worst. */
function withClosingFindings(findings: string[], closing: ReadonlyArray<string | null>): string[] {
  const last = closing.filter((sentence): sentence is string => sentence !== null);
  return [...findings.slice(0, 5 - last.length), ...last];
}

/** The weakest point against the competitors, first in "What to improve", with the number it rests on: the summary named none of them. */
function improvementFinding(item: ImprovementItem | undefined, t: Translate): string | null {
  const evidence = item?.evidence[0];
  return item && evidence ? t('finding.improvement', { title: item.title, evidence }) : null;
}

/** The metrics with every brand name as printed (printableName); the JSON and CSV keep them as computed. */
function printableMetrics(metrics: MetricsReport): MetricsReport {
  const named = <Brand extends { name: string }>(brand: Brand): Brand => ({ ...brand, name: printableName(brand.name) });
  return {
    ...metrics,
    brands: metrics.brands.map(named),
    byPlatform: metrics.byPlatform?.map((entry) => ({ ...entry, brands: entry.brands.map(named) })),
  };
}

/** Advice as printed: authors of examples and the brand names in sentences without bidi or control characters. */
function printableImprovement(item: ImprovementItem): ImprovementItem {
  return {
    ...item,
    title: printableName(item.title),
    evidence: item.evidence.map(printableName),
    examples: item.examples.map((example) => ({ ...example, author: printableAuthor(example.author) })),
  };
}

/**
 * Why "What to improve" is left out. Where the scorecard marks the client behind (✗) on a figure
 * the advice does not take up (too few mentions, a lower bound behind by less at its other end), "no figure falls
 * behind" would contradict the page before it: the sentence gives the bar advice must meet instead; where the client's
 * figures marked ≥ take no verdict (lower bounds), it says they are judged only where the verdict holds at either end. `scorecard` is null where the
 * report does not print one (no diagnostics, or a template without the section).
 */
function noImprovements(scorecard: Scorecard | null, t: Translate): string {
  const client = scorecard?.rows.filter((row) => row.isClient) ?? [];
  const behind = client.some((row) => row.cells.some((cell) => cell.tone === 'worse'));
  // Figures the data can only understate take no verdict: "no figure falls behind" would pass over them.
  const understated = client.some((row) => row.cells.some((cell) => cell.tone === null && cell.text.startsWith(LOWER_BOUND_MARK)));
  if (!behind) return understated ? t('absent.improvementsUnderstated', { scorecard: t('section.scorecard') }) : t('absent.improvements');
  return t('absent.improvementsBehind', { mentions: String(ADVICE_MIN_SAMPLE), competitors: String(ADVICE_MIN_COMPETITORS), scorecard: t('section.scorecard') });
}
