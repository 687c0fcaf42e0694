import { type Better, type MetricSpec, metricCatalogue, slaKey, specOf } from '../../metrics/catalogue.js';
import type { MetricsReport } from '../../metrics/types.js';
import type { Formatter } from '../i18n/format.js';
import type { Translate } from '../i18n/strings.js';
import { changeOf, clientOf, formatChange, formatValue, labelValues, rankedCount, rankOf, slaTargets } from './brandLookup.js';
import type { KpiTile, Tone } from './types.js';

/** The client's headline numbers with their change against the previous period and their rank. */
export function buildKpis(metrics: MetricsReport, format: Formatter, t: Translate, previousLabel: string): KpiTile[] {
  const client = clientOf(metrics);
  const target = slaTargets(metrics)[0] ?? 60;
  const catalogue = metricCatalogue([target]);
  const tiles = ['responseRate', 'responseTimeMedianMin', slaKey(target), 'inbound', 'replyShare', 'shareOfVoice'].map((key) => specOf(catalogue, key));
  return tiles.map((spec: MetricSpec): KpiTile => {
    const change = changeOf(client, spec.key);
    const rank = spec.better ? rankOf(client, spec.key) : null;
    return {
      label: t(spec.label?.tile ?? spec.key, labelValues(format, spec)),
      value: formatValue(format, spec, spec.value(client)),
      change: change === null ? null : { text: t('kpi.change', { change: formatChange(format, spec, change), previous: previousLabel }), tone: toneOf(change, spec.better) },
      note: rank === null ? null : t('kpi.rank', { rank, brands: rankedCount(metrics, spec.key) }),
    };
  });
}

function toneOf(value: number, better: Better | null): Tone {
  if (better === null || Math.abs(value) < 1e-9) return 'neutral';
  return (value > 0) === (better === 'higher') ? 'good' : 'bad';
}
