import { type Better, MIN_SAMPLE, type MetricSpec, type MetricUnit, metricCatalogue, type RestsOn, sampleOf, shownValue } from './catalogue.js';
import { answersUpperBound, hasNoData, hasPartialPosts, isLowerBoundUnder } from './coverage.js';
import { ALL_PLATFORMS, type ScopedMetrics } from './period-metrics.js';
import type { BrandReach } from '../analysis/analysis.js';
import type { Benchmark, BrandMetrics, ChangeReason } from './types.js';

interface RankedBrand {
  id: string;
  role: 'client' | 'competitor';
  rank: Record<string, number | null>;
}

/** Whether a brand's value of a metric takes part in ranks and benchmarks (METRICS.md, "Comparability"). */
export type Comparable<Brand> = (brand: Brand, metric: MetricSpec<Brand>) => boolean;

/**
 * Competition ranks ("1224"): 1 = best; brands with equal values share the
 * better rank; a brand without a value gets null. Values are compared after
 * rounding to 12 significant digits so floating-point noise does not split a tie.
 * `boundsAhead` are figures that take no rank but are certainly at least as good
 * as they read (lower bounds of a rate): each counts ahead of the values it passes.
 */
export function rankValues(values: Array<number | null>, better: Better, boundsAhead: readonly number[] = []): Array<number | null> {
  const keyOf = (value: number) => Number(value.toPrecision(12));
  const keyed = values.map((value) => (value === null ? null : keyOf(value)));
  const bounds = boundsAhead.map(keyOf);
  return keyed.map((value) => {
    if (value === null) return null;
    const passes = (other: number) => (better === 'higher' ? other > value : other < value);
    return 1 + keyed.filter((other) => other !== null && passes(other)).length + bounds.filter(passes).length;
  });
}

/** Median with linear interpolation (as DuckDB quantile_cont); null for no values. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) / 2;
  const low = sorted[Math.floor(position)] as number;
  const high = sorted[Math.ceil(position)] as number;
  return low + (high - low) * (position - Math.floor(position));
}

/** The metric's value of a brand when it takes part in ranks and benchmarks, else null. */
function comparableValue<Brand>(brand: Brand, metric: MetricSpec<Brand>, comparable: Comparable<Brand>): number | null {
  return comparable(brand, metric) ? metric.value(brand) : null;
}

const everyBrand = (): boolean => true;

const noBound = (): boolean => false;

/**
 * Fills `rank` on every brand, for every ranked metric (`better` not null) of
 * the catalogue, within one group of brands. Values are ranked as the report
 * prints them (shownValue), so two values printed alike share a rank; a brand
 * whose value is not comparable gets none. One whose value is a bound that reads
 * as its worst end (`bound`) is still ahead of every value it passes even so,
 * and the ranks behind it count it. A bound by a known margin (`otherEnd` gives
 * its other end, as holdsAtBothEnds does), ranked or not, that would pass a
 * value at its other end and does not at its own leaves that value's rank
 * unknown: it gets none either (Ondanet's 58% follow-ups are not first beside
 * Zentel's 53% that may be 66%).
 */
export function assignRanks<Brand extends RankedBrand, Metric extends MetricSpec<Brand>>(
  brands: Brand[],
  metrics: readonly Metric[],
  comparable: Comparable<Brand> = everyBrand,
  bound: Comparable<Brand> = noBound,
  otherEnd: (brand: Brand, metric: Metric) => number | null = () => null,
): void {
  for (const brand of brands) brand.rank = {};
  for (const metric of metrics) {
    const better = metric.better;
    if (!better) continue;
    const shown = brands.map((brand) => {
      const value = comparableValue(brand, metric, comparable);
      return value === null ? null : shownValue(metric.unit, value);
    });
    const boundsAhead = brands.flatMap((brand) => (comparable(brand, metric) ? [] : boundAsPrinted(brand, metric, bound)));
    const counted: Comparable<Brand> = (brand) => comparable(brand, metric) || bound(brand, metric);
    const ranks = rankValues(shown, better, boundsAhead);
    brands.forEach((brand, index) => {
      const value = shown[index];
      const unknown = value != null && boundsAround(brands, brand, metric, value, counted, otherEnd).length > 0;
      brand.rank[metric.key] = value == null || unknown ? null : (ranks[index] ?? null);
    });
  }
}

