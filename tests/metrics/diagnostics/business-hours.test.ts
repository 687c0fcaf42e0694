import { afterEach, describe, expect, it } from 'vitest';
import { computeDiagnostics } from '../../../src/metrics/diagnostics/index.js';
import type { Store } from '../../../src/store/database.js';
import { storeWith, twoBrands, type DiagPost } from '../../fixtures/diagnostics/store.js';

let store: Store | undefined;
afterEach(() => store?.close());

/**
 * Acme, Europe/Madrid: weekdays 09:00-18:00 and a Saturday night shift
 * 22:00-06:00 that runs into Sunday. Friday 2026-03-27 is a holiday. Clocks go
 * from 02:00 CET to 03:00 CEST in the night of Saturday 28 to Sunday 29 March.
 */
const config = twoBrands(
  { timezone: 'Europe/Madrid', holidays: ['2026-03-27'] },
  { acme: { businessHours: { 'mon-fri': '09:00-18:00', sat: '22:00-06:00' } } },
);

function answered(id: string, at: string, answerAt: string): DiagPost[] {
  return [
    { id, author: `c${id}`, at, text: '@AcmeCares help' },
    { id: `${id}r`, author: 'acmecares', at: answerAt, text: '@c ok', parent: id },
  ];
}

async function acmeHours(posts: DiagPost[]) {
  store = await storeWith([...posts, { id: 'late', author: 'z', at: '2026-05-01T00:00:00Z', text: 'x' }]);
  const result = await computeDiagnostics(store, config, '2026-03');
  return result.brands.find((b) => b.id === 'acme')?.businessHours;
}

describe('business hours', () => {
  it('counts only open time: a holiday, a night shift across midnight and the DST change, then Monday', async () => {
    // Thu 26 17:00 CET (16:00Z) -> Mon 30 10:00 CEST (08:00Z):
    // Thu 17-18 = 60, Fri holiday = 0, Sat 22:00 CET -> Sun 06:00 CEST = 7 real hours = 420, Mon 09-10 = 60.
    const hours = await acmeHours(answered('a', '2026-03-26T16:00:00Z', '2026-03-30T08:00:00Z'));
    expect(hours?.businessTimeMedianMin).toBe(540);
    expect(hours?.calendarTimeMedianMin).toBe(88 * 60);
    expect(hours).toMatchObject({ inboundInside: 1, answeredInside: 1, inboundOutside: 0, responseRateInside: 1, responseRateOutside: null });
  });

  it('counts a mention inside the night shift as inside, and real minutes across the DST jump', async () => {
    // Sat 23:30 CET (22:30Z) -> Sun 05:00 CEST (03:00Z): 4.5 real hours, all open.
    const hours = await acmeHours(answered('b', '2026-03-28T22:30:00Z', '2026-03-29T03:00:00Z'));
    expect(hours).toMatchObject({ inboundInside: 1, businessTimeMedianMin: 270, calendarTimeMedianMin: 270 });
  });

  it('treats a holiday as closed: a mention and answer on it take no business time', async () => {
    // Fri 27 10:00 CET (09:00Z), a holiday, answered an hour later.
    const hours = await acmeHours([
      ...answered('d', '2026-03-27T09:00:00Z', '2026-03-27T10:00:00Z'),
      // Sunday noon: outside, never answered.
      { id: 'e', author: 'ce', at: '2026-03-29T10:00:00Z', text: '@AcmeCares anyone?' },
    ]);
    expect(hours).toMatchObject({
      inboundInside: 0,
      inboundOutside: 2,
      answeredOutside: 1,
      responseRateOutside: 0.5,
      businessTimeMedianMin: 0,
      calendarTimeMedianMin: 60,
    });
  });

  it('runs a night shift into the next day on an ordinary weekend', async () => {
    // Sat 21 21:00 CET (20:00Z) -> Sun 22 07:00 CET (06:00Z): only 22:00-06:00 is open = 480.
    const hours = await acmeHours(answered('f', '2026-03-21T20:00:00Z', '2026-03-22T06:00:00Z'));
    expect(hours).toMatchObject({ inboundInside: 0, inboundOutside: 1, businessTimeMedianMin: 480, calendarTimeMedianMin: 600 });
  });

  it('counts the short night of the autumn change by its real length, in a brand timezone of its own', async () => {
    const autumn = twoBrands(
      { timezone: 'UTC' },
      { acme: { businessHours: { timezone: 'Europe/Madrid', sat: '22:00-06:00' } } },
    );
    // Sat 24 Oct 22:00 CEST (20:00Z) -> Sun 25 06:00 CET (05:00Z): 9 real hours.
    store = await storeWith([...answered('g', '2026-10-24T19:00:00Z', '2026-10-25T06:00:00Z'), { id: 'late', author: 'z', at: '2026-12-01T00:00:00Z', text: 'x' }]);
    const hours = (await computeDiagnostics(store, autumn, '2026-10')).brands.find((b) => b.id === 'acme')?.businessHours;
    expect(hours?.businessTimeMedianMin).toBe(540);
    expect(hours?.calendarTimeMedianMin).toBe(660);
  });

  it('cancels a night shift that starts on a brand’s own holiday, and only for that brand', async () => {
    const holiday = twoBrands(
      { timezone: 'Europe/Madrid' },
      {
        acme: { businessHours: { sat: '22:00-06:00', holidays: ['2026-10-24'] } },
        rival: { businessHours: { sat: '22:00-06:00' } },
      },
    );
    store = await storeWith([
      ...answered('h', '2026-10-24T19:00:00Z', '2026-10-25T06:00:00Z'),
      { id: 'k', author: 'ck', at: '2026-10-24T19:00:00Z', text: '@RivalHelp help' },
      { id: 'kr', author: 'rivalhelp', at: '2026-10-25T06:00:00Z', text: '@ck ok', parent: 'k' },
      { id: 'late', author: 'z', at: '2026-12-01T00:00:00Z', text: 'x' },
    ]);
    const brands = (await computeDiagnostics(store, holiday, '2026-10')).brands;
    expect(brands.find((b) => b.id === 'acme')?.businessHours?.businessTimeMedianMin).toBe(0);
    expect(brands.find((b) => b.id === 'rival')?.businessHours?.businessTimeMedianMin).toBe(540);
  });

  it('leaves a brand without a schedule at null, with a note', async () => {
    store = await storeWith(answered('a', '2026-03-26T16:00:00Z', '2026-03-26T17:00:00Z'));
    const result = await computeDiagnostics(store, config, '2026-03');
    expect(result.brands.find((b) => b.id === 'rival')?.businessHours).toBeNull();
    expect(result.notes).toContainEqual({ brandId: 'rival', code: 'no-business-hours' });
    expect(result.notes).not.toContainEqual({ brandId: 'acme', code: 'no-business-hours' });
  });
});
