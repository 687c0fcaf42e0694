import { z } from 'zod';
import { type Analysis, withAnalysis, type AnalysisOptions } from '../analysis/analysis.js';
import type { Config } from '../config/types.js';
import type { Store } from '../store/database.js';
import { MIN_SAMPLE, metricCatalogue } from './catalogue.js';
import { responsesMissingThreshold } from './coverage.js';
import type { Period } from '../analysis/period.js';
import { ALL_PLATFORMS, periodMetrics, type ScopedMetrics } from './period-metrics.js';
import { answersOtherEnd, assignRanks, benchmarks, changeOf, comparableAmong, comparableMetrics, isBoundFigure, countedFigures, dataInPart, missingPlatforms, previousValues, withholdFigures, withholdShareChanges } from './ranking.js';
import { hourOfWeek, monthlyTrend } from './trend.js';
import type { BrandMetrics, ChangeReason, DataQuality, MetricsReport, PeriodJson, TrendPartialMonth } from './types.js';

export type ComputeOptions = AnalysisOptions;

const qualityRow = z.object({ posts: z.number(), replies_before_parent: z.number(), unresolved_parents: z.number(), pending: z.number() });
const spanRow = z.object({
  first_at: z.string().nullable(),
  last_at: z.string().nullable(),
  days_with_data: z.number(),
  span_days: z.number(),
  period_days: z.number(),
  busiest_day: z.string().nullable(),
  busiest_day_mentions: z.number(),
  busiest_day_share: z.number().nullable(),
  partial: z.boolean(),
});

/**
 * The monthly trend, and which of its months with data the exports reach over in part only, and whose: every brand's in
 * a month the exports end in or one a platform's export skipped, or those of the brands whose data begins late or ends
 * early beside the other brands' (Analysis.brandsInPart), judged beside the month before it.
 */
async function trendOf(analysis: Analysis, months: Period[]): Promise<Pick<MetricsReport, 'trend' | 'trendPartialMonths' | 'trendPartialBrands'>> {
  const trend = await monthlyTrend(analysis, months);
  const held = new Set(trend.filter((point) => point.inbound !== null).map((point) => point.month));
  const tracked = analysis.config.brands.map((brand) => brand.id);
  const trendPartialBrands: TrendPartialMonth[] = [];
  for (const [index, month] of months.entries()) {
    if (!held.has(month.label)) continue;
    const before = months[index - 1];
    const cut = (await analysis.spansWhole(month, before)) ? new Set((await analysis.brandsInPart(month, before)).map((reach) => reach.brand)) : new Set(tracked);
    if (cut.size > 0) trendPartialBrands.push({ month: month.label, brands: tracked.filter((id) => cut.has(id)) });
  }
  return { trend, trendPartialMonths: trendPartialBrands.map((entry) => entry.month), trendPartialBrands };
}

/**
 * Every number of the metric reference for the analysis's brands and period:
 * leaderboard with ranks, changes and benchmarks, per platform, the monthly
 * trend, the hour-of-week grid and data quality.
 * @example const report = await metricsOf(await Analysis.build(store, config, '2017-10'));
 */