/** The printed value of a brand's figure that is a bound (`bound`), as the ranks count it when it takes none; none otherwise. */
function boundAsPrinted<Brand>(brand: Brand, metric: MetricSpec<Brand>, bound: Comparable<Brand>): number[] {
  const value = bound(brand, metric) ? metric.value(brand) : null;
  return value === null ? [] : [shownValue(metric.unit, value)];
}

/**
 * Whether `brand`'s figure of `metric`, where it has no rank, has none for responses the data lacks (assignRanks): it is
 * a bound by a known margin itself (`otherEnd`), or such a bound's range reaches over it (boundsAround). Not a figure
 * left unranked for another cause.
 */
export function unrankedForBounds<Brand, Metric extends Pick<MetricSpec<Brand>, 'better' | 'unit' | 'value'>>(
  brands: readonly Brand[],
  brand: Brand,
  metric: Metric,
  counted: (brand: Brand, metric: Metric) => boolean,
  otherEnd: (brand: Brand, metric: Metric) => number | null,
): boolean {
  const value = metric.value(brand);
  if (value === null || !counted(brand, metric)) return false;
  return otherEnd(brand, metric) !== null || boundsAround(brands, brand, metric, shownValue(metric.unit, value), counted, otherEnd).length > 0;
}

/**
 * The brands (not `brand`) whose figure of `metric`, counted in the ranks (`counted`) and a bound by a known margin
 * (`otherEnd`), would pass `value` at its other end and does not as printed: they leave the rank of `brand`'s value
 * unknown (assignRanks).
 */
export function boundsAround<Brand, Metric extends Pick<MetricSpec<Brand>, 'better' | 'unit' | 'value'>>(
  brands: readonly Brand[],
  brand: Brand,
  metric: Metric,
  value: number,
  counted: (brand: Brand, metric: Metric) => boolean,
  otherEnd: (brand: Brand, metric: Metric) => number | null,
): Brand[] {
  const passes = (at: number) => (metric.better === 'higher' ? at > value : at < value);
  return brands.filter((other) => {
    const near = other !== brand && counted(other, metric) ? metric.value(other) : null;
    const far = near === null ? null : otherEnd(other, metric);
    return near !== null && far !== null && passes(shownValue(metric.unit, far)) && !passes(shownValue(metric.unit, near));
  });
}

/**
 * A brand's response and reply figures are not compared when it has fewer
 * than 10 posts and none is a reply (coverage few-brand-posts); its volume and
 * share of voice are. Its rates over the mentions that need an answer are not
 * compared when the data holds its posts on part of the period only
 * (brand-posts-partial): they are lower bounds by an unknown margin, while its
 * times rest on the answers the data holds. A rate or share of 0 that is a
 * lower bound (answers the export lists are not in the data) is not compared
 * either: it says nothing of the brand. None of its figures is compared
 * when the data holds nothing of it in the period (no mention, no post of its
 * own): an export that does not cover the brand reads the same as a brand
 * nobody mentioned.
 */
export function comparableMetrics(brand: BrandMetrics, metric: MetricSpec<BrandMetrics>): boolean {
  if (hasNoData(brand)) return false;
  if (hasPartialPosts(brand) && metric.restsOn === 'answers') return false;
  // "At least 0%", as printed, says nothing: answers the data lacks may all be within the target.
  const value = metric.value(brand);
  if (metric.restsOn === 'answers' && value !== null && shownValue(metric.unit, value) === 0 && isLowerBoundUnder(brand.coverage?.warnings ?? [])) return false;
  const few = brand.coverage?.warnings.includes('few-brand-posts') ?? false;
  return !(few && metric.restsOn !== undefined && metric.restsOn !== 'mentions');
}

/**
 * The brands in the order of every per-brand table: the best response rate first, as printed, then unrounded (as the
 * charts order it), among those whose rate takes part in the ranks (placedFigure), the others last, then by name. The
 * ranked in their ranks' order, and a rate without a rank, a bound or one a bound leaves unknown (assignRanks), in its
 * place by value, not after the brands it is ahead of.
 */
