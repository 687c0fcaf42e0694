import { MIN_SAMPLE, type MetricSpec, tileMetrics } from '../../metrics/catalogue.js';
import type { BrandMetrics, ChangeReason, CoverageWarning, MetricsReport } from '../../metrics/types.js';
import type { Formatter } from '../i18n/format.js';
import type { Translate } from '../i18n/strings.js';
import { catalogueOf, changeOf, clientOf, comparedRank, formatChange, formatValue, labelValues, rankedCount, rankOf } from './brandLookup.js';
import { isLowerBoundUnder } from '../../metrics/coverage.js';
import { changeNotSettled } from '../../metrics/pending.js';
import { LOW_SAMPLE_MARK, LOWER_BOUND_MARK, lowSampleOf, onlyUntrackedUnmeasured, printsBound, warningsOf, zeroLowerBoundRange } from './coverage.js';
import { noBrandReplies } from './findings.js';
import type { ScorecardThresholds } from './scorecard.js';
import type { KpiTile, Tone } from './types.js';

/**
 * The client's headline numbers with their change against the previous
 * period (or why there is none), their rank and the coverage warnings that
 * touch them. When no brand has a response in the data, only volume and
 * share of voice.
 */
export function buildKpis(metrics: MetricsReport, format: Formatter, t: Translate, previousLabel: string, thresholds: ScorecardThresholds): KpiTile[] {
  const client = clientOf(metrics);
  const tiles = tileMetrics(catalogueOf(metrics));
  // When no brand has a response in the data, only volume and share of voice say anything.
  const shown = noBrandReplies(metrics) ? tiles.filter((spec) => spec.restsOn === 'mentions') : tiles;
  const warnings = warningsOf(client);
  // The same "the data holds nothing of September" under every tile says one thing six times: the summary's notes say it once.
  const unknownBefore = previousNotInData(client);
  return shown.map((spec: MetricSpec): KpiTile => {
    const change = changeOf(client, spec.key);
    const reason = unknownBefore ? undefined : client.changeReason?.[spec.key];
    const rank = spec.better ? comparedRank(metrics, client, spec.key) : null;
    const touched = spec.marks.filter((warning) => warnings.includes(warning));
    // The leaderboard's low-sample mark, on the tile too, with what is low under it.
    const low = lowSampleOf(spec.key, client, spec.value(client));
    const shownValue = formatValue(format, spec, spec.value(client));
    const lowerBound = isLowerBoundUnder(touched) && printsBound(spec.unit, spec.value(client));
    const range = zeroLowerBoundRange(spec, client, spec.value(client), format);
    const value = `${range ?? shownValue}${low === null ? '' : ` ${LOW_SAMPLE_MARK}`}`;
    return {
      label: t(spec.label, labelValues(format, spec)),
      value: lowerBound && range === null ? `${LOWER_BOUND_MARK} ${value}` : value,
      change:
        change !== null
          ? changeNotSettled(client, spec.key)
            ? // A fall its pending mentions could still make up: said so, and not coloured as a decline.
              { text: t('kpi.changeNotSettled', { change: formatChange(format, spec, change), previous: previousLabel }), tone: 'neutral' }
            : { text: t('kpi.change', { change: formatChange(format, spec, change), previous: previousLabel }), tone: toneOf(change, spec, thresholds) }
          : reason
            ? { text: noChangeText(t, reason, spec, previousLabel), tone: 'neutral' }
            : null,
      // A rank another brand holds too is said so: "Rank 1 of 5" alone reads as the sole leader.
      note: rank === null ? null : t(sharesRank(metrics, client, spec.key, rank) ? 'kpi.rankShared' : 'kpi.rank', { rank, brands: rankedCount(metrics, spec.key) }),
      flags: [...(low === null ? [] : [t(low === 'mentions' ? 'kpi.flagLowSampleMentions' : 'kpi.flagLowSampleAnswered', { minimum: format.count(MIN_SAMPLE) })]), ...touched.map((warning) => t(flagKey(warning, range !== null, onlyUntrackedUnmeasured(metrics, client.id))))],
    };
  });
}

