import { slaKey } from '../../metrics/catalogue.js';
import type { MetricsReport } from '../../metrics/types.js';
import type { Formatter } from '../i18n/format.js';
import type { Translate } from '../i18n/strings.js';
import { benchmarkOf, changeOf, clientOf, competitorsOf, rankedCount, rankOf, slaTargets } from './brandLookup.js';

/**
 * Three to five sentences a reader can check against the leaderboard: each
 * states numbers that appear in it, with the ranks, competitor medians and
 * best brands of the metrics. Sentences with no data behind them are
 * skipped rather than written with blanks.
 */
export function writeFindings(metrics: MetricsReport, format: Formatter, t: Translate, previousLabel: string): string[] {
  const client = clientOf(metrics);
  const findings: string[] = [];

  const rateRank = rankOf(client, 'responseRate');
  if (client.responseRate !== null && rateRank !== null) {
    const values = { client: client.name, rate: format.percent(client.responseRate), inbound: format.count(client.inbound), rank: rateRank, brands: rankedCount(metrics, 'responseRate') };
    findings.push(rateRank === 1 ? t('finding.rateBest', values) : t('finding.rate', values));
  }

  const speed = benchmarkOf(metrics, 'responseTimeMedianMin');
  const fastest = metrics.brands.find((brand) => brand.id === speed?.bestBrandId);
  if (client.responseTimeMedianMin !== null && speed && speed.best !== null && fastest) {
    if (fastest.id === client.id || speed.best === client.responseTimeMedianMin) {
      const others = speed.competitorMedian;
      if (others !== null) findings.push(t('finding.fastest', { client: client.name, time: format.duration(client.responseTimeMedianMin), median: format.duration(others) }));
    } else if (speed.best > 0) {
      findings.push(
        t('finding.faster', {
          best: fastest.name,
          client: client.name,
          ratio: format.decimal(client.responseTimeMedianMin / speed.best),
          bestTime: format.duration(speed.best),
          clientTime: format.duration(client.responseTimeMedianMin),
        }),
      );
    }
  }

  const target = slaTargets(metrics)[0] ?? 60;
  const clientWithin = client.withinSla[String(target)] ?? null;
  const othersWithin = benchmarkOf(metrics, slaKey(target))?.competitorMedian ?? null;
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

  // The qualifying competitor ranked lowest on reply share.
  const broadcaster = competitorsOf(metrics)
    .filter((brand) => brand.replyShare !== null && brand.replyShare < 0.5 && brand.replies + brand.broadcasts >= 30 && rankOf(brand, 'replyShare') !== null)
    .sort((a, b) => (rankOf(b, 'replyShare') ?? 0) - (rankOf(a, 'replyShare') ?? 0))[0];
  if (broadcaster && client.replyShare !== null && findings.length < 5) {
    findings.push(t('finding.broadcaster', { brand: broadcaster.name, share: format.percent(broadcaster.replyShare), clientShare: format.percent(client.replyShare), client: client.name }));
  }

  const voiceRank = rankOf(client, 'shareOfVoice');
  if (findings.length < 5 && client.shareOfVoice !== null && voiceRank !== null) {
    findings.push(t('finding.shareOfVoice', { client: client.name, share: format.percent(client.shareOfVoice), rank: voiceRank, brands: rankedCount(metrics, 'shareOfVoice') }));
  }
  if (client.lowSample) findings.unshift(t('finding.lowSample', { client: client.name }));
  return findings.slice(0, 5);
}