export function responseRateOrder<Brand extends BrandMetrics>(brands: readonly Brand[]): Brand[] {
  const spec = metricCatalogue([]).find((candidate) => candidate.key === 'responseRate');
  // Each brand's keys once, not in every comparison of the sort.
  const keyed = brands.map((brand) => {
    const rate = (spec && placedFigure(brand, spec) ? spec.value(brand) : null) ?? Number.NEGATIVE_INFINITY;
    return { brand, rate, printed: Number.isFinite(rate) ? shownValue('share', rate) : Number.NEGATIVE_INFINITY };
  });
  const gap = (a: number, b: number) => (a === b ? 0 : b > a ? 1 : -1);
  return keyed.sort((a, b) => gap(a.printed, b.printed) || gap(a.rate, b.rate) || a.brand.name.localeCompare(b.brand.name)).map(({ brand }) => brand);
}

/**
 * Whether the brand's figure of a metric takes part in its ranks: compared (comparableMetrics), or a bound the ranks
 * count ahead of the figures its printed value passes (isBoundFigure), ranked or not.
 */
export function placedFigure(brand: BrandMetrics, metric: MetricSpec<BrandMetrics>): boolean {
  return metric.value(brand) !== null && (comparableMetrics(brand, metric) || isBoundFigure(brand, metric));
}

/**
 * Whether the brand's figure of a metric over its answers is a lower bound that reads as its worst end: answers the
 * data lacks (responses-missing, brand-posts-partial) can only raise it. Not one the data cannot measure at all (no
 * data, too few posts of its own).
 */
export function isBoundFigure(brand: BrandMetrics, metric: MetricSpec<BrandMetrics>): boolean {
  if (metric.restsOn !== 'answers' || metric.better !== 'higher' || hasNoData(brand)) return false;
  const warnings = brand.coverage?.warnings ?? [];
  return isLowerBoundUnder(warnings) && !warnings.includes('few-brand-posts');
}

/**
 * comparableMetrics, and one more rule that needs the other brands of the group. A rate or share answered within
 * a target that is a lower bound by a known margin (responses-missing: each response the brand's export lists and
 * the data lacks may have been an answer in time) is compared only where the comparison holds at both ends of
 * that margin (holdsAtBothEnds). Else it takes no rank and no verdict, as a lower bound by an unknown margin.
 */
export function comparableAmong(brands: readonly BrandMetrics[], metrics: ReadonlyArray<MetricSpec<BrandMetrics>>): Comparable<BrandMetrics> {
  const answers = metrics.filter((metric) => metric.restsOn === 'answers');
  return holdsAtBothEnds(brands, answers, comparableMetrics, answersOtherEnd, isBoundFigure);
}

/** The other end of a brand's figure over its answers that is a lower bound by a known margin (responses-missing: answersUpperBound); null when it is exact. */
export function answersOtherEnd(brand: BrandMetrics, metric: MetricSpec<BrandMetrics>): number | null {
  const value = metric.value(brand);
  return value === null || metric.restsOn !== 'answers' ? null : answersUpperBound(brand, value);
}

/**
 * `comparable`, and for a value known only between two ends (`otherEnd` gives the one that is not its value, or
 * null when the value is exact): compared only where the comparison holds at both ends, its rank the same at
 * either among the other brands' values (a bound that takes no rank, `bound`, at its printed value, as the ranks
 * count it), and, for the client, on the same side of the competitors' median at either (a competitor that crosses
 * the median, which its own value is one of, passes another's value and changes its rank). A value that fails is
 * left out, and the others are judged again without it: a median it moved may move them.
 */
