import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import type { PeriodJson } from '../../metrics/types.js';

/** The first and the last month ("YYYY-MM", in the period's timezone) of a report's period, as the trend keys its months. */
export function periodMonths(period: Pick<PeriodJson, 'start' | 'end' | 'timezone'>): { first: string; last: string } {
  const monthOf = (at: number) => format(new TZDate(at, period.timezone), 'yyyy-MM');
  return { first: monthOf(Date.parse(period.start)), last: monthOf(Date.parse(period.end) - 1) };
}
