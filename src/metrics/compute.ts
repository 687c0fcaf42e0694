import type { Config } from '../config/types.js';
import { UserError } from '../errors.js';
import type { Store } from '../store/database.js';
import { iso, prepareBase } from './base.js';
import { metricCatalogue } from './catalogue.js';
import { monthsEnding, parsePeriod, previousPeriod, type Period } from './period.js';
import { ALL_PLATFORMS, periodMetrics } from './period-metrics.js';
import { assignRanks, benchmarks, changeOf, previousValues } from './ranking.js';
import { queryFile } from './sql.js';
import { hourOfWeek, monthlyTrend } from './trend.js';
import type { DataQuality, MetricsReport, PeriodJson } from './types.js';

export interface ComputeOptions {
  /** Months in the trend, ending with the period's last month (default 13). */
  trendMonths?: number;
}

interface QualityRow extends Record<string, unknown> {
  posts: number;
  replies_before_parent: number;
  unresolved_parents: number;
  pending: number;
}

/**
 * Every number of the metric reference for the config's brands and one
 * period: leaderboard with ranks, changes and benchmarks, per platform, the
 * monthly trend, the hour-of-week grid and data quality.
 * @example const report = await computeMetrics(store, config, '2017-10');
 */
export async function computeMetrics(store: Store, config: Config, period: string | Period, options: ComputeOptions = {}): Promise<MetricsReport> {
  const current = typeof period === 'string' ? parsePeriod(period, config.timezone) : period;
  if (current.timezone !== config.timezone) throw new UserError(`--period: the period is in ${current.timezone} but the config's timezone is ${config.timezone}.`);
  const previous = previousPeriod(current);
  const months = monthsEnding(current, options.trendMonths ?? 13);
  const start = new Date(Math.min(previous.start.getTime(), months[0]?.start.getTime() ?? current.start.getTime()));
  const end = new Date(Math.max(current.end.getTime(), months[months.length - 1]?.end.getTime() ?? current.end.getTime()));
  await prepareBase(store, config, { start, end });

  const catalogue = metricCatalogue(config.metrics.sla);
  const now = await periodMetrics(store, config, current.start, current.end);
  const before = await periodMetrics(store, config, previous.start, previous.end, false);
  const sections = [...now].map(([scope, brands]) => {
    const list = [...brands.values()];
    for (const brand of list) {
      const old = before.get(scope)?.get(brand.id);
      brand.change = changeOf(brand, old, catalogue);
      brand.previous = previousValues(old, catalogue);
    }
    assignRanks(list, catalogue);
    return { scope, brands: list };
  });
  const overall = sections.find((section) => section.scope === ALL_PLATFORMS)?.brands ?? [];

  const [quality] = await queryFile<QualityRow>(store, 'data_quality', { start: iso(current.start), end: iso(current.end) });
  const dataQuality: DataQuality = {
    posts: quality?.posts ?? 0,
    repliesBeforeParent: quality?.replies_before_parent ?? 0,
    unresolvedParents: quality?.unresolved_parents ?? 0,
    pending: quality?.pending ?? 0,
  };

  return {
    period: periodJson(current),
    previousPeriod: periodJson(previous),
    brands: overall,
    dataQuality,
    settings: { inbound: config.metrics.inbound, responseWindowMin: config.metrics.responseWindow, sla: [...config.metrics.sla] },
    benchmarks: benchmarks(overall, catalogue),
    byPlatform: sections.filter((section) => section.scope !== ALL_PLATFORMS).map(({ scope, brands }) => ({ platform: scope, brands })),
    trend: await monthlyTrend(store, config, months),
    hourOfWeek: await hourOfWeek(store, config, current),
  };
}

export function periodJson(period: Period): PeriodJson {
  return { start: isoSeconds(period.start), end: isoSeconds(period.end), timezone: period.timezone, label: period.label };
}

/** "2017-10-01T00:00:00Z": no milliseconds, as in the contract's example. */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.000Z$/, 'Z');
}
