import type { Analysis } from '../analysis/analysis.js';
import { iso } from '../analysis/build.js';
import { medianCiRanks } from './median-ci.js';
import type { Period } from './period.js';
import type { BrandMetrics, BucketKey } from './types.js';
import { wilsonInterval } from './wilson.js';

/** Scope of the all-platforms group in the SQL results. */
export const ALL_PLATFORMS = '*';

/** Fewer mentions than this and a value is flagged lowSample. */
export const LOW_SAMPLE = 30;

interface ResponseRow extends Record<string, unknown> {
  brand_id: string;
  scope: string;
  inbound: number;
  answered: number;
  pending: number;
  median_min: number | null;
  p90_min: number | null;
  mean_min: number | null;
  bucket_0_1h: number;
  bucket_1_4h: number;
  bucket_4_8h: number;
  bucket_8_24h: number;
  bucket_24h_plus: number;
  bucket_unanswered: number;
}

interface SlaRow extends Record<string, unknown> {
  brand_id: string;
  scope: string;
  target_min: number;
  share: number;
}

interface CiRow extends Record<string, unknown> {
  brand_id: string;
  scope: string;
  lower_min: number;
  upper_min: number;
}

interface ReplyRow extends Record<string, unknown> {
  brand_id: string;
  scope: string;
  brand_posts: number;
  replies: number;
  broadcasts: number;
}

interface VoiceRow extends Record<string, unknown> {
  brand_id: string;
  scope: string;
  share_of_voice: number | null;
}

/** scope ('*' or a platform) -> brand id -> metrics (ranks and changes not yet filled). */
export type ScopedMetrics = Map<string, Map<string, BrandMetrics>>;

/**
 * Runs the metric families of one period over the base tables and shapes
 * them per scope. Every config brand appears in the '*' scope; a platform
 * scope holds the brands with accounts or data on that platform.
 */
export async function periodMetrics(analysis: Analysis, period: Period, withCi = true): Promise<ScopedMetrics> {
  const { config } = analysis;
  const params = { start: iso(period.start), end: iso(period.end), inbound_mode: config.metrics.inbound };
  const responses = await analysis.query<ResponseRow>('response', params);
  const sla = await analysis.query<SlaRow>('within_sla', params);
  const replies = await analysis.query<ReplyRow>('reply_broadcast', params);
  const voice = await analysis.query<VoiceRow>('share_of_voice', params);
  const cis = withCi ? await medianIntervals(analysis, responses, params) : [];

  const scopes: ScopedMetrics = new Map();
  const rowsWithData = [...responses, ...replies];
  const withData = new Set(rowsWithData.map((row) => `${row.scope}\u0000${row.brand_id}`));
  const platforms = new Set(config.brands.flatMap((brand) => Object.keys(brand.accounts)));
  for (const row of rowsWithData) if (row.scope !== ALL_PLATFORMS) platforms.add(row.scope);
  for (const scope of [ALL_PLATFORMS, ...[...platforms].sort()]) {
    const brands = new Map<string, BrandMetrics>();
    for (const brand of config.brands) {
      if (scope === ALL_PLATFORMS || Object.hasOwn(brand.accounts, scope) || withData.has(`${scope}\u0000${brand.id}`)) {
        brands.set(brand.id, emptyMetrics(brand.id, brand.name, brand.role, config.metrics.sla));
      }
    }
    scopes.set(scope, brands);
  }
  const at = (row: { scope: string; brand_id: string }): BrandMetrics | undefined => scopes.get(row.scope)?.get(row.brand_id);

  for (const row of responses) {
    const metrics = at(row);
    if (!metrics) continue;
    metrics.inbound = row.inbound;
    metrics.answered = row.answered;
    metrics.pending = row.pending;
    metrics.responseRate = row.inbound > 0 ? row.answered / row.inbound : null;
    metrics.responseRateCi = wilsonInterval(row.answered, row.inbound);
    metrics.responseTimeMedianMin = row.median_min;
    metrics.responseTimeP90Min = row.p90_min;
    metrics.responseTimeMeanMin = row.mean_min;
    metrics.buckets = {
      '0-1h': row.bucket_0_1h,
      '1-4h': row.bucket_1_4h,
      '4-8h': row.bucket_4_8h,
      '8-24h': row.bucket_8_24h,
      '24h+': row.bucket_24h_plus,
      unanswered: row.bucket_unanswered,
    };
    metrics.lowSample = row.inbound < LOW_SAMPLE;
    metrics.lowSampleTimes = row.answered < LOW_SAMPLE;
  }
  for (const row of sla) {
    const metrics = at(row);
    if (metrics) metrics.withinSla[String(row.target_min)] = row.share;
  }
  for (const row of cis) {
    const metrics = at(row);
    if (metrics) metrics.responseTimeMedianCi = [row.lower_min, row.upper_min];
  }
  for (const row of replies) {
    const metrics = at(row);
    if (!metrics) continue;
    metrics.brandPosts = row.brand_posts;
    metrics.replies = row.replies;
    metrics.broadcasts = row.broadcasts;
    metrics.replyShare = row.brand_posts > 0 ? row.replies / row.brand_posts : null;
    metrics.replyToBroadcast = row.broadcasts > 0 ? row.replies / row.broadcasts : null;
  }
  for (const [scope, brands] of scopes) {
    const scopeHasMentions = voice.some((row) => row.scope === scope);
    for (const metrics of brands.values()) {
      const row = voice.find((r) => r.scope === scope && r.brand_id === metrics.id);
      // A brand with no mentions where others have some has a share of 0; with no mentions at all there is no share.
      metrics.shareOfVoice = row ? row.share_of_voice : scopeHasMentions ? 0 : null;
    }
  }
  return scopes;
}

async function medianIntervals(analysis: Analysis, responses: ResponseRow[], params: { start: string; end: string; inbound_mode: string }): Promise<CiRow[]> {
  await analysis.sql('DELETE FROM rb_ci_ranks');
  const rows: string[] = [];
  const values: Record<string, string | number> = {};
  for (const row of responses) {
    const ranks = medianCiRanks(row.answered);
    if (!ranks) continue;
    const n = rows.length;
    rows.push(`($brand${n}, $scope${n}, $lo${n}, $hi${n})`);
    Object.assign(values, { [`brand${n}`]: row.brand_id, [`scope${n}`]: row.scope, [`lo${n}`]: ranks.lo, [`hi${n}`]: ranks.hi });
  }
  if (rows.length === 0) return [];
  // One statement with a VALUES list of bound parameters: one round trip, values never spliced.
  await analysis.sql(`INSERT INTO rb_ci_ranks VALUES ${rows.join(', ')}`, values);
  return analysis.query<CiRow>('median_ci', params);
}

function emptyMetrics(id: string, name: string, role: BrandMetrics['role'], sla: number[]): BrandMetrics {
  const buckets: Record<BucketKey, number> = { '0-1h': 0, '1-4h': 0, '4-8h': 0, '8-24h': 0, '24h+': 0, unanswered: 0 };
  return {
    id,
    name,
    role,
    inbound: 0,
    answered: 0,
    pending: 0,
    responseRate: null,
    responseRateCi: null,
    responseTimeMedianMin: null,
    responseTimeMedianCi: null,
    responseTimeP90Min: null,
    responseTimeMeanMin: null,
    withinSla: Object.fromEntries(sla.map((target) => [String(target), null])),
    buckets,
    brandPosts: 0,
    replies: 0,
    broadcasts: 0,
    replyShare: null,
    replyToBroadcast: null,
    shareOfVoice: null,
    rank: {},
    lowSample: true,
    lowSampleTimes: true,
  };
}
