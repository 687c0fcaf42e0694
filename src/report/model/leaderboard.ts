import { type MetricSpec, slaKey, specOf } from '../../metrics/catalogue.js';
import type { BrandMetrics, MetricsReport } from '../../metrics/types.js';
import type { Formatter } from '../i18n/format.js';
import type { Translate } from '../i18n/strings.js';
import { catalogueOf, formatValue, labelValues, rankOf, slaTargets } from './brandLookup.js';
import { COVERAGE_MARKS, lowSampleShown, warningsOf } from './coverage.js';
import type { Leaderboard, LeaderboardCell } from './types.js';

/** Every brand, best response rate first (brands without one last), with the numbers of METRICS.md, their ranks and coverage marks. */
export function buildLeaderboard(metrics: MetricsReport, format: Formatter, t: Translate): Leaderboard {
  const catalogue = catalogueOf(metrics);
  const keys = ['inbound', 'responseRate', 'responseTimeMedianMin', 'responseTimeP90Min', ...slaTargets(metrics).map(slaKey), 'replyShare', 'shareOfVoice'];
  const specs = keys.map((key) => specOf(catalogue, key));
  const columns = [
    { label: t('leaderboard.brand'), hint: null },
    ...specs.map((spec) => ({ label: t(spec.label?.column ?? spec.key, labelValues(format, spec)), hint: spec.key === 'responseRate' ? t('leaderboard.interval') : null })),
  ];
  const rows = leaderboardOrder(metrics).map((brand) => ({
    brandName: brand.name,
    isClient: brand.role === 'client',
    lowSample: lowSampleShown(brand),
    cells: specs.map((spec): LeaderboardCell => {
      const text = formatValue(format, spec, spec.value(brand));
      const rank = spec.better ? rankOf(brand, spec.key) : null;
      return { text: marked(spec, brand, spec.unit === 'minutes' ? withDagger(text, brand.lowSampleTimes) : text), rank: rank === null ? null : String(rank) };
    }),
    interval: format.percentInterval(brand.responseRateCi),
  }));
  return { columns, rows };
}

/** Best response rate first, brands without one last, then by name: the order of every per-brand table. */
export function leaderboardOrder(metrics: MetricsReport): BrandMetrics[] {
  const byRate = (brand: BrandMetrics) => rankOf(brand, 'responseRate') ?? Number.POSITIVE_INFINITY;
  return [...metrics.brands].sort((a, b) => byRate(a) - byRate(b) || a.name.localeCompare(b.name));
}

/** Times resting on fewer than 30 answered mentions carry the low-sample mark even when the brand's inbound does not. */
function withDagger(text: string, lowSampleTimes: boolean | undefined): string {
  return lowSampleTimes && text !== '—' ? `${text} †` : text;
}

/**
 * The coverage marks of a value: "≥ 29%" for a rate that is a lower bound,
 * "— ‡" for a rate the data cannot measure for want of the brand's posts,
 * "1,204 §" for a volume that replies to missing posts show is understated.
 */
export function marked(spec: Pick<MetricSpec, 'key'>, brand: BrandMetrics, text: string): string {
  const warnings = warningsOf(brand);
  let result = text;
  const isRate = spec.key === 'responseRate' || spec.key.startsWith('withinSla.');
  if (isRate && warnings.includes('responses-missing') && text !== '—') result = `${COVERAGE_MARKS['responses-missing']} ${result}`;
  if (spec.key === 'responseRate' && warnings.includes('no-brand-posts')) result = `${result} ${COVERAGE_MARKS['no-brand-posts']}`;
  if ((spec.key === 'inbound' || spec.key === 'shareOfVoice') && warnings.includes('parents-missing')) result = `${result} ${COVERAGE_MARKS['parents-missing']}`;
  return result;
}
