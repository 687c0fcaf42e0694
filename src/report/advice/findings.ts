import { type MetricSpec, metricCatalogue, specOf } from '../../metrics/catalogue.js';
import { DIAGNOSTIC_METRICS, type DiagnosticMetricKey, groupBoundByListedMissing, listedMissingEnd, placedDiagnostic } from '../../metrics/diagnostics/catalogue.js';
import { placedFigure } from '../../metrics/ranking.js';
import type { BrandDiagnostics, Diagnostics } from '../../metrics/diagnostics/types.js';
import type { Benchmark, BrandMetrics, MetricsReport } from '../../metrics/types.js';
import type { FindingId, ImprovementItem } from './types.js';

export type Example = ImprovementItem['examples'][number];

/** A number a finding rests on, with how it is printed. */
export type Shown = { value: number; as: 'percent' | 'duration' | 'count' };

/** The extra sentence of a finding (`advice.detail.<kind>` in the strings), with its numbers. */
export type Detail =
  | { kind: 'answeredOf'; answered: number; inbound: number }
  | { kind: 'broadcastsVsReplies'; broadcasts: number; replies: number }
  | { kind: 'topTemplate'; uses: number }
  | { kind: 'unsolicitedCount'; count: number; posts: number }
  | { kind: 'abandoned'; count: number; conversations: number }
  | { kind: 'influencersVsOthers'; threshold: number; influencers: number; others: number }
  | { kind: 'negativeAnswered'; answered: number; inbound: number }
  | { kind: 'outsideHours'; rate: number; inbound: number };

/** A weak point of the client: its value, the competitor median, its rank and the best brand, all as shown in the tables. */
export interface Finding {
  id: FindingId;
  /** The metric key in the leaderboard (rank/benchmarks) or in the diagnostics. */
  metric: string;
  /** The strings key of the metric's one label (`label.<key>`), as the tables print it. */
  label: string;
  as: 'percent' | 'duration';
  /** `end`: the other end of the client's value where it is a bound (listed responses the data lacks); it is behind at both. */
  client: { name: string; value: number; end: number | null; rank: number | null };
  competitorMedian: number;
  /**
   * The median's other end where it rests on competitors' bounds (Benchmark.competitorMedianEnd): the client is behind
   * at either, since the median as computed is the competitors' worst end.
   */
  competitorMedianEnd: number | null;
  /** How many measured competitors the median rests on (at least 2: fewer is no comparison). */
  competitorsMeasured: number;
  ranked: number;
  /** The brands with the best value: several when they tie on it. */
  /** `end`: the best value's other end where it is a bound (Benchmark.bestEnd). */
  best: { names: string[]; value: number; end: number | null } | null;
  /**
   * How far behind the competitor median, relative to it (a median under 1%
   * or 1 minute counts as 1% or 1 minute); orders the findings.
   */
  severity: number;
  detail: Detail | null;
  examples: Example[];
}

interface Contender {
  id: string;
  name: string;
  role: 'client' | 'competitor';
  value: number | null;
  rank: number | null;
  /**
   * Its value takes part in the ranks: ranked; or unranked as a bound that reads as its worst end, which the ranks behind
   * it count, or as a figure such a bound's range reaches over (ranking.ts, assignRanks).
   */
  placed: boolean;
}

interface Spec {
  id: FindingId;
  /** The catalogue entry the finding rests on: its key, which way is better, its unit. */
  metric: Pick<MetricSpec<never>, 'key' | 'better' | 'unit' | 'label'>;
  contenders: Contender[];
  benchmark: Benchmark | undefined;
  detail: Detail | null;
  examples: Example[];
  /** How many mentions (or posts) the client's value rests on. */
  sample: number;
}

const MAX_EXAMPLES = 3;
/** A median of fewer measured competitors is no benchmark (METRICS.md, "Comparability"). */
export const ADVICE_MIN_COMPETITORS = 2;
/** Advice never rests on fewer than this many mentions or posts (the lowSample threshold). */
export const ADVICE_MIN_SAMPLE = 30;
/** Smallest gap worth advice: 2 percentage points, or 1 minute. */
const MIN_GAP = { percent: 0.02, duration: 1 };

/** The client's weak points against its competitors, weakest first. */
export function findWeakPoints(metrics: MetricsReport, diagnostics: Diagnostics | undefined): Finding[] {
  const unmeasured = metrics.brands.find((b) => b.role === 'client')?.coverage?.warnings.includes('no-brand-posts') ?? false;
  const specs = [...baseSpecs(metrics, diagnostics), ...(diagnostics ? diagnosticSpecs(diagnostics, unmeasured) : [])];
  return specs
    .map(evaluate)
    .filter((finding): finding is Finding => finding !== null)
    .sort((a, b) => b.severity - a.severity || a.id.localeCompare(b.id));
}

