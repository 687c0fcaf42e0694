import { z } from 'zod';
import type { Analysis } from '../analysis/analysis.js';
import { iso } from '../analysis/build.js';
import type { Period } from '../analysis/period.js';
import { SCALAR_METRIC_LIST, type ScalarMetricFields, type ScalarMetricKey } from './catalogue.js';
import { COVERAGE_DEFAULTS, isLowerBoundUnder } from './coverage.js';
import type { BrandMetrics, CoverageWarning } from './types.js';

/** Scope of the all-platforms group in the SQL results. */
export const ALL_PLATFORMS = '*';

const count = z.number();
const value = z.number().nullable();

const scopeRow = z.object({ brand_id: z.string(), scope: z.string(), name: z.string(), role: z.enum(['client', 'competitor']) });

/** The columns of queries/<query>.sql that the registry's scalar metrics name, as a zod shape. */
function registryColumns(query: ScalarQuery): Record<string, z.ZodType<number | null>> {
  return Object.fromEntries(SCALAR_METRIC_LIST.filter((metric) => metric.sql.query === query).map((metric) => [metric.sql.column, metric.nullable ? value : count]));
}

type ScalarQuery = (typeof SCALAR_METRIC_LIST)[number]['sql']['query'];

/** The registry's metrics of one query, copied from its row into the brand's entry. */
function assignScalars(brand: BrandMetrics, query: ScalarQuery, row: Record<string, unknown>): void {
  const fields = brand as unknown as Record<ScalarMetricKey, number | null>;
  for (const metric of SCALAR_METRIC_LIST) if (metric.sql.query === query) fields[metric.key] = row[metric.sql.column] as number | null;
}

const responseRow = z.object({
  brand_id: z.string(),
  scope: z.string(),
  ...registryColumns('response'),
  response_rate_low: value,
  response_rate_high: value,
  bucket_0_1h: count,
  bucket_1_4h: count,
  bucket_4_8h: count,
  bucket_8_24h: count,
  bucket_24h_plus: count,
  bucket_unanswered: count,
  low_sample: z.boolean(),
  low_sample_times: z.boolean(),
});

const slaRow = z.object({ brand_id: z.string(), scope: z.string(), target_min: z.number(), share: value });
const ciRow = z.object({ brand_id: z.string(), scope: z.string(), lower_min: z.number(), upper_min: z.number() });
const replyRow = z.object({ brand_id: z.string(), scope: z.string(), ...registryColumns('reply_broadcast') });
const voiceRow = z.object({ brand_id: z.string(), scope: z.string(), ...registryColumns('share_of_voice') });
const coverageRow = z.object({
  brand_id: z.string(),
  scope: z.string(),
  brand_posts: count,
  own_posts_elsewhere: count,
  inbound_measured: count,
  mass_mentions: count,
  closers: count,
  inbound_with_listed_responses: count,
  listed_responses_missing: count,
  outside_own_posts: count,
  own_first_at: z.string().nullable(),
  own_last_at: z.string().nullable(),
  own_gaps: z.array(z.object({ from: z.string(), to: z.string() })),
  replies: count,
  replies_with_missing_parent: count,
  top_author: z.string().nullable(),
  top_author_mentions: count,
  top_author_share: value,
  first_at: z.string().nullable(),
  last_at: z.string().nullable(),
  days_with_data: count,
  span_days: count,
  accounts_tracked: count,
  period_days: count,
  busiest_day: z.string().nullable(),
  busiest_day_mentions: count,
  busiest_day_share: value,
  no_brand_posts: z.boolean(),
  few_brand_posts: z.boolean(),
  responses_missing: z.boolean(),
  brand_posts_partial: z.boolean(),
  parents_missing: z.boolean(),
  dominant_author: z.boolean(),
  partial_period: z.boolean(),
});

/** The coverage flags of coverage.sql, in the order warnings are listed. */
const WARNING_FLAGS: ReadonlyArray<[CoverageWarning, keyof z.infer<typeof coverageRow>]> = [
  ['no-brand-posts', 'no_brand_posts'],
  ['few-brand-posts', 'few_brand_posts'],
  ['responses-missing', 'responses_missing'],
  ['brand-posts-partial', 'brand_posts_partial'],
  ['parents-missing', 'parents_missing'],
  ['dominant-author', 'dominant_author'],
  ['partial-period', 'partial_period'],
];


/** scope ('*' or a platform) -> brand id -> metrics (ranks and changes not yet filled). */
export type ScopedMetrics = Map<string, Map<string, BrandMetrics>>;

/**
 * The metric families of one period (queries/response.sql, within_sla.sql,
 * median_ci.sql, reply_broadcast.sql, share_of_voice.sql), put together per
 * scope and brand as scopes.sql lists them. Every value is computed in SQL;
 * this only moves them into the JSON's shape.
 */
