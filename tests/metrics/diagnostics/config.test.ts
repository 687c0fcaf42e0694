import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadConfig, parseConfig } from '../../../src/config/load.js';
import { UserError } from '../../../src/errors.js';

const base = { client: 'acme', brands: [{ id: 'acme', accounts: { twitter: ['AcmeCares'] } }] };

function withHours(businessHours: unknown, extra: Record<string, unknown> = {}) {
  return parseConfig({ ...base, brands: [{ ...base.brands[0], businessHours }], ...extra }, 'cfg.yaml', '/tmp');
}

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('expected the config to be rejected');
}

describe('diagnostics config', () => {
  it('reads a weekly schedule with day ranges, lists and a shift across midnight', () => {
    const config = withHours({ 'mon-wed': '09:00-18:00', sat: ['10:00-14:00', '22:00-02:00'], timezone: 'Europe/Madrid', holidays: ['2026-12-25'] }, { holidays: ['2026-01-01'] });
    expect(config.brands[0]?.businessHours).toEqual({
      timezone: 'Europe/Madrid',
      holidays: ['2026-12-25'],
      shifts: [
        { weekday: 1, startMin: 540, endMin: 1080 },
        { weekday: 2, startMin: 540, endMin: 1080 },
        { weekday: 3, startMin: 540, endMin: 1080 },
        { weekday: 6, startMin: 600, endMin: 840 },
        { weekday: 6, startMin: 1320, endMin: 1560 },
      ],
    });
    expect(config.holidays).toEqual(['2026-01-01']);
  });

  it('wraps a day range over the weekend and accepts a whole day', () => {
    const shifts = withHours({ 'fri-mon': '00:00-24:00' }).brands[0]?.businessHours?.shifts;
    expect(shifts?.map((s) => s.weekday)).toEqual([5, 6, 7, 1]);
    expect(shifts?.[0]).toEqual({ weekday: 5, startMin: 0, endMin: 1440 });
  });

  it('loads the example of docs/diagnostics.md', () => {
    const config = loadConfig(fileURLToPath(new URL('../../fixtures/diagnostics/config-example.yaml', import.meta.url)));
    expect(config.holidays).toEqual(['2026-01-01', '2026-01-06', '2026-12-25']);
    expect(config.brands[0]?.businessHours?.shifts).toHaveLength(7);
    expect(config.metrics).toMatchObject({ influencerFollowers: 5000, clockStart: 'first' });
  });

  it('keeps existing configs valid: no schedule, default metrics', () => {
    const config = parseConfig(base, 'cfg.yaml', '/tmp');
    expect(config.brands[0]?.businessHours).toBeUndefined();
    expect(config.metrics.influencerFollowers).toBeUndefined();
    expect(config.metrics.clockStart).toBeUndefined();
  });

  it('names the key path of every problem', () => {
    expect(errorOf(() => withHours({ monday: '09:00-18:00' }))).toMatch(/^cfg\.yaml: brands\.0\.businessHours\.monday: use a day \(mon\.\.sun\)/);
    expect(errorOf(() => withHours({ mon: '9-18' }))).toMatch(/^cfg\.yaml: brands\.0\.businessHours\.mon: "9-18" is not a time range; use "HH:MM-HH:MM"/);
    expect(errorOf(() => withHours({ mon: '09:00-25:00' }))).toMatch(/brands\.0\.businessHours\.mon: "09:00-25:00" has an impossible time/);
    expect(errorOf(() => withHours({ mon: '09:00-09:00' }))).toMatch(/starts and ends at the same time; use "00:00-24:00"/);
    expect(errorOf(() => withHours({ mon: 9 }))).toMatch(/brands\.0\.businessHours\.mon: use "HH:MM-HH:MM"/);
    expect(errorOf(() => withHours({ timezone: 'Mars/Base' }))).toMatch(/brands\.0\.businessHours\.timezone: not a known IANA timezone/);
    expect(errorOf(() => withHours({ holidays: ['25/12/2026'] }))).toMatch(/brands\.0\.businessHours\.holidays: use a list of dates/);
    expect(errorOf(() => parseConfig({ ...base, holidays: ['2026-13-01'] }, 'cfg.yaml', '/tmp'))).toMatch(/^cfg\.yaml: holidays\.0: use a date such as "2026-12-25"/);
    expect(errorOf(() => parseConfig({ ...base, holidays: ['2026-02-30'] }, 'cfg.yaml', '/tmp'))).toMatch(/^cfg\.yaml: holidays\.0: not a calendar date/);
    expect(errorOf(() => parseConfig({ ...base, metrics: { clockStart: 'last' } }, 'cfg.yaml', '/tmp'))).toMatch(/^cfg\.yaml: metrics\.clockStart: /);
    expect(errorOf(() => parseConfig({ ...base, metrics: { influencerFollowers: -1 } }, 'cfg.yaml', '/tmp'))).toMatch(/^cfg\.yaml: metrics\.influencerFollowers: /);
  });
});
