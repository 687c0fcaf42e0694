import type { Diagnostics } from '../../metrics/diagnostics/types.js';
import type { MetricsReport } from '../../metrics/types.js';
import { Formatter } from '../i18n/format.js';
import { translator, type Translate } from '../i18n/strings.js';
import { ReportTemplate } from '../template.js';
import { findWeakPoints, type Detail, type Finding } from './findings.js';
import type { AdviceLanguage, ImprovementItem } from './types.js';
import { saidAsBound } from '../model/bound-words.js';

export interface ImprovementOptions {
  /** Default: `metrics.diagnostics`. */
  diagnostics?: Diagnostics;
  limit?: number;
  /** Whose `strings/<language>.json` words the advice (default: the default template), so an agency's copy words it too. */
  template?: ReportTemplate;
}

/**
 * The "What to improve" items: the client's weakest points against its
 * competitors, weakest first, as advice in `language`. Every evidence
 * sentence quotes numbers of the leaderboard (`metrics`) or of the
 * diagnostics (`diagnostics`, default `metrics.diagnostics`), formatted as
 * the report formats them, under the label the tables give the metric. The
 * texts are the template's `advice.*` strings. Example texts are data: the
 * report escapes them.
 * @example buildImprovements(report, 'es', { limit: 5 })
 */
export function buildImprovements(metrics: MetricsReport, language: AdviceLanguage, options: ImprovementOptions = {}): ImprovementItem[] {
  const template = options.template ?? ReportTemplate.open(undefined);
  const t = translator(template.strings(language), template.path(`strings/${language}.json`), language);
  const format = new Formatter(language, t, metrics.period.timezone);
  // A gap that rounds away when printed ("1.7 h, competitor median 1.7 h") is no weak point a reader could see.
  // A bound is weighed at its end nearest the median (findWeakPoints), and so is it here.
  const findings = findWeakPoints(metrics, options.diagnostics ?? metrics.diagnostics).filter((finding) => shown(finding, format, finding.client.end ?? finding.client.value) !== shown(finding, format, finding.competitorMedian));
  return findings.slice(0, options.limit ?? findings.length).map((finding, index) => ({
    rank: index + 1,
    id: finding.id,
    metric: finding.metric,
    title: t(`advice.title.${finding.id}`),
    body: t(`advice.body.${finding.id}`),
    evidence: evidence(finding, t, format),
    examples: finding.examples,
  }));
}

function shown(finding: Finding, format: Formatter, value: number): string {
  return finding.as === 'percent' ? format.percent(value) : format.duration(value);
}

function evidence(finding: Finding, t: Translate, format: Formatter): string[] {
  const show = (value: number) => shown(finding, format, value);
  // A figure that is a bound (the client's, the median, the best value) is said as one: "at least 75%".
  const showBound = (value: number, end: number | null) => saidAsBound(t, show(value), value, end);
  const brand = finding.client.name;
  const lines = [
    t('advice.valueVsMedian', {
      label: t(finding.label),
      brand,
      value: showBound(finding.client.value, finding.client.end),
      median: showBound(finding.competitorMedian, finding.competitorMedianEnd),
      competitors: format.count(finding.competitorsMeasured),
    }),
  ];
  const best = finding.best;
  if (finding.client.rank !== null) {
    const [only] = best?.names ?? [];
    const place = { brand, rank: format.count(finding.client.rank), of: format.count(finding.ranked), bestValue: best ? showBound(best.value, best.end) : '' };
    // Brands level on the best value share it: none of them is called the best. None is where a bound could pass it (Benchmark.bestBrandId).
    if (!best) lines.push(t('advice.rankOnly', place));
    else lines.push(best.names.length === 1 && only !== undefined ? t('advice.rank', { ...place, best: only }) : t('advice.rankShared', { ...place, bests: format.list(best.names) }));
  }
  if (finding.detail) lines.push(detailLine(finding.detail, t, format));
  return lines;
}

function detailLine(detail: Detail, t: Translate, format: Formatter): string {
  const n = (value: number) => format.count(value);
  switch (detail.kind) {
    case 'answeredOf':
      return t('advice.detail.answeredOf', { answered: n(detail.answered), inbound: n(detail.inbound) });
    case 'broadcastsVsReplies':
      return t('advice.detail.broadcastsVsReplies', { broadcasts: n(detail.broadcasts), replies: n(detail.replies) });
    case 'topTemplate':
      return t('advice.detail.topTemplate', { uses: n(detail.uses) });
    case 'unsolicitedCount':
      return t('advice.detail.unsolicitedCount', { count: n(detail.count), posts: n(detail.posts) });
    case 'abandoned':
      return t('advice.detail.abandoned', { count: n(detail.count), conversations: n(detail.conversations) });
    case 'influencersVsOthers':
      return t('advice.detail.influencersVsOthers', { threshold: n(detail.threshold), influencers: format.percent(detail.influencers), others: format.percent(detail.others) });
    case 'negativeAnswered':
      return t('advice.detail.negativeAnswered', { answered: n(detail.answered), inbound: n(detail.inbound) });
    case 'outsideHours':
      return t('advice.detail.outsideHours', { rate: format.percent(detail.rate), inbound: n(detail.inbound) });
  }
}
