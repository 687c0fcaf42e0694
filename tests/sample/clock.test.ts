import { describe, expect, it } from 'vitest';
import { HOUR_MS, avoidAmbiguousLocalHour, formatMeltwaterDates, formatTalkwalkerDate, formatTwitterDate, madridMidnight, madridOffsetMs, madridParts } from '../../src/sample/clock.js';

const at = (iso: string): number => Date.parse(iso);

describe('sample clock (Europe/Madrid without the machine timezone)', () => {
  it('switches to summer time on the last Sunday of March and back on the last Sunday of October, at 01:00 UTC', () => {
    expect(madridOffsetMs(at('2025-03-30T00:59:59Z'))).toBe(HOUR_MS);
    expect(madridOffsetMs(at('2025-03-30T01:00:00Z'))).toBe(2 * HOUR_MS);
    expect(madridOffsetMs(at('2025-10-26T00:59:59Z'))).toBe(2 * HOUR_MS);
    expect(madridOffsetMs(at('2025-10-26T01:00:00Z'))).toBe(HOUR_MS);
    expect(madridOffsetMs(at('2024-10-27T00:30:00Z'))).toBe(2 * HOUR_MS);
  });

  it('agrees with the ICU timezone database hour by hour over the sample years', () => {
    const icu = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Madrid', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    for (let t = at('2024-09-01T00:30:00Z'); t < at('2026-01-01T00:00:00Z'); t += HOUR_MS) {
      const p = madridParts(t);
      const mine = `${String(p.day).padStart(2, '0')}/${String(p.month).padStart(2, '0')}/${p.year}, ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
      expect(mine).toBe(icu.format(t));
    }
  });

  it('finds local midnight in winter and in summer', () => {
    expect(new Date(madridMidnight(2025, 1, 15)).toISOString()).toBe('2025-01-14T23:00:00.000Z');
    expect(new Date(madridMidnight(2025, 7, 1)).toISOString()).toBe('2025-06-30T22:00:00.000Z');
    expect(new Date(madridMidnight(2025, 10, 26)).toISOString()).toBe('2025-10-25T22:00:00.000Z');
  });

  it('moves instants out of the repeated autumn hour, keeping order', () => {
    const before = at('2025-10-25T23:59:00Z');
    const inside = [at('2025-10-26T00:00:00Z'), at('2025-10-26T00:40:00Z'), at('2025-10-26T01:59:59Z')];
    expect(avoidAmbiguousLocalHour(before)).toBe(before);
    for (const t of inside) expect(avoidAmbiguousLocalHour(t)).toBe(at('2025-10-26T02:00:00Z'));
    expect(madridParts(at('2025-10-26T02:00:00Z')).hour).toBe(3);
    expect(avoidAmbiguousLocalHour(at('2025-10-26T02:00:01Z'))).toBe(at('2025-10-26T02:00:01Z'));
  });

  it('writes each export format its own way', () => {
    expect(formatTwitterDate(at('2017-10-11T06:55:44Z'))).toBe('Wed Oct 11 06:55:44 +0000 2017');
    expect(formatTalkwalkerDate(at('2025-09-22T09:00:24Z'))).toBe('22/09/25 11:00:24');
    expect(formatMeltwaterDates(at('2025-08-13T07:07:00Z'))).toEqual({ date: '13-Aug-2025 09:07AM', alternateDate: '13-Aug-25', time: '9:07 AM' });
    expect(formatMeltwaterDates(at('2025-01-05T23:30:00Z')).date).toBe('06-Jan-2025 12:30AM');
    expect(formatMeltwaterDates(at('2025-01-06T11:05:00Z')).date).toBe('06-Jan-2025 12:05PM');
    expect(formatMeltwaterDates(at('2025-01-06T14:05:00Z')).time).toBe('3:05 PM');
  });
});
