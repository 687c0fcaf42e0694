import type { BrandMetrics, MetricsReport } from '../../metrics/types.js';
import type { Formatter } from '../i18n/format.js';
import type { Translate } from '../i18n/strings.js';
import { changeOf, clientOf, competitorMedian, competitorsOf, rankedCount, rankOf } from './brandLookup.js';

/**
 * Three to five sentences a reader can check against the leaderboard: each
 * states numbers that appear in it. Sentences with no data behind them are
 * skipped rather than written with blanks.
 */
export function writeFindings(metrics: MetricsReport, format: Formatter, t: Translate, previousLabel: string): string[] {
  const client = clientOf(metrics);
  const findings: string[] = [];
  const rate = (brand: BrandMetrics) => brand.responseRate;
  const median = (brand: BrandMetrics) => brand.responseTimeMedianMin;

  if (client.responseRate !== null) {
    const rank = rankOf(metrics, client, 'responseRate', rate, true);
    const brands = rankedCount(metrics, rate);
    const values = { client: client.name, rate: format.percent(client.responseRate), inbound: format.count(client.inbound), rank: rank ?? '—', brands };
    findings.push(rank === 1 ? t('finding.rateBest', values) : t('finding.rate', values));
  }

  const timed = metrics.brands.filter((brand) => brand.responseTimeMedianMin !== null);
  const fastest = [...timed].sort((a, b) => (a.responseTimeMedianMin ?? 0) - (b.responseTimeMedianMin ?? 0))[0];
  if (client.responseTimeMedianMin !== null && fastest && fastest.responseTimeMedianMin !== null) {
    if (fastest.id === client.id || fastest.responseTimeMedianMin === client.responseTimeMedianMin) {
      const others = competitorMedian(metrics, 'responseTimeMedianMin', median);
      if (others !== null) findings.push(t('finding.fastest', { client: client.name, time: format.duration(client.responseTimeMedianMin), median: format.duration(others) }));
    } else if (fastest.responseTimeMedianMin > 0) {
      findings.push(
        t('finding.faster', {
          best: fastest.name,
          client: client.name,
          ratio: format.decimal(client.responseTimeMedianMin / fastest.responseTimeMedianMin),
          bestTime: format.duration(fastest.responseTimeMedianMin),
          clientTime: format.duration(client.responseTimeMedianMin),
        }),
      );
    }
  }

  const target = metrics.settings?.sla[0] ?? 60;
  const within = (brand: BrandMetrics) => brand.withinSla[String(target)] ?? null;
  const clientWithin = within(client);
  const othersWithin = competitorMedian(metrics, `withinSla.${target}`, within);
  if (clientWithin !== null && othersWithin !== null) {
    const key = clientWithin >= othersWithin ? 'finding.slaAhead' : 'finding.slaBehind';
    findings.push(t(key, { share: format.percent(clientWithin), client: client.name, target: format.duration(target), median: format.percent(othersWithin) }));
  }

  const rateChange = changeOf(client, 'responseRate');
  if (rateChange !== null) {
    const rounded = Math.round(rateChange * 10) / 10;
    const key = rounded > 0 ? 'finding.rateUp' : rounded < 0 ? 'finding.rateDown' : 'finding.rateSame';
    findings.push(t(key, { change: format.points(Math.abs(rateChange)).replace(/^\+/, ''), previous: previousLabel }));
  }

  const broadcaster = competitorsOf(metrics)
    .filter((brand) => brand.replyShare !== null && brand.replyShare < 0.5 && brand.replies + brand.broadcasts >= 30)
    .sort((a, b) => (a.replyShare ?? 0) - (b.replyShare ?? 0))[0];
  if (broadcaster && client.replyShare !== null && findings.length < 5) {
    findings.push(t('finding.broadcaster', { brand: broadcaster.name, share: format.percent(broadcaster.replyShare), clientShare: format.percent(client.replyShare), client: client.name }));
  }

  if (findings.length < 5 && client.shareOfVoice !== null) {
    const share = (brand: BrandMetrics) => brand.shareOfVoice;
    findings.push(
      t('finding.shareOfVoice', { client: client.name, share: format.percent(client.shareOfVoice), rank: rankOf(metrics, client, 'shareOfVoice', share, true) ?? '—', brands: rankedCount(metrics, share) }),
    );
  }
  if (client.lowSample) findings.unshift(t('finding.lowSample', { client: client.name }));
  return findings.slice(0, 5);
}