/**
 * The client behind the competitor median of the metrics' benchmark (no
 * benchmark, no comparison), with its rank and the benchmark's best brand. A
 * value that is a bound is judged, and weighed, at its end nearest the median:
 * the advice stands only where the client is behind even there. The median as
 * printed is the competitors' worst end (Benchmark.competitorMedianEnd).
 */
function evaluate(spec: Spec): Finding | null {
  const { better, unit } = spec.metric;
  const as = unit === 'share' ? 'percent' : unit === 'minutes' ? 'duration' : null;
  const client = spec.contenders.find((c) => c.role === 'client');
  const competitorMedian = spec.benchmark?.competitorMedian ?? null;
  const competitorsMeasured = spec.benchmark?.competitorsMeasured ?? 0;
  // The benchmark leaves out a client whose value is not comparable (too few posts of its own, its posts held in part).
  if (spec.benchmark?.client == null) return null;
  if (!better || !as || !client || client.value === null || spec.sample < ADVICE_MIN_SAMPLE || competitorMedian === null || competitorsMeasured < ADVICE_MIN_COMPETITORS) return null;
  const clientEnd = spec.benchmark?.clientEnd ?? null;
  const nearest = clientEnd ?? client.value;
  const behind = better === 'higher' ? competitorMedian - nearest : nearest - competitorMedian;
  if (behind < MIN_GAP[as]) return null;
  const scale = Math.max(Math.abs(competitorMedian), as === 'percent' ? 0.01 : 1);
  const bestValue = spec.contenders.find((c) => c.id === spec.benchmark?.bestBrandId)?.value ?? null;
  const best = bestValue === null ? [] : spec.contenders.filter((c) => c.value === bestValue);
  return {
    id: spec.id,
    metric: spec.metric.key,
    label: spec.metric.label,
    as,
    client: { name: client.name, value: client.value, end: clientEnd, rank: client.rank },
    competitorMedian,
    competitorMedianEnd: spec.benchmark?.competitorMedianEnd ?? null,
    competitorsMeasured,
    ranked: spec.contenders.filter((c) => c.placed).length,
    best: bestValue === null || best.length === 0 ? null : { names: best.map((c) => c.name), value: bestValue, end: spec.benchmark?.bestEnd ?? null },
    severity: behind / scale,
    detail: spec.detail,
    examples: spec.examples.slice(0, MAX_EXAMPLES),
  };
}

/** Every brand with its value and rank on the catalogue entry `metric`, and whether it takes part in the ranks (`placed`: placedFigure, placedDiagnostic). */
function contendersOf<Brand extends Omit<Contender, 'value' | 'rank' | 'placed'> & { rank: Record<string, number | null> }>(
  brands: Brand[],
  metric: MetricSpec<Brand>,
  placed: (brand: Brand) => boolean,
): Contender[] {
  return brands.map((b) => {
    const rank = b.rank[metric.key] ?? null;
    return { id: b.id, name: b.name, role: b.role, value: metric.value(b), rank, placed: rank !== null || placed(b) };
  });
}

function baseSpecs(metrics: MetricsReport, diagnostics: Diagnostics | undefined): Spec[] {
  const client = metrics.brands.find((b) => b.role === 'client');
  const catalogue = metricCatalogue(metrics.settings?.sla ?? []);
  const spec = (id: FindingId, key: string, sample: number, detail: Detail | null, examples: Example[] = []): Spec => {
    const metric: MetricSpec<BrandMetrics> = specOf(catalogue, key);
    return { id, metric, contenders: contendersOf(metrics.brands, metric, (brand) => placedFigure(brand, metric)), benchmark: metrics.benchmarks?.find((b) => b.metric === key), detail, examples, sample };
  };
  const warnings = client?.coverage?.warnings ?? [];
  // The examples name no platform: with a platform lacking the client's posts, some would be mentions nobody can call unanswered.
  const unanswered = warnings.includes('no-brand-posts') ? [] : (diagnostics?.brands.find((b) => b.role === 'client')?.unansweredExamples ?? []);
  const measured = client?.coverage?.inboundMeasured ?? client?.inbound ?? 0;
  // Under responses-missing the rate is a lower bound (evaluate judges it at its other end), and "N of M were answered" would
  // say the data's count as the brand's.
  const listsMissing = warnings.includes('responses-missing');
  return [
    spec('unanswered', 'responseRate', measured, client && !listsMissing ? { kind: 'answeredOf', answered: client.answered, inbound: measured } : null, unanswered.map(example)),
    // With metrics.clockStart: latest, speed is judged on the diagnostics' latest-message clock instead (diagnosticSpecs).
    ...(diagnostics?.settings.clockStart === 'latest' ? [] : [spec('slow', 'responseTimeMedianMin', client?.answered ?? 0, null)]),
    spec('megaphone', 'replyShare', client ? client.replies + client.broadcasts : 0, client ? { kind: 'broadcastsVsReplies', broadcasts: client.broadcasts, replies: client.replies } : null),
  ];
}

