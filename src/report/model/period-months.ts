import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import type { PeriodJson } from '../../metrics/types.js';

/** The first and the last month ("YYYY-MM", in the period's timezone) of a report's period, as the trend keys its months. */
export function periodMonths(period: Pick<PeriodJson, 'start' | 'end' | 'timezone'>): { first: string; last: string } {
  const monthOf = (at: number) => format(new TZDate(at, period.timezone), 'yyyy-MM');
  return { first: monthOf(Date.parse(period.start)), last: monthOf(Date.parse(period.end) - 1) };
}

/** Whether the period is whole calendar months in its timezone: it begins on a month's first local midnight and ends on one. */
export function wholeMonths(period: Pick<PeriodJson, 'start' | 'end' | 'timezone'>): boolean {
  const monthStart = (iso: string) => format(new TZDate(Date.parse(iso), period.timezone), 'dd HH:mm:ss.SSS') === '01 00:00:00.000';
  return monthStart(period.start) && monthStart(period.end);
}
