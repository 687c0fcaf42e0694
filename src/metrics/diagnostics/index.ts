/**
 * Diagnostics of the classic community-management mistakes: canned replies,
 * unsolicited mentions, follow-through, business hours, influencer priority,
 * sentiment and the "latest message" response clock. Each family is one SQL
 * file (or a few) in queries/diagnostics/, run on the base tables of
 * src/analysis/ (inbound mentions and first responses are never
 * re-detected here).
 */
import { z } from 'zod';
import { type Analysis, withAnalysis } from '../../analysis/analysis.js';
import { iso } from '../../analysis/build.js';
import type { Config } from '../../config/types.js';
import type { Store } from '../../store/database.js';
import type { Period } from '../../analysis/period.js';
import { audienceSplits } from './audience.js';
import { businessHours } from './business-hours.js';
import { cannedReplies } from './canned.js';
import { ANSWERED_SHARES, assignDiagnosticRanks, type DiagnosticMetricKey, diagnosticBenchmarks } from './catalogue.js';
import { clockStartLatest } from './clock-start.js';
import { unansweredExamples } from './examples.js';
import { followThrough, noFollowThrough } from './follow-through.js';
import { resolveSettings, type DiagnosticOptions } from './settings.js';
import type { BrandDiagnostics, DiagnosticNote, Diagnostics } from './types.js';
import { unsolicitedMentions } from './unsolicited.js';

const DAY_MS = 86_400_000;

const brandIdRow = z.object({ brand_id: z.string() });
const brandPlatformRow = z.object({ brand_id: z.string(), platform: z.string() });

export type { DiagnosticOptions } from './settings.js';
export { DIAGNOSTIC_METRICS, type DiagnosticMetric, type DiagnosticMetricKey } from './catalogue.js';
export { diagnosticColumns } from './columns.js';
export type * from './types.js';

/**
 * Every diagnostic for the analysis's brands and period, all platforms
 * together, read from its base tables (every inbound mention is there, so
 * "had written to the brand" sees all of them; the questions-only mode is
 * applied in each query). Put the result in `MetricsReport.diagnostics`.
 * @example
 * const analysis = await Analysis.build(store, config, '2017-10');
 * const report = await metricsOf(analysis);
 * report.diagnostics = await diagnosticsOf(analysis);
 */
export async function diagnosticsOf(analysis: Analysis, options: DiagnosticOptions = {}): Promise<Diagnostics> {
  const { config } = analysis;
  const settings = resolveSettings(config, options, analysis.lookbackDays);
  const limit = options.examples ?? 5;
  await analysis.run('diagnostics/normalise_text');

  const range = analysis.range;
  const scoped = { ...range, inbound_mode: settings.inbound, min_group_mentions: settings.minGroupMentions };
  const canned = await cannedReplies(analysis, range, settings, 5);
  const unsolicited = await unsolicitedMentions(analysis, range, settings, limit);
  const lookbackStart = iso(new Date(analysis.period.start.getTime() - settings.unsolicitedLookbackDays * DAY_MS));
  const follow = await followThrough(analysis, range, { minFollowUps: settings.minFollowUps, lookbackStart }, limit);
  const hours = await businessHours(analysis, config, scoped, settings.responseWindowMin);
  const { followers: influencers, sentiment } = await audienceSplits(analysis, settings);
  const latest = await clockStartLatest(analysis, scoped);
  const unanswered = await unansweredExamples(analysis, scoped, limit, sentiment.comparedPlatforms);
  const fewBrandPosts = new Set((await analysis.rows('diagnostics/few_brand_posts', brandIdRow, range)).map((row) => row.brand_id));
  const postsPartial = new Set((await analysis.rows('diagnostics/posts_partial', brandIdRow, { ...range, inbound_mode: settings.inbound })).map((row) => row.brand_id));
  const partialPlatforms = await analysis.rows('diagnostics/posts_partial_platforms', brandPlatformRow, range);
  // A share over the compared platforms is a lower bound where one of them holds the brand's posts in part; over every platform (none compared), where its whole data does.
  const restsOnPartial = (brandId: string, compared: readonly string[]) =>
    compared.length === 0 ? postsPartial.has(brandId) : partialPlatforms.some((row) => row.brand_id === brandId && compared.includes(row.platform));
  const lowerBoundShares = (brandId: string): DiagnosticMetricKey[] =>
    [...ANSWERED_SHARES].filter((key): key is DiagnosticMetricKey => {
      if (key === 'influencerResponseRate') return restsOnPartial(brandId, influencers.comparedPlatforms);
      if (key === 'negativeResponseRate') return restsOnPartial(brandId, sentiment.comparedPlatforms);
      return postsPartial.has(brandId);
    });

  const notes: DiagnosticNote[] = [];
  const brands: BrandDiagnostics[] = config.brands.map((brand) => {
    const hoursOf = hours.get(brand.id) ?? null;
    const influencersOf = influencers.brands.get(brand.id) ?? null;
    const sentimentOf = sentiment.brands.get(brand.id) ?? null;
    if (!brand.businessHours) notes.push({ brandId: brand.id, code: 'no-business-hours' });
    if (!influencersOf) notes.push({ brandId: brand.id, code: 'no-follower-data' });
    if (!sentimentOf) notes.push({ brandId: brand.id, code: 'no-sentiment-data' });
    return {
      id: brand.id,
      name: brand.name,
      role: brand.role,
      canned: canned.get(brand.id) ?? { replies: 0, cannedReplies: 0, cannedShare: null, reason: null, topTemplates: [] },
      unsolicited: unsolicited.get(brand.id) ?? { brandPosts: 0, unsolicitedPosts: 0, unsolicitedShare: null, examples: [] },
      followThrough: follow.get(brand.id) ?? noFollowThrough(),
      businessHours: hoursOf,
      influencers: influencersOf,
      sentiment: sentimentOf,
      clockLatest: latest.get(brand.id) ?? { answered: 0, responseTimeMedianMin: null, responseTimeP90Min: null, responseTimeMeanMin: null },
      fewBrandPosts: fewBrandPosts.has(brand.id),
      postsPartial: postsPartial.has(brand.id),
      lowerBoundShares: lowerBoundShares(brand.id),
      unansweredExamples: unanswered.get(brand.id) ?? [],
      rank: {},
    };
  });
  assignDiagnosticRanks(brands, settings);
  return {
    settings,
    brands,
    benchmarks: diagnosticBenchmarks(brands, settings),
    notes,
    comparedPlatforms: { followers: influencers.comparedPlatforms, sentiment: sentiment.comparedPlatforms },
    leftOutPlatforms: { followers: influencers.leftOutPlatforms, sentiment: sentiment.leftOutPlatforms },
  };
}

/** Diagnostics of one period in one call (builds and closes an analysis of its own). */
export function computeDiagnostics(store: Store, config: Config, period: string | Period, options: DiagnosticOptions = {}): Promise<Diagnostics> {
  return withAnalysis(store, config, period, (analysis) => diagnosticsOf(analysis, options));
}