export async function metricsOf(analysis: Analysis): Promise<MetricsReport> {
  const { config, period: current, previous, months } = analysis;
  const catalogue = metricCatalogue(config.metrics.sla);
  const now = await periodMetrics(analysis, current);
  // No mention and no post of a tracked brand in the previous period, on a platform or on all (an export of one month):
  // its figures there are unknown, not 0. Without a row at all, they are not computed.
  const heldPrevious = await analysis.holds(previous);
  const before: ScopedMetrics = heldPrevious ? await periodMetrics(analysis, previous, false) : new Map();
  const heldBefore = (scope: string) => [...(before.get(scope)?.values() ?? [])].some((brand) => brand.inbound > 0 || brand.brandPosts > 0);
  // Of a previous period the data holds nothing of, nothing is compared: no brand is said to be cut beside it.
  const dataNow = heldPrevious ? await analysis.brandsInPart(current, previous) : [];
  const dataBefore = heldPrevious ? await analysis.brandsInPart(previous, current) : [];
  const sections: Array<{ scope: string; brands: BrandMetrics[] }> = [];
  for (const [scope, brands] of now) {
    // A platform's counts are judged on how far its own exports reach; all platforms' together on each of theirs.
    const platform = scope === ALL_PLATFORMS ? undefined : scope;
    const spans = {
      current: await analysis.spansWhole(current, previous, platform),
      previous: await analysis.spansWhole(previous, current, platform),
      // On one platform every brand's mentions are cut alike.
      sharesCurrent: platform !== undefined || !(await analysis.cutUnevenly(current, previous)),
      sharesPrevious: platform !== undefined || !(await analysis.cutUnevenly(previous, current)),
    };
    const list = [...brands.values()];
    const previousInData = heldBefore(scope);
    const pairs = list.map((brand) => ({ current: brand, previous: previousInData ? before.get(scope)?.get(brand.id) : undefined }));
    for (const { current: brand, previous: old } of pairs) {
      const { change, reasons } = changeOf(brand, old, catalogue, previousInData, spans);
      brand.change = change;
      brand.changeReason = reasons;
      brand.previous = previousValues(old, catalogue);
    }
    const missing = scope === ALL_PLATFORMS && previousInData ? missingPlatforms(now, before) : new Map<string, ChangeReason>();
    withholdFigures(pairs, catalogue, missing);
    const cut = previousInData ? dataInPart(dataNow, dataBefore, platform) : new Map<string, ChangeReason>();
    withholdFigures(pairs, countedFigures(catalogue), cut);
    // A brand of fewer than 30 mentions in both periods moves no one's share by more than its own thin count says.
    const moving = new Map([...cut].filter(([id]) => pairs.some(({ current: brand, previous: old }) => brand.id === id && Math.max(brand.inbound, old?.inbound ?? 0) >= MIN_SAMPLE)));
    withholdShareChanges(pairs, new Map([...moving, ...missing]));
    assignRanks(list, catalogue, comparableAmong(list, catalogue), isBoundFigure, answersOtherEnd);
    sections.push({ scope, brands: list });
  }
  const overall = sections.find((section) => section.scope === ALL_PLATFORMS)?.brands ?? [];

  const [quality] = await analysis.rows('data_quality', qualityRow, { ...analysis.range, inbound_mode: config.metrics.inbound });
  const dataQuality: DataQuality = {
    posts: quality?.posts ?? 0,
    repliesBeforeParent: quality?.replies_before_parent ?? 0,
    unresolvedParents: quality?.unresolved_parents ?? 0,
    pending: quality?.pending ?? 0,
  };

  const [span] = await analysis.rows('period_span', spanRow, { ...analysis.range, tz: config.timezone });

  return {
    period: periodJson(current),
    previousPeriod: periodJson(previous),
    brands: overall,
    dataQuality,
    settings: {
      inbound: config.metrics.inbound,
      responseWindowMin: config.metrics.responseWindow,
      sla: [...config.metrics.sla],
      needsAnswer: config.metrics.needsAnswer,
      massMentionHandles: config.metrics.massMentionHandles,
      responsesMissingShare: responsesMissingThreshold(config),
    },
    ...(span
      ? {
          periodCoverage: {
            span: {
              first: span.first_at,
              last: span.last_at,
              daysWithData: span.days_with_data,
              spanDays: span.span_days,
              periodDays: span.period_days,
              busiestDay: span.busiest_day,
              busiestDayMentions: span.busiest_day_mentions,
              busiestDayShare: span.busiest_day_share,
            },
            partial: span.partial,
            platformsInPart: await analysis.platformsInPart(current, previous),
            // Of a previous period the data holds nothing of, the report says that already.
            previousPlatformsInPart: heldPrevious ? await analysis.platformsInPart(previous, current) : [],
            brandsInPart: dataNow,
            previousBrandsInPart: dataBefore,
          },
        }
      : {}),
    benchmarks: benchmarks(overall, catalogue, comparableAmong(overall, catalogue), answersOtherEnd, comparableMetrics),
    byPlatform: sections.filter((section) => section.scope !== ALL_PLATFORMS).map(({ scope, brands }) => ({ platform: scope, brands })),
    ...(await trendOf(analysis, months)),
    hourOfWeek: await hourOfWeek(analysis, current),
  };
}

/** The metrics of one period in one call (builds and closes an analysis of its own). */
export function computeMetrics(store: Store, config: Config, period: string | Period, options: ComputeOptions = {}): Promise<MetricsReport> {
  return withAnalysis(store, config, period, metricsOf, options);
}

export function periodJson(period: Period): PeriodJson {
  return { start: isoSeconds(period.start), end: isoSeconds(period.end), timezone: period.timezone, label: period.label };
}

/** "2017-10-01T00:00:00Z": no milliseconds, as in the contract's example. */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.000Z$/, 'Z');
}