function diagnosticSpecs(diagnostics: Diagnostics, unmeasuredPlatforms: boolean): Spec[] {
  const client = diagnostics.brands.find((b) => b.role === 'client');
  const spec = (id: FindingId, key: DiagnosticMetricKey, sample: number | undefined, detail: Detail | null, examples: Example[] = []): Spec => {
    const metric: MetricSpec<BrandDiagnostics> = specOf(DIAGNOSTIC_METRICS, key);
    return { id, metric, contenders: contendersOf(diagnostics.brands, metric, (brand) => placedDiagnostic(brand, metric, diagnostics.settings)), benchmark: diagnostics.benchmarks.find((b) => b.metric === key), detail, examples, sample: sample ?? 0 };
  };
  const topTemplate = client?.canned.topTemplates[0];
  const influencers = client?.influencers;
  const negative = client?.sentiment?.bySentiment.negative;
  const hours = client?.businessHours;
  const latestClock = diagnostics.settings.clockStart === 'latest' ? [spec('slow', 'latestClockTimeMedianMin', client?.clockLatest.answered, null)] : [];
  // A share answered that responses its export lists and the data lacks make a bound (listedMissingEnd) is judged at its other end (evaluate),
  // and no detail quotes one, nor a count of answers the data may lack.
  const bound = (key: string) => client !== undefined && listedMissingEnd(client, specOf(DIAGNOSTIC_METRICS, key), diagnostics.settings) !== null;
  const othersBound = influencers !== undefined && influencers !== null && groupBoundByListedMissing(influencers.others, diagnostics.settings);
  const specs = [
    ...latestClock,
    spec(
      'canned-replies',
      'cannedShare',
      client?.canned.replies,
      topTemplate ? { kind: 'topTemplate', uses: topTemplate.uses } : null,
      (client?.canned.topTemplates ?? []).map((t) => ({ author: t.exampleAuthor, text: t.example, createdAt: t.firstUsedAt, url: t.exampleUrl })),
    ),
    spec(
      'unsolicited-mentions',
      'unsolicitedShare',
      client?.unsolicited.brandPosts,
      client ? { kind: 'unsolicitedCount', count: client.unsolicited.unsolicitedPosts, posts: client.unsolicited.brandPosts } : null,
      (client?.unsolicited.examples ?? []).map(example),
    ),
    spec(
      'follow-ups',
      'followUpAnsweredShare',
      client?.followThrough.followUps,
      // With one follow-up per conversation, "N of M conversations ended unanswered" only says the share again.
      client && client.followThrough.conversations < client.followThrough.followUps && !bound('abandonedShare')
        ? { kind: 'abandoned', count: client.followThrough.abandoned, conversations: client.followThrough.conversations }
        : null,
      (client?.followThrough.abandonedExamples ?? []).map(example),
    ),
    spec(
      'influencers',
      'influencerResponseRate',
      influencers?.influencers.inbound,
      influencers && influencers.influencers.responseRate !== null && influencers.others.responseRate !== null && !othersBound && !bound('influencerResponseRate')
        ? { kind: 'influencersVsOthers', threshold: influencers.followerThreshold, influencers: influencers.influencers.responseRate, others: influencers.others.responseRate }
        : null,
    ),
    spec(
      'negative-mentions',
      'negativeResponseRate',
      negative?.inbound,
      negative && !bound('negativeResponseRate') ? { kind: 'negativeAnswered', answered: negative.answered, inbound: negative.inbound } : null,
      unmeasuredPlatforms ? [] : (client?.unansweredExamples ?? []).filter((e) => e.sentiment === 'negative' && inSentimentComparison(diagnostics, e.platform)).map(example),
    ),
    spec(
      'business-hours',
      'businessTimeMedianMin',
      hours ? hours.answeredInside + hours.answeredOutside : 0,
      // Its rate outside hours, a lower bound where the data holds its posts on part of the period only, is no evidence then.
      hours && hours.responseRateOutside !== null && !client?.postsPartial && !bound('responseRateOutsideHours') ? { kind: 'outsideHours', rate: hours.responseRateOutside, inbound: hours.inboundOutside } : null,
    ),
  ];
  return specs;
}

/** A platform the negative-mention figures rest on: an example from a platform the comparison leaves out would not be one of them. */
function inSentimentComparison(diagnostics: Diagnostics, platform: string): boolean {
  const compared = diagnostics.comparedPlatforms.sentiment;
  return compared.length === 0 || compared.includes(platform);
}

function example(post: { author: string; text: string; createdAt: string; url: string | null }): Example {
  return { author: post.author, text: post.text, createdAt: post.createdAt, url: post.url };
}
