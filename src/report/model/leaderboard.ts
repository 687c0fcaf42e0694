import { responseRateOrder } from '../../metrics/ranking.js';
import type { BrandMetrics, MetricsReport } from '../../metrics/types.js';
import type { Formatter } from '../i18n/format.js';
import type { Translate } from '../i18n/strings.js';
import { catalogueOf, comparedRank, formatValue, labelValues, rankLeftToBounds } from './brandLookup.js';
import { lowSampleOf, markedValue } from './coverage.js';
import type { Leaderboard, LeaderboardCell } from './types.js';

/**
 * Every brand, best response rate first (brands without one last), with the
 * numbers of METRICS.md, their ranks, their coverage marks and the low-sample
 * mark on the figures that rest on few mentions; `lowSampleNote` says which,
 * and `rankNote` why a figure has no rank where missing answers leave it unknown.
 */
export function buildLeaderboard(metrics: MetricsReport, format: Formatter, t: Translate): Leaderboard & { lowSampleNote: string | null; noIntervalNote: string | null; rankNote: string | null } {
  const catalogue = catalogueOf(metrics);
  const specs = catalogue.filter((spec) => spec.shows.leaderboard === true);
  const columns = [
    { label: t('leaderboard.brand'), hint: null },
    ...specs.map((spec) => ({ label: t(spec.label, labelValues(format, spec)), hint: spec.key === 'responseRate' ? t('leaderboard.interval') : null })),
  ];
  const low = new Set<'mentions' | 'answered'>();
  const ordered = leaderboardOrder(metrics);
  // A column of counts is written as one (columnCounts: "8.380" above "15.682" in Spanish).
  const counts = new Map(specs.filter((spec) => spec.unit === 'count').map((spec) => [spec.key, format.columnCounts(ordered.map((brand) => spec.value(brand)))]));
  const rows = ordered.map((brand, row) => ({
    brandName: brand.name,
    isClient: brand.role === 'client',
    cells: specs.map((spec): LeaderboardCell => {
      const value = spec.value(brand);
      const sample = lowSampleOf(spec.key, brand, value);
      if (sample) low.add(sample);
      const text = counts.get(spec.key)?.[row] ?? formatValue(format, spec, value);
      const rank = spec.better ? comparedRank(metrics, brand, spec.key) : null;
      return { text: markedValue(spec, brand, value, text, format), rank: rank === null ? null : String(rank) };
    }),
    interval: format.percentInterval(brand.responseRateCi),
  }));
  const lowSampleNote =
    low.size === 0 ? null : t(low.size === 2 ? 'leaderboard.noteLowSampleBoth' : low.has('mentions') ? 'leaderboard.noteLowSampleMentions' : 'leaderboard.noteLowSampleAnswered');
  // A rate without its interval is a lower bound (responseRateCi): the dash in that column is said, not left to puzzle.
  const noIntervalNote = metrics.brands.some((brand) => brand.responseRate !== null && brand.responseRateCi === null) ? t('leaderboard.noteNoInterval') : null;
  // A figure without a rank for missing answers, in a column of two figures or more, is said under the table, as under the scorecard's.
  const measured = (spec: (typeof specs)[number]) => metrics.brands.filter((brand) => spec.value(brand) !== null).length >= 2;
  const rankNote = specs.some((spec) => measured(spec) && metrics.brands.some((brand) => rankLeftToBounds(metrics, brand, spec))) ? t('rank.noteUnknown') : null;
  return { columns, rows, lowSampleNote, noIntervalNote, rankNote };
}

/** Best response rate first, brands whose rate is not compared last, then by name: the order of every per-brand table (responseRateOrder). */
export function leaderboardOrder(metrics: MetricsReport): BrandMetrics[] {
  return responseRateOrder(metrics.brands);
}
