import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { monthsEnding, parsePeriod, previousPeriod } from '../../src/analysis/period.js';

const iso = (date: Date): string => date.toISOString();

describe('parsePeriod', () => {
  it('reads a month in UTC', () => {
    const period = parsePeriod('2017-10', 'UTC');
    expect([iso(period.start), iso(period.end), period.label, period.kind]).toEqual(['2017-10-01T00:00:00.000Z', '2017-11-01T00:00:00.000Z', '2017-10', 'month']);
  });

  it('cuts Madrid months at local midnight: October 2017 is 745 hours long (DST ends on the 29th)', () => {
    const period = parsePeriod('2017-10', 'Europe/Madrid');
    expect(iso(period.start)).toBe('2017-09-30T22:00:00.000Z');
    expect(iso(period.end)).toBe('2017-10-31T23:00:00.000Z');
    expect((period.end.getTime() - period.start.getTime()) / 3_600_000).toBe(745);
    const march = parsePeriod('2018-03', 'Europe/Madrid');
    expect((march.end.getTime() - march.start.getTime()) / 3_600_000).toBe(743);
  });

  it('reads a quarter and its previous quarter across a year', () => {
    const q1 = parsePeriod('2018-Q1', 'America/New_York');
    expect([iso(q1.start), iso(q1.end)]).toEqual(['2018-01-01T05:00:00.000Z', '2018-04-01T04:00:00.000Z']);
    const q4 = previousPeriod(q1);
    expect([q4.label, iso(q4.start), iso(q4.end)]).toEqual(['2017-Q4', '2017-10-01T04:00:00.000Z', '2018-01-01T05:00:00.000Z']);
    // French and Spanish write a quarter with T (trimestre): the same quarter, labelled as the reports label it.
    expect(parsePeriod('2017-T4', 'America/New_York')).toEqual(parsePeriod('2017-Q4', 'America/New_York'));
    expect(parsePeriod('2017t4', 'UTC').label).toBe('2017-Q4');
  });

  it('reads FROM..TO with TO included, and the previous range of the same number of days', () => {
    const range = parsePeriod('2017-10-01..2017-10-15', 'UTC');
    expect([iso(range.start), iso(range.end), range.label]).toEqual(['2017-10-01T00:00:00.000Z', '2017-10-16T00:00:00.000Z', '2017-10-01..2017-10-15']);
    const before = previousPeriod(range);
    expect([before.label, iso(before.start), iso(before.end)]).toEqual(['2017-09-16..2017-09-30', '2017-09-16T00:00:00.000Z', '2017-10-01T00:00:00.000Z']);
    const single = parsePeriod('2017-10-29..2017-10-29', 'Europe/Madrid');
    expect((single.end.getTime() - single.start.getTime()) / 3_600_000).toBe(25);
  });

  it('gives the previous month, January to December', () => {
    expect(previousPeriod(parsePeriod('2018-01', 'UTC')).label).toBe('2017-12');
  });

  it('starts the day at the jump where a zone skips midnight (Sao Paulo, 2017-10-15)', () => {
    const day = parsePeriod('2017-10-15..2017-10-15', 'America/Sao_Paulo');
    expect(iso(day.start)).toBe('2017-10-15T03:00:00.000Z');
    expect((day.end.getTime() - day.start.getTime()) / 3_600_000).toBe(23);
  });

  describe('around DST transitions', () => {
    const hours = (period: { start: Date; end: Date }): number => (period.end.getTime() - period.start.getTime()) / 3_600_000;

    it('Europe/Madrid: the spring day is 23 hours, the autumn day 25, each starting at local midnight', () => {
      const spring = parsePeriod('2018-03-25..2018-03-25', 'Europe/Madrid');
      expect([iso(spring.start), iso(spring.end), hours(spring)]).toEqual(['2018-03-24T23:00:00.000Z', '2018-03-25T22:00:00.000Z', 23]);
      const autumn = parsePeriod('2017-10-29..2017-10-29', 'Europe/Madrid');
      expect([iso(autumn.start), iso(autumn.end)]).toEqual(['2017-10-28T22:00:00.000Z', '2017-10-29T23:00:00.000Z']);
      expect(hours(previousPeriod(autumn))).toBe(24);
    });

    it('America/Sao_Paulo: a day that skips midnight and a day that turns the clocks back over it', () => {
      const days = parsePeriod('2017-10-14..2017-10-16', 'America/Sao_Paulo');
      expect([iso(days.start), iso(days.end), hours(days)]).toEqual(['2017-10-14T03:00:00.000Z', '2017-10-17T02:00:00.000Z', 71]);
      expect(hours(previousPeriod(days))).toBe(72);
      // On 2018-02-17 the clocks went back from 24:00 to 23:00: the hour 23:00-24:00 happened twice, both in the 17th.
      const back = parsePeriod('2018-02-17..2018-02-17', 'America/Sao_Paulo');
      expect([iso(back.start), iso(back.end), hours(back)]).toEqual(['2018-02-17T02:00:00.000Z', '2018-02-18T03:00:00.000Z', 25]);
      const october = parsePeriod('2017-10', 'America/Sao_Paulo');
      expect([iso(october.start), iso(october.end), hours(october)]).toEqual(['2017-10-01T03:00:00.000Z', '2017-11-01T02:00:00.000Z', 743]);
      const february = parsePeriod('2018-02', 'America/Sao_Paulo');
      expect([iso(february.start), iso(february.end), hours(february)]).toEqual(['2018-02-01T02:00:00.000Z', '2018-03-01T03:00:00.000Z', 673]);
    });

    it('America/New_York: March 12 and November 5, 2017, and the 721 hours of November', () => {
      expect(hours(parsePeriod('2017-03-12..2017-03-12', 'America/New_York'))).toBe(23);
      const fallBack = parsePeriod('2017-11-05..2017-11-05', 'America/New_York');
      expect([iso(fallBack.start), iso(fallBack.end), hours(fallBack)]).toEqual(['2017-11-05T04:00:00.000Z', '2017-11-06T05:00:00.000Z', 25]);
      const november = parsePeriod('2017-11', 'America/New_York');
      expect([iso(november.start), iso(november.end), hours(november)]).toEqual(['2017-11-01T04:00:00.000Z', '2017-12-01T05:00:00.000Z', 721]);
      expect([previousPeriod(november).label, hours(previousPeriod(november))]).toEqual(['2017-10', 744]);
    });

    it('takes the earlier midnight where it happens twice (Havana turned 01:00 back to 00:00 on 2017-11-05)', () => {
      const day = parsePeriod('2017-11-05..2017-11-05', 'America/Havana');
      expect([iso(day.start), iso(day.end), hours(day)]).toEqual(['2017-11-05T04:00:00.000Z', '2017-11-06T05:00:00.000Z', 25]);
    });

    it("gives the same instants whatever the machine's own timezone", () => {
      const cases: [string, string][] = [
        ['2017-10', 'Europe/Madrid'],
        ['2017-10-15..2017-10-15', 'America/Sao_Paulo'],
        ['2018-02-17..2018-02-17', 'America/Sao_Paulo'],
        ['2017-Q4', 'America/New_York'],
        ['2017-11-05..2017-11-05', 'America/Havana'],
      ];
      const instants = (): string[] => cases.map(([text, zone]) => {
        const period = parsePeriod(text, zone);
        return `${iso(period.start)} ${iso(period.end)} ${previousPeriod(period).label}`;
      });
      const saved = process.env.TZ;
      try {
        process.env.TZ = 'UTC';
        const expected = instants();
        for (const machine of ['America/Sao_Paulo', 'Europe/Madrid', 'America/Havana', 'Pacific/Apia']) {
          process.env.TZ = machine;
          expect([machine, instants()]).toEqual([machine, expected]);
        }
      } finally {
        if (saved === undefined) delete process.env.TZ;
        else process.env.TZ = saved;
      }
    });
  });

  it('lists the 13 months ending with the period last month', () => {
    const months = monthsEnding(parsePeriod('2017-10-20..2017-11-05', 'UTC'), 13);
    expect(months.map((m) => m.label)).toEqual([
      '2016-11', '2016-12', '2017-01', '2017-02', '2017-03', '2017-04', '2017-05', '2017-06', '2017-07', '2017-08', '2017-09', '2017-10', '2017-11',
    ]);
  });

  it.each(['2017-13', 'October', '2017-Q5', '2017-10-32..2017-11-01', '2017-11-01..2017-10-01', '', '2017-02-29..2017-03-01'])(
    'rejects %j with one line that shows examples',
    (text) => {
      expect(() => parsePeriod(text, 'UTC')).toThrow(UserError);
      try {
        parsePeriod(text, 'UTC');
      } catch (error) {
        const message = (error as Error).message;
        expect(message).toContain('2017-Q4');
        expect(message).not.toContain('\n');
      }
    },
  );

  it('rejects an unknown timezone', () => {
    expect(() => parsePeriod('2017-10', 'Mars/Olympus')).toThrow(/not a known IANA timezone/);
  });
});
