import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRIC_DEFINITIONS } from '../../src/metrics/definitions.js';
import { LANGUAGES } from '../../src/report/i18n/language.js';
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
    const missing = [...usedKeys()].filter((key) => !(key in english));
    expect(missing).toEqual([]);
  });

  it('every placeholder of an English string exists in its translations', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const [key, text] of Object.entries(catalogues.en ?? {}).filter(([key]) => !key.startsWith('metric.'))) {
      for (const language of ['es', 'fr'] as const) expect([key, placeholders(catalogues[language]?.[key] ?? '')]).toEqual([key, placeholders(text)]);
    }
  });

  it('Spanish and French translate the sentences (only symbols and units may stay as in English)', () => {
    const allowedSame = /^(format\.|unit\.|bucket\.\d|methodology\.format|examples\.(when|text)|leaderboard\.(inbound|client)|chart\.hourOfWeek\.volumeLegend|footer\.page)/;
    for (const language of ['es', 'fr'] as const) {
      const same = Object.entries(catalogues.en ?? {})
        .filter(([key, text]) => catalogues[language]?.[key] === text && !allowedSame.test(key))
        .map(([key]) => key);
      expect([language, same]).toEqual([language, []]);
    }
  });
});
