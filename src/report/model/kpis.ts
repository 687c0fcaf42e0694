import type { BrandMetrics, MetricsReport } from '../../metrics/types.js';
import type { Formatter } from '../i18n/format.js';
import type { Translate } from '../i18n/strings.js';
import { changeOf, clientOf, rankedCount, rankOf } from './brandLookup.js';
import type { KpiTile, Tone } from './types.js';

type ChangeKind = 'points' | 'percent';

/** The client's headline numbers with their change against the previous period. */
export function buildKpis(metrics: MetricsReport, format: Formatter, t: Translate, previousLabel: string): KpiTile[] {
  const client = clientOf(metrics);
  const target = metrics.settings?.sla[0] ?? 60;
  const tile = (
    label: string,
    value: string,
    change: { value: number | null; kind: ChangeKind; better: 'higher' | 'lower' | null },
    rank: { metric: string; get: (brand: BrandMetrics) => number | null; higher: boolean } | null,
  ): KpiTile => {
    const rankValue = rank ? rankOf(metrics, client, rank.metric, rank.get, rank.higher) : null;
    return {
      label,
      value,
      change: change.value === null ? null : { text: t('kpi.change', { change: changeText(format, change.value, change.kind), previous: previousLabel }), tone: toneOf(change.value, change.better) },
      note: rank && rankValue !== null ? t('kpi.rank', { rank: rankValue, brands: rankedCount(metrics, rank.get) }) : null,
    };
  };
  const within = (brand: BrandMetrics) => brand.withinSla[String(target)] ?? null;
  return [
    tile(t('kpi.responseRate'), format.percent(client.responseRate), { value: changeOf(client, 'responseRate'), kind: 'points', better: 'higher' }, { metric: 'responseRate', get: (b) => b.responseRate, higher: true }),
    tile(
      t('kpi.medianTime'),
      format.duration(client.responseTimeMedianMin),
      { value: changeOf(client, 'responseTimeMedianMin'), kind: 'percent', better: 'lower' },
      { metric: 'responseTimeMedianMin', get: (b) => b.responseTimeMedianMin, higher: false },
    ),
    tile(
      t('kpi.withinSla', { target: format.duration(target) }),
      format.percent(within(client)),
      { value: changeOf(client, `withinSla.${target}`), kind: 'points', better: 'higher' },
      { metric: `withinSla.${target}`, get: within, higher: true },
    ),
    tile(t('kpi.inbound'), format.count(client.inbound), { value: changeOf(client, 'inbound'), kind: 'percent', better: null }, null),
    tile(t('kpi.replyShare'), format.percent(client.replyShare), { value: changeOf(client, 'replyShare'), kind: 'points', better: 'higher' }, { metric: 'replyShare', get: (b) => b.replyShare, higher: true }),
    tile(t('kpi.shareOfVoice'), format.percent(client.shareOfVoice), { value: changeOf(client, 'shareOfVoice'), kind: 'points', better: 'higher' }, { metric: 'shareOfVoice', get: (b) => b.shareOfVoice, higher: true }),
  ];
}

function changeText(format: Formatter, value: number, kind: ChangeKind): string {
  return kind === 'points' ? format.points(value) : format.signedPercent(value);
}

function toneOf(value: number, better: 'higher' | 'lower' | null): Tone {
  if (better === null || Math.abs(value) < 1e-9) return 'neutral';
  return (value > 0) === (better === 'higher') ? 'good' : 'bad';
}
