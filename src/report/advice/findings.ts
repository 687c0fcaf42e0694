import type { Diagnostics } from '../../metrics/diagnostics/types.js';
import { median } from '../../metrics/ranking.js';
import type { Benchmark, MetricsReport } from '../../metrics/types.js';
import type { FindingId } from './catalogue.js';
import type { ImprovementItem } from './types.js';

export type Example = ImprovementItem['examples'][number];

/** A number a finding rests on, with how it is printed. */
export type Shown = { value: number; as: 'percent' | 'duration' | 'count' };

/** The extra sentence of a finding (see catalogue.ts), with its numbers. */
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
  as: 'percent' | 'duration';
  client: { name: string; value: number; rank: number | null };
  competitorMedian: number;
  ranked: number;
  best: { name: string; value: number } | null;
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
}

interface Spec {
  id: FindingId;
  metric: string;
  better: 'higher' | 'lower';
  as: 'percent' | 'duration';
  contenders: Contender[];
  benchmark: Benchmark | undefined;
  detail: Detail | null;
  examples: Example[];
  /** How many mentions (or posts) the client's value rests on. */
  sample: number;
}

const MAX_EXAMPLES = 3;
/** Advice never rests on fewer than this many mentions or posts (the lowSample threshold). */
const MIN_SAMPLE = 30;
/** Smallest gap worth advice: 2 percentage points, or 1 minute. */
const MIN_GAP = { percent: 0.02, duration: 1 };

/** The client's weak points against its competitors, weakest first. */
export function findWeakPoints(metrics: MetricsReport, diagnostics: Diagnostics | undefined): Finding[] {
  const specs = [...baseSpecs(metrics, diagnostics), ...(diagnostics ? diagnosticSpecs(diagnostics) : [])];
  return specs
    .map(evaluate)
    .filter((finding): finding is Finding => finding !== null)
    .sort((a, b) => b.severity - a.severity || a.id.localeCompare(b.id));
}

function evaluate(spec: Spec): Finding | null {
  const client = spec.contenders.find((c) => c.role === 'client');
  if (!client || client.value === null || spec.sample < MIN_SAMPLE) return null;
  const competitorValues = spec.contenders.filter((c) => c.role !== 'client' && c.value !== null).map((c) => c.value as number);
  const competitorMedian = spec.benchmark?.competitorMedian ?? median(competitorValues);
  if (competitorMedian === null) return null;
  const behind = spec.better === 'higher' ? competitorMedian - client.value : client.value - competitorMedian;
  if (behind < MIN_GAP[spec.as]) return null;
  const scale = Math.max(Math.abs(competitorMedian), spec.as === 'percent' ? 0.01 : 1);
  const bestId = spec.benchmark?.bestBrandId ?? bestOf(spec.contenders, spec.better)?.id;
  const best = spec.contenders.find((c) => c.id === bestId && c.value !== null);
  return {
    id: spec.id,
    metric: spec.metric,
    as: spec.as,
    client: { name: client.name, value: client.value, rank: client.rank },
    competitorMedian,
    ranked: spec.contenders.filter((c) => c.rank !== null).length,
    best: best && best.value !== null ? { name: best.name, value: best.value } : null,
    severity: behind / scale,
    detail: spec.detail,
    examples: spec.examples.slice(0, MAX_EXAMPLES),
  };
}

function bestOf(contenders: Contender[], better: 'higher' | 'lower'): Contender | undefined {
  return contenders
    .filter((c) => c.value !== null)
    .sort((a, b) => ((better === 'higher' ? (b.value as number) - (a.value as number) : (a.value as number) - (b.value as number)) || a.id.localeCompare(b.id)))[0];
}

/** Every brand with its value and rank on the metric `key`. */
function contendersOf<Brand extends Omit<Contender, 'value' | 'rank'> & { rank: Record<string, number | null> }>(
  brands: Brand[],
  key: string,
  value: (brand: Brand) => number | null,
): Contender[] {
  return brands.map((b) => ({ id: b.id, name: b.name, role: b.role, value: value(b), rank: b.rank[key] ?? null }));
}

