import { describe, expect, it } from 'vitest';
import { formatKind } from '../../src/ingest/source/xlsx/number-formats.js';
import { countHeldItem, MAX_HELD_ITEMS, PartTooLarge } from '../../src/ingest/source/xlsx/package.js';
import { elapsedTime, isoCellDate, serialDate } from '../../src/ingest/source/xlsx/serial-dates.js';

const shown = (date: Date | string | null): string | null => (date instanceof Date ? date.toISOString().replace('.000Z', '') : date);

describe('xlsx number formats', () => {
  it('are dates by their letters, once quoted, escaped, bracketed, padded and scientific parts are taken out', () => {
    const kinds = Object.fromEntries(
      [
        'yyyy-mm-dd hh:mm:ss',
        'd/m/yy',
        'h:mm AM/PM',
        '[$-409]mmmm d, yyyy',
        '[$-F800]dddd, mmmm dd, yyyy',
        'ee"年"m"月"d"日"',
        'ggge"年"',
        'aaa',
        '[Red]dd/mm/yyyy;@',
        '[h]:mm:ss',
        '[mm]:ss',
        '[ss]',
        'General',
        '0.00E+00',
        '#,##0.00;[Red]-#,##0.00',
        '[>100]0;0.0',
        '0\\ \\s\\h\\a\\r\\e\\s',
        '#,##0.0,,\\M',
        '"day" 0',
        '_-* #,##0.00_-;-* #,##0.00_-',
        '0;"days";"dd"',
      ].map((code) => [code, formatKind(code)]),
    );
    expect(kinds).toEqual({
      'yyyy-mm-dd hh:mm:ss': 'date',
      'd/m/yy': 'date',
      'h:mm AM/PM': 'date',
      '[$-409]mmmm d, yyyy': 'date',
      '[$-F800]dddd, mmmm dd, yyyy': 'date',
      'ee"年"m"月"d"日"': 'date',
      'ggge"年"': 'date',
      aaa: 'date',
      '[Red]dd/mm/yyyy;@': 'date',
      '[h]:mm:ss': 'duration',
      '[mm]:ss': 'duration',
      '[ss]': 'duration',
      General: 'number',
      '0.00E+00': 'number',
      '#,##0.00;[Red]-#,##0.00': 'number',
      '[>100]0;0.0': 'number',
      '0\\ \\s\\h\\a\\r\\e\\s': 'number',
      '#,##0.0,,\\M': 'number',
      '"day" 0': 'number',
      '_-* #,##0.00_-;-* #,##0.00_-': 'number',
      '0;"days";"dd"': 'number',
    });
  });
});

describe('xlsx date serials', () => {
  it("count from 1900 with Excel's phantom 29 February, or from 1904, seconds rounded", () => {
    expect([1, 59, 60, 61, 45293.5, 45293.999999, 2958465, 2958466, -1].map((serial) => shown(serialDate(serial, false)))).toEqual([
      '1900-01-01T00:00:00',
      '1900-02-28T00:00:00',
      null,
      '1900-03-01T00:00:00',
      '2024-01-02T12:00:00',
      '2024-01-03T00:00:00',
      '9999-12-31T00:00:00',
      null,
      null,
    ]);
    expect([1, 43831, 2957003, 2957004].map((serial) => shown(serialDate(serial, true)))).toEqual(['1904-01-02T00:00:00', '2024-01-02T00:00:00', '9999-12-31T00:00:00', null]);
    // A time alone, in either system, on Excel's day 0.
    expect(shown(serialDate(0.573263888888889, true))).toBe('1899-12-30T13:45:30');
    expect([1.5, 0.000694444, -0.5].map(elapsedTime)).toEqual(['36:00:00', '0:01:00', '-12:00:00']);
  });

  it('of t="d" cells are read when they are real dates, kept as text otherwise', () => {
    expect(['2024-01-02T13:45:30', '2024-01-02', '2024-01-02T13:45:30.999Z', '0025-01-02', '2025-13-45', '2025-02-29', '2024-01-02T13:45:30+02:00', '2024-01-02T24:00:00'].map((text) => shown(isoCellDate(text)))).toEqual([
      '2024-01-02T13:45:30',
      '2024-01-02T00:00:00',
      '2024-01-02T13:45:30',
      '0025-01-02T00:00:00',
      '2025-13-45',
      '2025-02-29',
      '2024-01-02T13:45:30+02:00',
      '2024-01-02T24:00:00',
    ]);
  });
});

describe('xlsx parts held in memory', () => {
  it('stop at a count of items no array can hold, with the part named', () => {
    expect(() => countHeldItem('xl/sharedStrings.xml', MAX_HELD_ITEMS)).not.toThrow();
    expect(() => countHeldItem('xl/sharedStrings.xml', MAX_HELD_ITEMS + 1)).toThrow(PartTooLarge);
    expect(() => countHeldItem('xl/sharedStrings.xml', MAX_HELD_ITEMS + 1)).toThrow('xl/sharedStrings.xml holds more than 50,000,000 items, more than replybench reads from a workbook');
  });
});
