import type { Better, MetricSpec } from './catalogue.js';
import type { Benchmark, BrandMetrics } from './types.js';

interface RankedBrand {
  id: string;
  role: 'client' | 'competitor';
  rank: Record<string, number | null>;
}

/**
 * Competition ranks ("1224"): 1 = best; brands with equal values share the
 * better rank; a brand without a value gets null. Values are compared after
 * rounding to 12 significant digits so floating-point noise does not split a tie.
 */
export function rankValues(values: Array<number | null>, better: Better): Array<number | null> {
  const keyed = values.map((value) => (value === null ? null : Number(value.toPrecision(12))));
  return keyed.map((value) => {
    if (value === null) return null;
    const ahead = keyed.filter((other) => other !== null && (better === 'higher' ? other > value : other < value)).length;
    return ahead + 1;
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

/** Fills `rank` on every brand, for every ranked metric (`better` not null) of the catalogue, within one group of brands. */
export function assignRanks<Brand extends RankedBrand>(brands: Brand[], metrics: ReadonlyArray<MetricSpec<Brand>>): void {
  for (const brand of brands) brand.rank = {};
  for (const metric of metrics) {
    if (!metric.better) continue;
    const ranks = rankValues(brands.map(metric.value), metric.better);
    brands.forEach((brand, index) => {
      brand.rank[metric.key] = ranks[index] ?? null;
    });
  }
}

/** Change of each metric against the previous period: percentage points for rates and shares, percent otherwise. */
export function changeOf(current: BrandMetrics, previous: BrandMetrics | undefined, catalogue: readonly MetricSpec[]): Record<string, number | null> {
  const change: Record<string, number | null> = {};
  for (const spec of catalogue) {
    const now = spec.value(current);
    const before = previous ? spec.value(previous) : null;
    if (now === null || before === null) change[spec.key] = null;
    else if (spec.change === 'pp') change[spec.key] = (now - before) * 100;
    else change[spec.key] = before === 0 ? null : ((now - before) / before) * 100;
  }
  return change;
}

export function previousValues(previous: BrandMetrics | undefined, catalogue: readonly MetricSpec[]): Record<string, number | null> {
  return Object.fromEntries(catalogue.map((spec) => [spec.key, previous ? spec.value(previous) : null]));
}

/** The client against the competitors' median and the best brand, for every ranked metric of the catalogue. */
export function benchmarks<Brand extends RankedBrand>(brands: Brand[], metrics: ReadonlyArray<MetricSpec<Brand>>): Benchmark[] {
  const client = brands.find((brand) => brand.role === 'client');
  return metrics.flatMap((metric) => {
    const better = metric.better;
    if (!better) return [];
    const clientValue = client ? metric.value(client) : null;
    const competitorMedian = median(brands.filter((b) => b.role !== 'client').map(metric.value).filter((v): v is number => v !== null));
    let best: number | null = null;
    let bestBrandId: string | null = null;
    for (const brand of brands) {
      const value = metric.value(brand);
      if (value === null) continue;
      if (best === null || (better === 'higher' ? value > best : value < best)) {
        best = value;
        bestBrandId = brand.id;
      }
    }
    return [
      {
        metric: metric.key,
        client: clientValue,
        competitorMedian,
        gapToMedian: clientValue === null || competitorMedian === null ? null : clientValue - competitorMedian,
        best,
        bestBrandId,
        gapToBest: clientValue === null || best === null ? null : clientValue - best,
      },
    ];
  });
}