export async function periodMetrics(analysis: Analysis, period: Period, withCi = true): Promise<ScopedMetrics> {
  const params = { start: iso(period.start), end: iso(period.end), inbound_mode: analysis.config.metrics.inbound };
  await analysis.run('scopes', params);
  const thresholds = { ...COVERAGE_DEFAULTS, ...analysis.config.metrics.coverage };
  await analysis.run('coverage', {
    ...params,
    responses_missing_share: thresholds.responsesMissing,
    parents_missing_share: thresholds.parentsMissing,
    tz: analysis.config.timezone,
  });
  const scopeRows = await analysis.rows('scope_list', scopeRow);
  const scopes: ScopedMetrics = new Map();
  for (const row of scopeRows) {
    const brands = scopes.get(row.scope) ?? new Map<string, BrandMetrics>();
    brands.set(row.brand_id, emptyMetrics(row.brand_id, row.name, row.role, analysis.config.metrics.sla));
    scopes.set(row.scope, brands);
  }
  const at = (row: { scope: string; brand_id: string }): BrandMetrics => {
    const metrics = scopes.get(row.scope)?.get(row.brand_id);
    if (!metrics) throw new Error(`metrics: ${row.brand_id} in scope ${row.scope} is not in queries/scopes.sql`);
    return metrics;
  };

  for (const row of await analysis.rows('coverage_list', coverageRow)) {
    at(row).coverage = {
      brandPosts: row.brand_posts,
      ownPostsElsewhere: row.own_posts_elsewhere,
      inboundMeasured: row.inbound_measured,
      massMentions: row.mass_mentions,
      closers: row.closers,
      inboundWithListedResponses: row.inbound_with_listed_responses,
      listedResponsesMissing: row.listed_responses_missing,
      outsideOwnPosts: row.outside_own_posts,
      ownPosts: { first: row.own_first_at, last: row.own_last_at, gaps: row.own_gaps },
      replies: row.replies,
      repliesWithMissingParent: row.replies_with_missing_parent,
      accountsTracked: row.accounts_tracked,
      topAuthor: row.top_author === null || row.top_author_share === null ? null : { author: row.top_author, mentions: row.top_author_mentions, share: row.top_author_share },
      span: {
        first: row.first_at,
        last: row.last_at,
        daysWithData: row.days_with_data,
        spanDays: row.span_days,
        periodDays: row.period_days,
        busiestDay: row.busiest_day,
        busiestDayMentions: row.busiest_day_mentions,
        busiestDayShare: row.busiest_day_share,
      },
      warnings: WARNING_FLAGS.filter(([, flag]) => row[flag] === true).map(([warning]) => warning),
    };
  }
  for (const row of await analysis.rows('response', responseRow, params)) {
    const brand = at(row);
    assignScalars(brand, 'response', row);
    // A rate the data understates (a lower bound: answers it lacks, listed by the export or due outside the brand's posts) has no interval:
    // one would say where the rate lies, when the rate can only be higher ("≥ 81% 57–93%" read as a range below the bound).
    Object.assign(brand, {
      responseRateCi: row.response_rate_low === null || row.response_rate_high === null || isLowerBoundUnder(brand.coverage?.warnings ?? []) ? null : [row.response_rate_low, row.response_rate_high],
      buckets: {
        '0-1h': row.bucket_0_1h,
        '1-4h': row.bucket_1_4h,
        '4-8h': row.bucket_4_8h,
        '8-24h': row.bucket_8_24h,
        '24h+': row.bucket_24h_plus,
        unanswered: row.bucket_unanswered,
      },
      lowSample: row.low_sample,
      lowSampleTimes: row.low_sample_times,
    });
  }
  for (const row of await analysis.rows('within_sla', slaRow, params)) at(row).withinSla[String(row.target_min)] = row.share;
  if (withCi) {
    for (const row of await analysis.rows('median_ci', ciRow, params)) at(row).responseTimeMedianCi = [row.lower_min, row.upper_min];
  }
  for (const row of await analysis.rows('reply_broadcast', replyRow, params)) assignScalars(at(row), 'reply_broadcast', row);
  for (const row of await analysis.rows('share_of_voice', voiceRow, params)) assignScalars(at(row), 'share_of_voice', row);
  return scopes;
}

/** A brand's entry before the families fill it (every family fills every field of scopes.sql's rows): counts 0, rates and times null. */
function emptyMetrics(id: string, name: string, role: BrandMetrics['role'], sla: number[]): BrandMetrics {
  const scalars = Object.fromEntries(SCALAR_METRIC_LIST.map((metric) => [metric.key, metric.nullable ? null : 0])) as ScalarMetricFields;
  return {
    id,
    name,
    role,
    ...scalars,
    responseRateCi: null,
    responseTimeMedianCi: null,
    // Keys in the config's order, whatever order the SQL rows come in.
    withinSla: Object.fromEntries(sla.map((target) => [String(target), null])),
    buckets: { '0-1h': 0, '1-4h': 0, '4-8h': 0, '8-24h': 0, '24h+': 0, unanswered: 0 },
    rank: {},
    lowSample: true,
    lowSampleTimes: true,
  };
}