const FLAG_KEYS: Record<CoverageWarning, string> = {
  'no-brand-posts': 'kpi.flagNoBrandPosts',
  'few-brand-posts': 'kpi.flagFewBrandPosts',
  'responses-missing': 'kpi.flagResponsesMissing',
  'brand-posts-partial': 'kpi.flagBrandPostsPartial',
  'parents-missing': 'kpi.flagParentsMissing',
  'dominant-author': 'kpi.flagDominantAuthor',
  'partial-period': 'kpi.flagPartialPeriod',
};

/** A coverage warning's note under a tile: a range says the missing responses' part without the "≥" it does not print. */
function flagKey(warning: CoverageWarning, range: boolean, noAccount: boolean): string {
  if (warning === 'no-brand-posts' && noAccount) return 'kpi.flagNoAccount';
  if (warning === 'responses-missing' && range) return 'kpi.flagResponsesMissingRange';
  return FLAG_KEYS[warning];
}

/** Why a change against the previous period is not given, in a sentence: under a headline figure and in the workbook's changes sheet. */
export function noChangeText(t: Translate, reason: ChangeReason, spec: MetricSpec, previousLabel: string): string {
  return t(CHANGE_REASON_KEYS[reason], { previous: previousLabel, sample: t(`kpi.sample.${spec.restsOn ?? 'mentions'}`) });
}

const CHANGE_REASON_KEYS: Record<ChangeReason, string> = {
  'thin-period': 'kpi.noChange.thinPeriod',
  'thin-previous-period': 'kpi.noChange.thinPreviousPeriod',
  'unmeasured-previous-period': 'kpi.noChange.unmeasuredPreviousPeriod',
  'unmeasured-period': 'kpi.noChange.unmeasuredPeriod',
  'platform-missing': 'kpi.noChange.platformMissing',
  'platform-missing-previous': 'kpi.noChange.platformMissingPrevious',
  'brand-posts-partial': 'kpi.noChange.brandPostsPartial',
  'brand-posts-partial-previous': 'kpi.noChange.brandPostsPartialPrevious',
  'responses-missing': 'kpi.noChange.responsesMissing',
  'responses-missing-previous': 'kpi.noChange.responsesMissingPrevious',
  'brand-data-partial': 'kpi.noChange.brandDataPartial',
  'brand-data-partial-previous': 'kpi.noChange.brandDataPartialPrevious',
  'previous-period-not-in-data': 'kpi.noChange.previousNotInData',
  'period-partly-in-data': 'kpi.noChange.periodPartlyInData',
  'previous-period-partly-in-data': 'kpi.noChange.previousPartlyInData',
  'shares-partial': 'kpi.noChange.sharesPartial',
  'shares-partial-previous': 'kpi.noChange.sharesPartialPrevious',
};

/**
 * A change's colour: neutral within the scorecard's "about the same" (sameWithinPoints for rates and shares,
 * sameWithinPercent for the rest), where an orange "-0.1 pts" read as a decline.
 */
function toneOf(value: number, spec: MetricSpec, thresholds: ScorecardThresholds): Tone {
  const within = spec.change === 'pp' ? thresholds.sameWithinPoints : thresholds.sameWithinPercent;
  if (spec.better === null || Math.abs(value) <= within + 1e-9) return 'neutral';
  return (value > 0) === (spec.better === 'higher') ? 'good' : 'bad';
}

/** Whether the data holds nothing of the previous period: every change of the brand is missing for that reason. */
export function previousNotInData(brand: BrandMetrics): boolean {
  const reasons = Object.values(brand.changeReason ?? {});
  return reasons.length > 0 && reasons.every((reason) => reason === 'previous-period-not-in-data');
}

/** Whether another brand holds the same rank on the metric (competition ranks: equal printed values share the better one). */
function sharesRank(metrics: MetricsReport, client: BrandMetrics, key: string, rank: number): boolean {
  return metrics.brands.some((other) => other.id !== client.id && rankOf(other, key) === rank);
}
