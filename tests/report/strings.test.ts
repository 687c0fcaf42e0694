import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRIC_DEFINITIONS } from '../../src/metrics/definitions.js';
import { Formatter } from '../../src/report/i18n/format.js';
import { LANGUAGES, type Language } from '../../src/report/i18n/language.js';
import { translator } from '../../src/report/i18n/strings.js';
import { DEFAULT_TEMPLATE_DIR, ReportTemplate } from '../../src/report/template.js';

const template = ReportTemplate.open(undefined);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** Keys the code and templates ask for: t('key'), "t:key" in chart specs, and computed prefixes. */
function usedKeys(): Set<string> {
  const keys = new Set<string>();
  // src/report/advice/ has its own catalogue (the diagnostics' advice texts).
  const sources = [...filesUnder(new URL('../../src/report', import.meta.url).pathname).filter((file) => !file.includes('/advice/')), ...filesUnder(DEFAULT_TEMPLATE_DIR)];
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9+-]+\.[a-zA-Z0-9.+-]+)'/g)) if (match[1]) keys.add(match[1]);
    for (const match of text.matchAll(/"t:([a-zA-Z0-9+-]+\.[a-zA-Z0-9.+-]+)"/g)) if (match[1]) keys.add(match[1]);
  }
  return keys;
}

describe('string catalogues', () => {
  const catalogues = Object.fromEntries(LANGUAGES.map((language) => [language, template.strings(language)]));

  const own = (language: string) => Object.keys(catalogues[language] ?? {}).filter((key) => !key.startsWith('metric.')).sort();

  it('every language has exactly the keys of English', () => {
    const english = own('en');
    expect(english.length).toBeGreaterThan(100);
    for (const language of LANGUAGES) expect(own(language)).toEqual(english);
  });

  it('Spanish and French translate every metric definition of src/metrics/definitions.ts, and nothing else', () => {
    const expected = METRIC_DEFINITIONS.flatMap((definition) => [`metric.${definition.id}.text`, `metric.${definition.id}.title`]).sort();
    expect(expected.length).toBeGreaterThan(20);
    for (const language of ['es', 'fr'] as const) {
      const keys = Object.keys(catalogues[language] ?? {}).filter((key) => key.startsWith('metric.')).sort();
      expect([language, keys]).toEqual([language, expected]);
      for (const definition of METRIC_DEFINITIONS) expect(catalogues[language]?.[`metric.${definition.id}.text`]).not.toBe(definition.text);
    }
    expect(Object.keys(catalogues.en ?? {}).filter((key) => key.startsWith('metric.'))).toEqual([]);
  });

  it('every key used by the code and templates exists', () => {
    const english = catalogues.en ?? {};
    const used = [...usedKeys()];
    // The patterns above still find the code's keys (a change of quoting would leave nothing to check).
    expect(used.length).toBeGreaterThan(100);
    const missing = used.filter((key) => !(key in english));
    expect(missing).toEqual([]);
  });

  it('every placeholder of an English string exists in its translations', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    const english = Object.entries(catalogues.en ?? {}).filter(([key]) => !key.startsWith('metric.'));
    expect(english.filter(([, text]) => placeholders(text).length > 0).length).toBeGreaterThan(20);
    for (const [key, text] of english) {
      for (const language of ['es', 'fr'] as const) expect([key, placeholders(catalogues[language]?.[key] ?? '')]).toEqual([key, placeholders(text)]);
    }
  });

  it('Spanish and French translate the sentences (only symbols and units may stay as in English)', () => {
    const allowedSame = /^(format\.|unit\.|bucket\.\d|methodology\.format|examples\.(when|text)|leaderboard\.(inbound|client)|scorecard\.sample|chart\.hourOfWeek\.volumeLegend|footer\.page)/;
    expect(Object.keys(catalogues.en ?? {}).length).toBeGreaterThan(100);
    for (const language of ['es', 'fr'] as const) {
      const same = Object.entries(catalogues.en ?? {})
        .filter(([key, text]) => catalogues[language]?.[key] === text && !allowedSame.test(key))
        .map(([key]) => key);
      expect([language, same]).toEqual([language, []]);
    }
  });
});

describe('dates in each language', () => {
  const formatter = (language: Language) => new Formatter(language, translator(template.strings(language), language), 'Europe/Madrid');
  // 00:30 on 1 October in Madrid, still 30 September in UTC.
  const lateUtc = new Date('2017-09-30T22:30:00Z');
  const september = new Date('2017-09-05T07:04:00Z');

  it.each([
    ['en', ['1 October 2017', '1 Oct 2017, 00:30', 'October 2017', 'Sept 17', '5 Sept 2017, 09:04']],
    ['es', ['1 de octubre de 2017', '1 oct 2017, 00:30', 'octubre de 2017', 'sept 17', '5 sept 2017, 09:04']],
    ['fr', ['1 octobre 2017', '1 oct. 2017, 00:30', 'octobre 2017', 'sept. 17', '5 sept. 2017, 09:04']],
  ] as const)('%s: day, date-time, month and short month in the report timezone, September shortened as CLDR does', (language, expected) => {
    const format = formatter(language);
    expect([format.date(lateUtc), format.dateTime(lateUtc), format.monthYear(lateUtc), format.shortMonth('2017-09'), format.dateTime(september)]).toEqual(expected);
  });

  it('names weekdays Monday first, capitalised', () => {
    expect(formatter('en').weekdays()).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(formatter('es').weekdays()).toEqual(['Lun', 'Mar', 'Mié', 'Jue', 'Vie', 'Sáb', 'Dom']);
    expect(formatter('fr').weekdays()).toEqual(['Lun.', 'Mar.', 'Mer.', 'Jeu.', 'Ven.', 'Sam.', 'Dim.']);
  });

  it('calls a period a month only when it covers a whole local month', () => {
    expect(formatter('es').periodLabel('2017-08-31T22:00:00Z', '2017-09-30T22:00:00Z')).toBe('Septiembre de 2017');
    expect(formatter('en').periodLabel('2017-09-01T00:00:00Z', '2017-10-01T00:00:00Z')).toBe('1 September 2017 – 1 October 2017');
  });
});
