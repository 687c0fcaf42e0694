import type { MetricsReport } from '../../metrics/types.js';
import type { Formatter } from '../i18n/format.js';
import type { Translate } from '../i18n/strings.js';

/**
 * How sentences name the period `change` compares with: "September 2017"
 * (lower case where the language writes months so), a quarter with the article
 * its language gives it ("le T2 2025"), a date range, or "the previous period"
 * when the metrics do not say which it was.
 */
export function previousPeriodLabel(metrics: MetricsReport, format: Formatter, t: Translate): string {
  const previous = metrics.previousPeriod;
  if (previous) {
    if (/^\d{4}-\d{2}$/.test(previous.label ?? '')) return format.monthYear(new Date(previous.start));
    return format.periodInSentence(previous.start, previous.end, previous.label);
  }
  const month = /^(\d{4})-(\d{2})$/.exec(metrics.period.label ?? '');
  if (month) {
    // The 15th of the month before: mid-month, so no timezone moves it into another month (Date.UTC rolls month -1 back a year).
    return format.monthYear(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 2, 15)));
  }
  return t('kpi.previousPeriod');
}

/** The previous period as a column heading names it: "September 2017", "T2 2025". */
export function previousPeriodHeading(metrics: MetricsReport, format: Formatter, t: Translate): string {
  const previous = metrics.previousPeriod;
  return previous ? format.periodLabel(previous.start, previous.end, previous.label) : format.capitalise(previousPeriodLabel(metrics, format, t));
}