export function holdsAtBothEnds<Brand extends RankedBrand, Metric extends MetricSpec<Brand>>(
  brands: readonly Brand[],
  metrics: readonly Metric[],
  comparable: Comparable<Brand>,
  otherEnd: (brand: Brand, metric: Metric) => number | null,
  bound: Comparable<Brand> = noBound,
): Comparable<Brand> {
  const open = new Set<string>();
  const keyOf = (brand: { id: string }, metric: { key: string }) => `${brand.id}\u0000${metric.key}`;
  for (const metric of metrics) {
    const better = metric.better;
    if (!better) continue;
    const shown = (brand: Brand) => {
      const value = open.has(keyOf(brand, metric)) ? null : comparableValue(brand, metric, comparable);
      return value === null ? null : shownValue(metric.unit, value);
    };
    const ahead = (value: number, other: number) => (better === 'higher' ? other > value : other < value);
    const fails = (brand: Brand): boolean => {
      const near = shown(brand);
      const end = near === null ? null : otherEnd(brand, metric);
      if (near === null || end === null) return false;
      const far = shownValue(metric.unit, end);
      const others = brands.filter((other) => other !== brand).flatMap((other) => shown(other) ?? boundAsPrinted(other, metric, bound));
      const rankAt = (at: number) => 1 + others.filter((other) => ahead(at, other)).length;
      const competitors = brand.role === 'client' ? median(brands.filter((other) => other.role !== 'client').flatMap((other) => shown(other) ?? [])) : null;
      const side = (at: number) => (competitors === null ? 0 : Math.sign(at - competitors));
      return rankAt(near) !== rankAt(far) || side(near) !== side(far);
    };
    for (let failing = brands.filter(fails); failing.length > 0; failing = brands.filter(fails)) {
      for (const brand of failing) open.add(keyOf(brand, metric));
    }
  }
  return (brand, metric) => comparable(brand, metric) && !open.has(keyOf(brand, metric));
}

export interface Change {
  change: Record<string, number | null>;
  reasons: Record<string, ChangeReason>;
}

/**
 * Change of each metric against the previous period: percentage points for
 * rates and shares, percent otherwise. Null when either value is missing, and
 * null with a reason when either rests on fewer than 30 mentions (30 brand
 * posts for reply figures), or when the previous period had no post of the
 * brand where this one has (METRICS.md, "Comparability"), or when a rate is a
 * lower bound by an unknown margin in either period (brand-posts-partial), or a figure over its answers is a lower
 * bound for listed responses the data lacks in either period (responses-missing), or, for a count, when
 * the exports reach over part of either period only (`spans`). When the data holds
 * nothing of the tracked brands in the previous period (`previousInData`
 * false), no figure is compared, for that reason.
 */
export function changeOf(current: BrandMetrics, previous: BrandMetrics | undefined, catalogue: readonly MetricSpec[], previousInData = true, spans: PeriodsSpanned = WHOLE): Change {
  const change: Record<string, number | null> = {};
  const reasons: Record<string, ChangeReason> = {};
  if (!previousInData) {
    for (const spec of catalogue) {
      change[spec.key] = null;
      if (spec.value(current) !== null) reasons[spec.key] = 'previous-period-not-in-data';
    }
    return { change, reasons };
  }
  for (const spec of catalogue) {
    const now = spec.value(current);
    const before = previous ? spec.value(previous) : null;
    const reason = previous && spec.restsOn ? (partReason(spec.unit, spec.restsOn, spans) ?? changeReason(current, previous, spec.restsOn, spec.unit)) : null;
    if (now === null || before === null) change[spec.key] = null;
    else if (reason !== null) {
      change[spec.key] = null;
      reasons[spec.key] = reason;
    } else if (spec.change === 'pp') change[spec.key] = (now - before) * 100;
    else change[spec.key] = before === 0 ? null : ((now - before) / before) * 100;
  }
  return { change, reasons };
}

/**
 * Whether the exports reach over the whole of this period and of the previous one (Analysis.spansWhole), and whether
 * they reach over each of them alike on every platform (Analysis.cutUnevenly; shares of voice).
 */
export interface PeriodsSpanned {
  current: boolean;
  previous: boolean;
  sharesCurrent: boolean;
  sharesPrevious: boolean;
}

const WHOLE: PeriodsSpanned = { current: true, previous: true, sharesCurrent: true, sharesPrevious: true };

/**
 * A count holds only the days the exports reach: over part of either period it is compared with nothing. A share of
 * voice, when one platform's exports are cut and another's are not: that takes mentions out of the brands the cut
 * platform holds more than out of the others (cut alike, every brand keeps its share).
 */
function partReason(unit: MetricUnit, restsOn: RestsOn, spans: PeriodsSpanned): ChangeReason | null {
  const shareOfVoice = unit === 'share' && restsOn === 'mentions';
  const [current, previous] = unit === 'count' ? [spans.current, spans.previous] : shareOfVoice ? [spans.sharesCurrent, spans.sharesPrevious] : [true, true];
  if (!current) return 'period-partly-in-data';
  if (!previous) return 'previous-period-partly-in-data';
  return null;
}

