/** The brands form's line of opening hours: the config's businessHours, its days in the page's language. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { hoursExample, hoursText, hoursValue } from '../../page/hours.js';

const SCHEDULE = { 'mon-fri': '09:00-18:00', sat: ['10:00-14:00', '16:00-19:00'], timezone: 'Europe/Madrid', holidays: ['2025-10-12'] };

describe('the opening hours line', () => {
  it('shows a schedule with its days in the page language, and reads it back to the same schedule, its timezone and holidays kept', () => {
    expect(hoursText(SCHEDULE, 'en')).toBe('mon-fri 09:00-18:00; sat 10:00-14:00, 16:00-19:00');
    expect(hoursText(SCHEDULE, 'es')).toBe('lun-vie 09:00-18:00; sáb 10:00-14:00, 16:00-19:00');
    expect(hoursText(SCHEDULE, 'fr')).toBe('lun-ven 09:00-18:00; sam 10:00-14:00, 16:00-19:00');
    for (const language of ['en', 'es', 'fr'] as const) expect(hoursValue(hoursText(SCHEDULE, language), SCHEDULE)).toEqual(SCHEDULE);
    // Typed without accents, in capitals, or with the example's shape: the config's days.
    expect(hoursValue('Lun-Vie 08:00-20:00;  sab 09:00-13:00', undefined)).toEqual({ 'mon-fri': '08:00-20:00', sat: '09:00-13:00' });
    expect(hoursValue(hoursExample('fr'), undefined)).toEqual({ 'mon-fri': '09:00-18:00', sat: '10:00-14:00' });
    // A day named twice keeps the openings of both parts; spaces around a dash, and an en dash, read as the config's dash.
    expect(hoursValue('lun-vie 09:00-13:00; lun-vie 15:00-18:00; mon 08:00-09:00', undefined)).toEqual({ 'mon-fri': ['09:00-13:00', '15:00-18:00'], mon: '08:00-09:00' });
    expect(hoursValue('lun - vie 09:00 - 18:00; sáb 10:00\u201314:00', undefined)).toEqual({ 'mon-fri': '09:00-18:00', sat: '10:00-14:00' });
    // A day written with a separate accent mark is the same day.
    expect(hoursValue('mie\u0301 09:00-18:00', undefined)).toEqual({ wed: '09:00-18:00' });
    // An empty line is no schedule.
    expect(hoursValue('  ; ', SCHEDULE)).toBeUndefined();
    expect(hoursText(undefined, 'es')).toBe('');
  });

  it('passes what it does not understand to the config check, which names it', () => {
    const config = (businessHours: unknown) => () => parseConfig({ client: 'acme', timezone: 'UTC', brands: [{ id: 'acme', accounts: { twitter: ['acme'] }, businessHours }] }, 'replybench.yaml', '.');
    expect(config(hoursValue('lundi 09:00-18:00', undefined))).toThrow(/brands\.0\.businessHours\.lundi: use a day \(mon\.\.sun\)/);
    expect(config(hoursValue('lun-vie 9-18', undefined))).toThrow(/brands\.0\.businessHours\.mon-fri: /);
    expect(config(hoursValue('lun-vie 09:00-18:00', undefined))).not.toThrow();
  });
});
