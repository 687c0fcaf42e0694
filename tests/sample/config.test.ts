import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { setConfigLanguage } from '../../src/sample/config-language.js';
import { SAMPLE_DATA_DIR, SAMPLE_PROJECT_FILES } from '../../src/sample/paths.js';
import { SAMPLE_BRANDS, SAMPLE_HOLIDAYS } from '../../src/sample/spec.js';

const config = loadConfig(join(SAMPLE_DATA_DIR, 'replybench.yaml'));

describe('sample-data/replybench.yaml', () => {
  it('is valid and names the files the demo copies', () => {
    for (const file of SAMPLE_PROJECT_FILES) expect(existsSync(join(SAMPLE_DATA_DIR, file))).toBe(true);
    expect(config.client).toBe('vireo');
    expect(config.timezone).toBe('Europe/Madrid');
    expect(config.report.agency?.logo).toBe('logo.svg');
    expect(config.database).toBe('replybench.duckdb');
  });

  it('describes the brands the generator simulates: ids, roles, handles, topics', () => {
    expect(config.brands.map((brand) => [brand.id, brand.name, brand.role])).toEqual(SAMPLE_BRANDS.map((brand) => [brand.id, brand.name, brand.role]));
    for (const brand of SAMPLE_BRANDS) {
      const configured = config.brands.find((candidate) => candidate.id === brand.id);
      expect(configured?.accounts).toEqual(Object.fromEntries(Object.entries(brand.accounts).map(([platform, handles]) => [platform, handles.map((handle) => handle.toLowerCase())])));
      expect(configured?.topics).toEqual([brand.topic]);
    }
  });

  it('gives each brand the business hours the generator staffs, and the same holidays', () => {
    expect(config.holidays).toEqual([...SAMPLE_HOLIDAYS]);
    for (const brand of SAMPLE_BRANDS) {
      const shifts = config.brands.find((candidate) => candidate.id === brand.id)?.businessHours?.shifts ?? [];
      const expected = brand.shift.flatMap((range, index) => (range ? [{ weekday: index + 1, startMin: range[0] * 60, endMin: range[1] * 60 }] : []));
      expect([...shifts].sort((a, b) => a.weekday - b.weekday)).toEqual(expected);
    }
  });
});

describe('the demo config in another language', () => {
  it('sets the report language and changes nothing else: its themes carry a name for each language', () => {
    const original = readFileSync(join(SAMPLE_DATA_DIR, 'replybench.yaml'), 'utf8');
    expect(config.themeNames).toEqual({
      billing: { en: 'Billing', es: 'Facturación', fr: 'Facturation' },
      coverage: { en: 'Coverage', es: 'Cobertura', fr: 'Couverture réseau' },
      outage: { en: 'Outages', es: 'Averías', fr: 'Pannes' },
      roaming: { en: 'Roaming', es: 'Itinerancia', fr: 'Itinérance' },
    });
    for (const language of ['es', 'fr'] as const) {
      const path = join(mkdtempSync(join(tmpdir(), 'demo-config-')), 'replybench.yaml');
      copyFileSync(join(SAMPLE_DATA_DIR, 'replybench.yaml'), path);
      setConfigLanguage(path, language);
      const edited = loadConfig(path);
      expect([edited.themes, edited.themeNames]).toEqual([config.themes, config.themeNames]);
      expect(edited.report.language).toBe(language);
      const changed = readFileSync(path, 'utf8').split('\n').filter((line, index) => line !== original.split('\n')[index]);
      expect(changed).toEqual([original.split('\n').find((line) => line.startsWith('  language: en'))?.replace('language: en', `language: ${language}`)]);
    }
  });
});