function changeReason(current: BrandMetrics, previous: BrandMetrics, restsOn: RestsOn, unit: MetricUnit): ChangeReason | null {
  // Every figure (METRICS.md): the posts of the brand's accounts missing then (its care tool's export, which also holds the
  // mentions of the care account) change its volume and shares as much as its answers.
  if (unmeasured(previous) && !unmeasured(current)) return 'unmeasured-previous-period';
  // Rates over the mentions that need an answer, and counts of the brand's posts, hold only what the part covered holds.
  const understated = restsOn === 'answers' || (restsOn === 'brandPosts' && unit === 'count');
  if (understated && hasPartialPosts(current)) return 'brand-posts-partial';
  if (understated && hasPartialPosts(previous)) return 'brand-posts-partial-previous';
  // Listed responses the data lacks make the figures over its answers lower bounds (responses-missing): the change between a
  // lower bound and another figure has no sure sign ("rose by 5.3 pts" where the rate may have fallen).
  if (restsOn === 'answers' && listsMissing(current)) return 'responses-missing';
  if (restsOn === 'answers' && listsMissing(previous)) return 'responses-missing-previous';
  if (sampleOf(current, restsOn) < MIN_SAMPLE) return 'thin-period';
  if (sampleOf(previous, restsOn) < MIN_SAMPLE) return 'thin-previous-period';
  return null;
}

const unmeasured = (brand: BrandMetrics): boolean => brand.coverage?.warnings.includes('no-brand-posts') ?? false;
const listsMissing = (brand: BrandMetrics): boolean => brand.coverage?.warnings.includes('responses-missing') ?? false;

/**
 * A brand whose mentions jump from fewer than 30 to this many times more, or fall so, between the two periods: its
 * export added or dropped (a competitor first exported this month had 3 mentions of other exports in the previous one),
 * not a month's ordinary swing.
 */
const EXPORT_JUMP = 5;

function volumeJump(current: BrandMetrics, previous: BrandMetrics): 'up' | 'down' | null {
  const [now, before] = [current.inbound, previous.inbound];
  if (before < MIN_SAMPLE && now >= MIN_SAMPLE && now >= EXPORT_JUMP * before) return 'up';
  if (now < MIN_SAMPLE && before >= MIN_SAMPLE && before >= EXPORT_JUMP * now) return 'down';
  return null;
}

/**
 * A share of voice divides a brand's mentions by those of every compared brand: when the data of one of them lacks a
 * part in one period (a platform's export of it missing, or its data there begun late or ended early: `missing`,
 * missingPlatforms and dataInPart; its own posts, and with them its care export's mentions, in the previous period
 * only; or its mentions jump from fewer than 30 to five times more, or fall so), no brand's share is compared (a competitor first exported this month made the client's share "fall 14.6
 * points" that the same exports of both months put at 8). A share that has its own reason keeps it.
 */
export function withholdShareChanges(pairs: ReadonlyArray<{ current: BrandMetrics; previous: BrandMetrics | undefined }>, missing: ReadonlyMap<string, ChangeReason> = new Map()): void {
  const complete = pairs.flatMap(({ current, previous }) => (previous === undefined ? [] : [{ current, previous }]));
  const thenOnly = complete.some(({ current, previous }) => (unmeasured(previous) && !unmeasured(current)) || volumeJump(current, previous) === 'up');
  const nowOnly = complete.some(({ current, previous }) => volumeJump(current, previous) === 'down');
  const ofMissing: ChangeReason | null = missing.size === 0 ? null : [...missing.values()].some((reason) => !PREVIOUS_PART.has(reason)) ? 'shares-partial' : 'shares-partial-previous';
  if (ofMissing === null && !thenOnly && !nowOnly) return;
  const reason: ChangeReason = ofMissing ?? (nowOnly ? 'shares-partial' : 'shares-partial-previous');
  for (const { current: brand } of pairs) {
    if (brand.change?.shareOfVoice === undefined || brand.changeReason === undefined || brand.shareOfVoice === null) continue;
    if (brand.change.shareOfVoice === null && brand.changeReason.shareOfVoice !== undefined) continue;
    brand.change.shareOfVoice = null;
    brand.changeReason.shareOfVoice = reason;
  }
}

