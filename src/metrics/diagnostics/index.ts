/**
 * Diagnostics of the classic community-management mistakes: canned replies,
 * unsolicited mentions, follow-through, business hours, influencer priority,
 * sentiment and the "latest message" response clock. Each family is one SQL
 * file (or a few) in queries/diagnostics/, run on the base tables of
 * src/metrics/base.ts (inbound mentions and first responses are never
 * re-detected here).
 */
import type { Config } from '../../config/types.js';
import { UserError } from '../../errors.js';
import type { Store } from '../../store/database.js';
import { iso, prepareBase } from '../base.js';
import { parsePeriod, type Period } from '../period.js';
import { runQueryFile } from '../sql.js';
import { influencerPriority, sentimentGroups } from './audience.js';
import { businessHours } from './business-hours.js';
import { cannedReplies } from './canned.js';
import { assignDiagnosticRanks, diagnosticBenchmarks } from './catalogue.js';
import { clockStartLatest } from './clock-start.js';
import { unansweredExamples } from './examples.js';
import { followThrough } from './follow-through.js';
import { resolveSettings, type DiagnosticOptions } from './settings.js';
import type { BrandDiagnostics, DiagnosticNote, Diagnostics } from './types.js';
import { unsolicitedMentions } from './unsolicited.js';

export type { DiagnosticOptions } from './settings.js';
export { DIAGNOSTIC_METRICS, type DiagnosticMetric, type DiagnosticMetricKey } from './catalogue.js';
export { diagnosticColumns } from './columns.js';
export type * from './types.js';

const DAY_MS = 86_400_000;

/**
 * Every diagnostic for the config's brands and one period, all platforms
 * together. It rebuilds the base tables of src/metrics/base.ts for its own
 * range (the period plus the 7 days before it, inbound mode "all", so "had
 * written to the brand" sees every message) and so replaces those of an
 * earlier computeMetrics on the same store; the questions-only mode is then
 * applied in each query. Put the result in `MetricsReport.diagnostics`.
 * @example
 * const report = await computeMetrics(store, config, '2017-10');
 * report.diagnostics = await computeDiagnostics(store, config, '2017-10');
 */
export async function computeDiagnostics(store: Store, config: Config, period: string | Period, options: DiagnosticOptions = {}): Promise<Diagnostics> {
  const current = typeof period === 'string' ? parsePeriod(period, config.timezone) : period;
  if (current.timezone !== config.timezone) throw new UserError(`--period: the period is in ${current.timezone} but the config's timezone is ${config.timezone}.`);
  const settings = resolveSettings(config, options);
  const limit = options.examples ?? 5;

  const lookbackStart = new Date(current.start.getTime() - settings.unsolicitedLookbackDays * DAY_MS);
  await prepareBase(store, { ...config, metrics: { ...config.metrics, inbound: 'all' } }, { start: lookbackStart, end: current.end });
  await runQueryFile(store, 'diagnostics/normalise_text');
  await runQueryFile(store, 'diagnostics/sentiment_class');

  const range = { start: iso(current.start), end: iso(current.end) };
  const scoped = { ...range, inbound_mode: settings.inbound };
  const canned = await cannedReplies(store, range, settings.cannedMinUses, 5);
  const unsolicited = await unsolicitedMentions(store, range, settings, limit);
  const follow = await followThrough(store, range, limit);
  const hours = await businessHours(store, config, scoped, settings.responseWindowMin);
  const influencers = await influencerPriority(store, scoped, settings.influencerFollowers);
  const sentiment = await sentimentGroups(store, scoped);
  const latest = await clockStartLatest(store, scoped);
  const unanswered = await unansweredExamples(store, scoped, limit);

  const notes: DiagnosticNote[] = [];
  const brands: BrandDiagnostics[] = config.brands.map((brand) => {
    const hoursOf = hours.get(brand.id) ?? null;
    const influencersOf = influencers.get(brand.id) ?? null;
    const sentimentOf = sentiment.get(brand.id) ?? null;
    if (!brand.businessHours) notes.push({ brandId: brand.id, code: 'no-business-hours' });
    if (!influencersOf) notes.push({ brandId: brand.id, code: 'no-follower-data' });
    if (!sentimentOf) notes.push({ brandId: brand.id, code: 'no-sentiment-data' });
    return {
      id: brand.id,
      name: brand.name,
      role: brand.role,
      canned: canned.get(brand.id) ?? { replies: 0, cannedReplies: 0, cannedShare: null, topTemplates: [] },
      unsolicited: unsolicited.get(brand.id) ?? { brandPosts: 0, unsolicitedPosts: 0, unsolicitedShare: null, examples: [] },
      followThrough: follow.get(brand.id) ?? { followUps: 0, answered: 0, answeredShare: null, responseTimeMedianMin: null, conversations: 0, abandoned: 0, abandonedExamples: [] },
      businessHours: hoursOf,
      influencers: influencersOf,
      sentiment: sentimentOf,
      clockLatest: latest.get(brand.id) ?? { answered: 0, responseTimeMedianMin: null, responseTimeP90Min: null, responseTimeMeanMin: null },
      unansweredExamples: unanswered.get(brand.id) ?? [],
      rank: {},
    };
  });
  assignDiagnosticRanks(brands);
  return { settings, brands, benchmarks: diagnosticBenchmarks(brands), notes };
}
