import type { Diagnostics } from '../../metrics/diagnostics/types.js';
import type { MetricsReport } from '../../metrics/types.js';
import type { AdviceCatalogue, AdviceLanguage } from './catalogue.js';
import { en } from './catalogue-en.js';
import { es } from './catalogue-es.js';
import { fr } from './catalogue-fr.js';
import { findWeakPoints, type Detail, type Finding } from './findings.js';
import { numberFormatter, type NumberFormatter } from './format.js';
import type { ImprovementItem } from './types.js';

export const CATALOGUES: Record<AdviceLanguage, AdviceCatalogue> = { en, es, fr };

/**
 * The "What to improve" items: the client's weakest points against its
 * competitors, weakest first, as advice in `language`. Every evidence
 * sentence quotes numbers of the leaderboard (`metrics`) or of the
 * diagnostics (`diagnostics`, default `metrics.diagnostics`), formatted for
 * the language. Example texts are data: the report escapes them.
 * @example buildImprovements(report, 'es', { limit: 5 })
 */
export function buildImprovements(
  metrics: MetricsReport,
  language: AdviceLanguage,
  options: { diagnostics?: Diagnostics; limit?: number } = {},
): ImprovementItem[] {
  const catalogue = CATALOGUES[language];
  const format = numberFormatter(language, catalogue.units);
  // A gap that rounds away when printed ("1.7 h, competitor median 1.7 h") is no weak point a reader could see.
  const findings = findWeakPoints(metrics, options.diagnostics ?? metrics.diagnostics).filter((finding) => shown(finding, format, finding.client.value) !== shown(finding, format, finding.competitorMedian));
  return findings.slice(0, options.limit ?? findings.length).map((finding, index) => ({
    rank: index + 1,
    id: finding.id,
    metric: finding.metric,
    title: catalogue.titles[finding.id],
    body: catalogue.bodies[finding.id],
    evidence: evidence(finding, catalogue, format),
    examples: finding.examples,
  }));
}

function shown(finding: Finding, format: NumberFormatter, value: number): string {
  return finding.as === 'percent' ? format.percent(value) : format.duration(value);
}

function evidence(finding: Finding, catalogue: AdviceCatalogue, format: NumberFormatter): string[] {
  const show = (value: number) => shown(finding, format, value);
  const label = finding.metric === 'latestClockTimeMedianMin' ? catalogue.latestClockLabel : catalogue.labels[finding.id];
  const lines = [catalogue.valueVsMedian(label, finding.client.name, show(finding.client.value), show(finding.competitorMedian), format.count(finding.competitorsMeasured))];
  const best = finding.best;
  if (finding.client.rank !== null && best) {
    const [only] = best.names;
    // Brands level on the best value share it: none of them is called the best.
    lines.push(
      best.names.length === 1 && only !== undefined
        ? catalogue.rank(finding.client.name, format.count(finding.client.rank), format.count(finding.ranked), only, show(best.value))
        : catalogue.rankShared(finding.client.name, format.count(finding.client.rank), format.count(finding.ranked), format.list(best.names), show(best.value)),
    );
  }
  if (finding.detail) lines.push(detailLine(finding.detail, catalogue, format));
  return lines;
}

function detailLine(detail: Detail, catalogue: AdviceCatalogue, format: NumberFormatter): string {
  const n = format.count;
  switch (detail.kind) {
    case 'answeredOf':
      return catalogue.answeredOf(n(detail.answered), n(detail.inbound));
    case 'broadcastsVsReplies':
      return catalogue.broadcastsVsReplies(n(detail.broadcasts), n(detail.replies));
    case 'topTemplate':
      return catalogue.topTemplate(n(detail.uses));
    case 'unsolicitedCount':
      return catalogue.unsolicitedCount(n(detail.count), n(detail.posts));
    case 'abandoned':
      return catalogue.abandoned(n(detail.count), n(detail.conversations));
    case 'influencersVsOthers':
      return catalogue.influencersVsOthers(n(detail.threshold), format.percent(detail.influencers), format.percent(detail.others));
    case 'negativeAnswered':
      return catalogue.negativeAnswered(n(detail.answered), n(detail.inbound));
    case 'outsideHours':
      return catalogue.outsideHours(format.percent(detail.rate), n(detail.inbound));
  }
}