/** The reasons of missingPlatforms and dataInPart that say the previous period's data of the brand lacked the part. */
const PREVIOUS_PART: ReadonlySet<ChangeReason> = new Set(['platform-missing-previous', 'brand-data-partial-previous']);

/**
 * Per brand, when its data on a platform (on `platform`, or on any) reaches over part of one of the two periods only
 * beside the other brands' data there (Analysis.brandsInPart: its care export, with its answers and the mentions it
 * received, ends on the 28th while the competitors' listening export goes on): `brand-data-partial` for this period,
 * else `brand-data-partial-previous`.
 */
export function dataInPart(now: readonly BrandReach[], before: readonly BrandReach[], platform?: string): Map<string, ChangeReason> {
  const on = (reach: BrandReach) => platform === undefined || reach.platform === platform;
  const found = new Map<string, ChangeReason>();
  for (const reach of before.filter(on)) found.set(reach.brand, 'brand-data-partial-previous');
  for (const reach of now.filter(on)) found.set(reach.brand, 'brand-data-partial');
  return found;
}

/**
 * The figures the part of a brand's data missing in one period changes (dataInPart): its counts (its mentions, answers
 * and posts) and its share of voice. Its rates rest on the mentions the data holds in both periods.
 */
export function countedFigures(catalogue: readonly MetricSpec[]): MetricSpec[] {
  return catalogue.filter((spec) => spec.unit === 'count' || (spec.unit === 'share' && spec.restsOn === 'mentions'));
}

/**
 * Per brand, why its counts are not compared, when one of its platforms' exports is missing in one of the two periods:
 * - `platform-missing-previous`, `platform-missing`: its data on the platform is in one period only (no mention, no
 *   post of its own in the other), where it holds at least MIN_SAMPLE (a care export, or a competitors' listening
 *   export, of one month missing), not a quiet month;
 * - `unmeasured-period`: the platform holds its posts in the previous period and none now, beside at least MIN_SAMPLE
 *   mentions of it now (its care export of this month missing, the listening export's mentions present). The other
 *   way round is the contract's `unmeasured-previous-period` (changeReason), on every figure.
 * In that order when a brand has several (queries/themes/uncompared.sql gives its themes the same).
 */
export function missingPlatforms(now: ScopedMetrics, before: ScopedMetrics): Map<string, ChangeReason> {
  const found = new Map<string, Set<ChangeReason>>();
  const volume = (brand: BrandMetrics | undefined) => (brand ? brand.inbound + brand.brandPosts : 0);
  const add = (id: string, reason: ChangeReason) => found.set(id, (found.get(id) ?? new Set()).add(reason));
  for (const scope of new Set([...before.keys(), ...now.keys()])) {
    if (scope === ALL_PLATFORMS) continue;
    for (const id of new Set([...(now.get(scope)?.keys() ?? []), ...(before.get(scope)?.keys() ?? [])])) {
      const [current, previous] = [now.get(scope)?.get(id), before.get(scope)?.get(id)];
      if (volume(previous) === 0 && volume(current) >= MIN_SAMPLE) add(id, 'platform-missing-previous');
      if (volume(current) === 0 && volume(previous) >= MIN_SAMPLE) add(id, 'platform-missing');
      if (current && previous && current.brandPosts === 0 && current.inbound >= MIN_SAMPLE && previous.brandPosts > 0) add(id, 'unmeasured-period');
    }
  }
  const order: ChangeReason[] = ['platform-missing-previous', 'platform-missing', 'unmeasured-period'];
  return new Map([...found].map(([id, reasons]) => [id, order.find((reason) => reasons.has(reason)) ?? 'platform-missing']));
}

/**
 * No figure of `specs` of each brand `reasons` names is compared (one that has a reason of its own keeps it). Of a
 * platform's export missing (missingPlatforms), every figure, over all platforms: its counts lack the missing part, and
 * its rates and times rest on other platforms in the two periods; of its data in part (dataInPart), its
 * countedFigures. The other brands' shares of voice, whose total the missing part changes, are withholdShareChanges's.
 */
