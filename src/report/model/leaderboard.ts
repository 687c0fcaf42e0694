import type { BrandMetrics, MetricsReport } from '../../metrics/types.js';
import type { Formatter } from '../i18n/format.js';
import type { Translate } from '../i18n/strings.js';
import { rankOf } from './brandLookup.js';
import type { Leaderboard, LeaderboardCell } from './types.js';

/** Every brand, best response rate first, with the numbers of METRICS.md and their ranks. */
export function buildLeaderboard(metrics: MetricsReport, format: Formatter, t: Translate): Leaderboard {
  const targets = metrics.settings?.sla ?? Object.keys(metrics.brands[0]?.withinSla ?? {}).map(Number);
  const columns = [
    { label: t('leaderboard.brand'), hint: null },
    { label: t('leaderboard.inbound'), hint: null },
    { label: t('leaderboard.responseRate'), hint: t('leaderboard.interval') },
    { label: t('leaderboard.median'), hint: null },
    { label: t('leaderboard.p90'), hint: null },
    ...targets.map((target) => ({ label: t('leaderboard.withinSla', { target: format.duration(target) }), hint: null })),
    { label: t('leaderboard.replyShare'), hint: null },
    { label: t('leaderboard.shareOfVoice'), hint: null },
  ];
  const ranked = (brand: BrandMetrics, metric: string, get: (b: BrandMetrics) => number | null, higher: boolean, text: string): LeaderboardCell => {
    const rank = rankOf(metrics, brand, metric, get, higher);
    return { text, rank: rank === null ? null : String(rank) };
  };
  const order = [...metrics.brands].sort((a, b) => (b.responseRate ?? -1) - (a.responseRate ?? -1) || a.name.localeCompare(b.name));
  const rows = order.map((brand) => ({
    brandName: brand.name,
    isClient: brand.role === 'client',
    lowSample: brand.lowSample,
    cells: [
      { text: format.count(brand.inbound), rank: null },
      ranked(brand, 'responseRate', (b) => b.responseRate, true, format.percent(brand.responseRate)),
      ranked(brand, 'responseTimeMedianMin', (b) => b.responseTimeMedianMin, false, withDagger(format.duration(brand.responseTimeMedianMin), brand.lowSampleTimes)),
      ranked(brand, 'responseTimeP90Min', (b) => b.responseTimeP90Min, false, withDagger(format.duration(brand.responseTimeP90Min), brand.lowSampleTimes)),
      ...targets.map((target) =>
        ranked(brand, `withinSla.${target}`, (b) => b.withinSla[String(target)] ?? null, true, format.percent(brand.withinSla[String(target)] ?? null)),
      ),
      ranked(brand, 'replyShare', (b) => b.replyShare, true, format.percent(brand.replyShare)),
      ranked(brand, 'shareOfVoice', (b) => b.shareOfVoice, true, format.percent(brand.shareOfVoice)),
    ],
    interval: format.percentInterval(brand.responseRateCi),
  }));
  return { columns, rows };
}

/** Times resting on fewer than 30 answered mentions carry the low-sample mark even when the brand's inbound does not. */
function withDagger(text: string, lowSampleTimes: boolean | undefined): string {
  return lowSampleTimes && text !== '—' ? `${text} †` : text;
}
