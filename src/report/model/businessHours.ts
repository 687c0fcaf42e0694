import type { Brand, BusinessHours } from '../../config/types.js';
import type { Formatter } from '../i18n/format.js';
import type { Translate } from '../i18n/strings.js';
import type { LabelledValue } from './types.js';

/** "08:00" from minutes after a day's midnight; 1440 is "24:00", past it the next day's clock. */
function clock(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const shown = minutes > 1440 ? hours - 24 : hours;
  return `${String(shown).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * A brand's weekly schedule as the settings table prints it, in the report's weekday
 * names: consecutive days with the same openings are one range ("Mon–Fri 08:00–22:00;
 * Sat 10:00–18:00"), and a schedule kept in another timezone than the report's says which.
 */
export function businessHoursText(hours: BusinessHours, format: Formatter, t: Translate): string {
  const names = format.weekdays();
  const openings = (weekday: number) =>
    hours.shifts
      .filter((shift) => shift.weekday === weekday)
      .sort((a, b) => a.startMin - b.startMin)
      .map((shift) => `${clock(shift.startMin)}–${clock(shift.endMin)}`)
      .join(', ');
  const runs: Array<{ first: number; last: number; text: string }> = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    const text = openings(weekday);
    const previous = runs.at(-1);
    if (text === '') continue;
    if (previous && previous.last === weekday - 1 && previous.text === text) previous.last = weekday;
    else runs.push({ first: weekday, last: weekday, text });
  }
  const days = (run: { first: number; last: number }) => (run.first === run.last ? names[run.first - 1] : `${names[run.first - 1]}–${names[run.last - 1]}`);
  const schedule = runs.map((run) => `${days(run)} ${run.text}`).join(t('format.listSeparator'));
  return hours.timezone && hours.timezone !== format.timezone ? `${schedule} (${hours.timezone})` : schedule;
}

/**
 * One settings row per brand of the report that has business hours in the config
 * ("Business hours of Vireo Telecom": "Mon–Fri 08:00–22:00"), in the report's brand
 * order: the appendix and the workbook print the same rows.
 */
export function businessHoursSettings(reported: ReadonlyArray<{ id: string; name: string }>, brands: readonly Brand[], format: Formatter, t: Translate): LabelledValue[] {
  return reported.flatMap((brand) => {
    const hours = brands.find((candidate) => candidate.id === brand.id)?.businessHours;
    return hours ? [{ label: t('setting.businessHours', { brand: brand.name }), value: businessHoursText(hours, format, t) }] : [];
  });
}