export function withholdFigures(pairs: ReadonlyArray<{ current: BrandMetrics; previous: BrandMetrics | undefined }>, specs: readonly MetricSpec[], reasons: ReadonlyMap<string, ChangeReason>): void {
  for (const { current: brand, previous } of pairs) {
    const reason = reasons.get(brand.id);
    if (reason === undefined || previous === undefined || brand.change === undefined || brand.changeReason === undefined) continue;
    for (const spec of specs) {
      if (brand.change[spec.key] === null && brand.changeReason[spec.key] !== undefined) continue;
      if (spec.value(brand) === null) continue;
      brand.change[spec.key] = null;
      brand.changeReason[spec.key] = reason;
    }
  }
}

export function previousValues(previous: BrandMetrics | undefined, catalogue: readonly MetricSpec[]): Record<string, number | null> {
  return Object.fromEntries(catalogue.map((spec) => [spec.key, previous ? spec.value(previous) : null]));
}

/**
 * The client against the competitors' median and the best brand, for every
 * ranked metric of the catalogue, among the brands whose value is comparable
 * (the best among those ranked); `competitorsMeasured` says how many
 * competitors the median rests on. A value that is a bound (`otherEnd` gives
 * its other end, as holdsAtBothEnds does) makes the median one too where it
 * moves it: `competitorMedianEnd` is the median with every such value at its
 * other end (the median can only move one way with each), and `bestEnd` the
 * best brand's other end; no best brand is named where an unranked bound could
 * pass it. So the median takes every competitor of `inMedian` (by default
 * those `comparable`), bounds whose rank would change between their ends too:
 * the median is the range they give it, where leaving one out would move it as
 * much, with no word. The client's value is set against it on the same terms,
 * with its own other end (`clientEnd`).
 */
export function benchmarks<Brand extends RankedBrand, Metric extends MetricSpec<Brand>>(
  brands: Brand[],
  metrics: readonly Metric[],
  comparable: Comparable<Brand> = everyBrand,
  otherEnd: (brand: Brand, metric: Metric) => number | null = () => null,
  inMedian: Comparable<Brand> = comparable,
): Benchmark[] {
  const client = brands.find((brand) => brand.role === 'client');
  return metrics.flatMap((metric) => {
    const better = metric.better;
    if (!better) return [];
    const value = (brand: Brand) => comparableValue(brand, metric, comparable);
    const endOf = (brand: Brand) => (value(brand) === null ? null : otherEnd(brand, metric));
    const measured = (brand: Brand) => comparableValue(brand, metric, inMedian);
    // The client's value is set against the median wherever it could be in it: a bound whose rank changes between its ends too.
    const clientValue = client ? measured(client) : null;
    const competitors = brands.filter((b) => b.role !== 'client' && measured(b) !== null);
    const competitorValues = competitors.map((b) => measured(b) as number);
    const competitorMedian = median(competitorValues);
    const atOtherEnd = median(competitors.map((b) => otherEnd(b, metric) ?? (measured(b) as number)));
    // Any move, printed alike or not: a verdict's band can end between the two.
    const medianMoves = competitorMedian !== null && atOtherEnd !== null && atOtherEnd !== competitorMedian;
    let best: number | null = null;
    let bestBrand: Brand | null = null;
    for (const brand of brands) {
      const candidate = value(brand);
      if (candidate === null) continue;
      if (best === null || (better === 'higher' ? candidate > best : candidate < best)) {
        best = candidate;
        bestBrand = brand;
      }
    }
    // A brand left unranked for a bound (in the median, not ranked) whose other end passes the best value may be the best: none is named.
    const passes = (brand: Brand) => {
      const end = value(brand) === null && measured(brand) !== null ? otherEnd(brand, metric) : null;
      return best !== null && end !== null && (better === 'higher' ? end > best : end < best);
    };
    if (brands.some(passes)) [best, bestBrand] = [null, null];
    const bestBrandId = bestBrand?.id ?? null;
    return [
      {
        metric: metric.key,
        client: clientValue,
        clientEnd: client === undefined || clientValue === null ? null : otherEnd(client, metric),
        competitorMedian,
        competitorMedianEnd: medianMoves ? atOtherEnd : null,
        gapToMedian: clientValue === null || competitorMedian === null ? null : clientValue - competitorMedian,
        best,
        bestEnd: bestBrand === null ? null : endOf(bestBrand),
        bestBrandId,
        gapToBest: clientValue === null || best === null ? null : clientValue - best,
        competitorsMeasured: competitorValues.length,
      },
    ];
  });
}