function baseSpecs(metrics: MetricsReport, diagnostics: Diagnostics | undefined): Spec[] {
  const client = metrics.brands.find((b) => b.role === 'client');
  const contenders = (key: string, value: (b: MetricsReport['brands'][number]) => number | null) => contendersOf(metrics.brands, key, value);
  const benchmark = (key: string) => metrics.benchmarks?.find((b) => b.metric === key);
  const unanswered = diagnostics?.brands.find((b) => b.role === 'client')?.unansweredExamples ?? [];
  // With metrics.clockStart: latest, speed is judged on the diagnostics' latest-message clock instead (diagnosticSpecs).
  const slow: Spec = {
    id: 'slow',
    metric: 'responseTimeMedianMin',
    better: 'lower',
    as: 'duration',
    contenders: contenders('responseTimeMedianMin', (b) => b.responseTimeMedianMin),
    benchmark: benchmark('responseTimeMedianMin'),
    detail: null,
    examples: [],
    sample: client?.answered ?? 0,
  };
  return [
    {
      id: 'unanswered',
      metric: 'responseRate',
      better: 'higher',
      as: 'percent',
      contenders: contenders('responseRate', (b) => b.responseRate),
      benchmark: benchmark('responseRate'),
      detail: client ? { kind: 'answeredOf', answered: client.answered, inbound: client.inbound } : null,
      examples: unanswered.map(example),
      sample: client?.inbound ?? 0,
    },
    ...(diagnostics?.settings.clockStart === 'latest' ? [] : [slow]),
    {
      id: 'megaphone',
      metric: 'replyShare',
      better: 'higher',
      as: 'percent',
      contenders: contenders('replyShare', (b) => b.replyShare),
      benchmark: benchmark('replyShare'),
      detail: client ? { kind: 'broadcastsVsReplies', broadcasts: client.broadcasts, replies: client.replies } : null,
      examples: [],
      sample: client ? client.replies + client.broadcasts : 0,
    },
  ];
}

function diagnosticSpecs(diagnostics: Diagnostics): Spec[] {
  const client = diagnostics.brands.find((b) => b.role === 'client');
  const benchmark = (key: string) => diagnostics.benchmarks.find((b) => b.metric === key);
  const spec = (
    id: FindingId,
    metric: string,
    better: Spec['better'],
    as: Spec['as'],
    value: (b: Diagnostics['brands'][number]) => number | null,
    sample: number | undefined,
    detail: Detail | null,
    examples: Example[] = [],
  ): Spec => ({ id, metric, better, as, contenders: contendersOf(diagnostics.brands, metric, value), benchmark: benchmark(metric), detail, examples, sample: sample ?? 0 });
  const topTemplate = client?.canned.topTemplates[0];
  const influencers = client?.influencers;
  const negative = client?.sentiment?.bySentiment.negative;
  const hours = client?.businessHours;
  const latestClock =
    diagnostics.settings.clockStart === 'latest'
      ? [spec('slow', 'latestClockTimeMedianMin', 'lower', 'duration', (b) => b.clockLatest.responseTimeMedianMin, client?.clockLatest.answered, null)]
      : [];
  return [
    ...latestClock,
    spec(
      'canned-replies',
      'cannedShare',
      'lower',
      'percent',
      (b) => b.canned.cannedShare,
      client?.canned.replies,
      topTemplate ? { kind: 'topTemplate', uses: topTemplate.uses } : null,
      (client?.canned.topTemplates ?? []).map((t) => ({ author: t.exampleAuthor, text: t.example, createdAt: t.firstUsedAt, url: t.exampleUrl })),
    ),
    spec(
      'unsolicited-mentions',
      'unsolicitedShare',
      'lower',
      'percent',
      (b) => b.unsolicited.unsolicitedShare,
      client?.unsolicited.brandPosts,
      client ? { kind: 'unsolicitedCount', count: client.unsolicited.unsolicitedPosts, posts: client.unsolicited.brandPosts } : null,
      (client?.unsolicited.examples ?? []).map(example),
    ),
    spec(
      'follow-ups',
      'followUpAnsweredShare',
      'higher',
      'percent',
      (b) => b.followThrough.answeredShare,
      client?.followThrough.followUps,
      client ? { kind: 'abandoned', count: client.followThrough.abandoned, conversations: client.followThrough.conversations } : null,
      (client?.followThrough.abandonedExamples ?? []).map(example),
    ),
    spec(
      'influencers',
      'influencerResponseRate',
      'higher',
      'percent',
      (b) => b.influencers?.influencers.responseRate ?? null,
      influencers?.influencers.inbound,
      influencers && influencers.influencers.responseRate !== null && influencers.others.responseRate !== null
        ? { kind: 'influencersVsOthers', threshold: influencers.followerThreshold, influencers: influencers.influencers.responseRate, others: influencers.others.responseRate }
        : null,
    ),
    spec(
      'negative-mentions',
      'negativeResponseRate',
      'higher',
      'percent',
      (b) => b.sentiment?.bySentiment.negative.responseRate ?? null,
      negative?.inbound,
      negative ? { kind: 'negativeAnswered', answered: negative.answered, inbound: negative.inbound } : null,
      (client?.unansweredExamples ?? []).filter((e) => e.sentiment === 'negative').map(example),
    ),
    spec(
      'business-hours',
      'businessTimeMedianMin',
      'lower',
      'duration',
      (b) => b.businessHours?.businessTimeMedianMin ?? null,
      hours ? hours.answeredInside + hours.answeredOutside : 0,
      hours && hours.responseRateOutside !== null ? { kind: 'outsideHours', rate: hours.responseRateOutside, inbound: hours.inboundOutside } : null,
    ),
  ];
}

function example(post: { author: string; text: string; createdAt: string; url: string | null }): Example {
  return { author: post.author, text: post.text, createdAt: post.createdAt, url: post.url };
}
