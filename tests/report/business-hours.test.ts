import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { Formatter } from '../../src/report/i18n/format.js';
import type { Language } from '../../src/report/i18n/language.js';
import { translator } from '../../src/report/i18n/strings.js';
import { businessHoursText } from '../../src/report/model/businessHours.js';
import { ReportTemplate } from '../../src/report/template.js';

const template = ReportTemplate.open(undefined);
const translate = (language: Language) => translator(template.strings(language), language);
const formatter = (language: Language) => new Formatter(language, translate(language), 'Europe/Madrid');
const text = (businessHours: ReturnType<typeof hours>, language: Language) => businessHoursText(businessHours, formatter(language), translate(language));

/** The business hours of brand `acme` as the config parses them. */
function hours(businessHours: Record<string, unknown>) {
  const config = parseConfig({ client: 'acme', timezone: 'Europe/Madrid', brands: [{ id: 'acme', accounts: { twitter: ['acme'] }, businessHours }] }, 'cfg.yaml', '/tmp');
  const parsed = config.brands[0]?.businessHours;
  if (!parsed) throw new Error('no business hours parsed');
  return parsed;
}

describe('business hours in the settings table', () => {
  it('joins the days with the same openings into ranges, in the report language', () => {
    const demo = hours({ 'mon-fri': '08:00-22:00', sat: '10:00-18:00', sun: '10:00-16:00' });
    expect(text(demo, 'en')).toBe('Mon–Fri 08:00–22:00; Sat 10:00–18:00; Sun 10:00–16:00');
    expect(text(demo, 'es')).toBe('Lun–Vie 08:00–22:00; Sáb 10:00–18:00; Dom 10:00–16:00');
    // French sets a narrow no-break space before the semicolon.
    expect(text(demo, 'fr')).toBe('Lun.–Ven. 08:00–22:00\u202f; Sam. 10:00–18:00\u202f; Dim. 10:00–16:00');
  });

  it('keeps a closed day between two equal ones apart, lists split days, and writes a night shift as the clock reads', () => {
    const split = hours({ mon: ['09:00-13:00', '15:00-19:00'], tue: '09:00-13:00', thu: '09:00-13:00', fri: '22:00-06:00', sat: '00:00-24:00' });
    expect(text(split, 'en')).toBe('Mon 09:00–13:00, 15:00–19:00; Tue 09:00–13:00; Thu 09:00–13:00; Fri 22:00–06:00; Sat 00:00–24:00');
  });

  it('says the timezone of a schedule kept in another one than the report', () => {
    const london = hours({ 'mon-fri': '09:00-17:00', timezone: 'Europe/London' });
    expect(text(london, 'fr')).toBe('Lun.–Ven. 09:00–17:00 (Europe/London)');
  });
});
