import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerDemo } from '../../src/cli/commands/demo.js';
import { registerReport } from '../../src/cli/commands/report.js';
import { parseConfig } from '../../src/config/load.js';
import { STARTER_CONFIG } from '../../src/config/starter.js';
import { metricCatalogue, tileMetrics } from '../../src/metrics/catalogue.js';
import { METRIC_DEFINITIONS } from '../../src/metrics/definitions.js';
import { DIAGNOSTIC_METRICS } from '../../src/metrics/diagnostics/catalogue.js';
import { DIAGNOSTIC_NOTE_CODES } from '../../src/metrics/diagnostics/types.js';
import { BUCKET_KEYS } from '../../src/metrics/types.js';
import { FINDING_IDS } from '../../src/report/advice/index.js';
import { CHART_STRING_PREFIX, CHARTS_OF_OPTIONAL_DATA, CHARTS_WITH_DECK_CAPTION } from '../../src/report/charts/buildCharts.js';
import { AUDIENCES, CHART_IDS } from '../../src/report/charts/chartData.js';
import { chartNumberLocale, largestNumber } from '../../src/report/charts/chartLocale.js';
import { Formatter } from '../../src/report/i18n/format.js';
import { LANGUAGE_LIST, LANGUAGES, type Language } from '../../src/report/i18n/language.js';
import { translator } from '../../src/report/i18n/strings.js';
import { GLOSSARY } from '../../src/report/model/methodology.js';
import { SCORECARD_METRICS, SCORECARD_REASONS } from '../../src/report/model/scorecard.js';
import { DEFAULT_TEMPLATE_DIR, ReportTemplate } from '../../src/report/template.js';

const template = ReportTemplate.open(undefined);
/** Every language but English, whose metric definitions are src/metrics/definitions.ts itself. */
const TRANSLATIONS = LANGUAGES.filter((language) => language !== 'en');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** The code and templates that ask for strings (not the strings files themselves). */
const SOURCES = [...filesUnder(new URL('../../src/report', import.meta.url).pathname), ...filesUnder(DEFAULT_TEMPLATE_DIR).filter((file) => !file.includes('/strings/'))];

/** Dotted names in the code that are no strings keys: config keys named in messages. */
const NOT_KEYS = new Set(['report.agency.logo']);

/** Prefixes the code completes into keys (`${prefix}.title`): not keys themselves. */
const KEY_PREFIXES = new Set([...Object.values(CHART_STRING_PREFIX), ...AUDIENCES.map((audience) => audience.prefix)]);

/**
 * Keys written out in the code and templates: t('key') and it.t('key'),
 * "t:key" in chart specs, and the keys held in tables (SECTION_TITLES,
 * FLAG_KEYS, ...), any quoted dotted name in a namespace of the strings.
 */
function writtenKeys(namespaces: ReadonlySet<string>): Set<string> {
  const keys = new Set<string>();
  for (const file of SOURCES) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bt\(\s*'([^']+)'/g)) keys.add(match[1] ?? '');
    if (file.endsWith('.vl.json')) for (const match of text.matchAll(/"t:([^"]+)"/g)) keys.add(match[1] ?? '');
    for (const match of text.matchAll(/(['"])([a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9+-]+)+)\1/g)) {
      const name = match[2] ?? '';
      const fileName = /\.(pdf|pptx|xlsx|html|csv|json|css|eta)$/.test(name);
      if (namespaces.has(name.split('.')[0] ?? '') && !fileName && !NOT_KEYS.has(name) && !KEY_PREFIXES.has(name)) keys.add(name);
    }
  }
  return keys;
}

/** Keys the code builds (`label.${key}`, `bucket.${bucket}`, ...), each from the registry it builds them from. */
function computedKeys(): string[] {
  const catalogue = metricCatalogue([60, 1440]);
  return [
    ...[...catalogue, ...DIAGNOSTIC_METRICS].map((spec) => spec.label),
    ...tileMetrics(catalogue).map((spec) => `kpi.sample.${spec.restsOn ?? 'mentions'}`),
    ...FINDING_IDS.flatMap((id) => [`advice.title.${id}`, `advice.body.${id}`]),
    ...DIAGNOSTIC_NOTE_CODES.map((code) => `advice.note.${code}`),
    ...SCORECARD_METRICS.flatMap((key) => [`scorecard.column.${key}`, `scorecard.definition.${key}`, `scorecard.none.${key}`]),
    ...SCORECARD_REASONS.filter((reason) => reason !== 'no-data').map((reason) => `scorecard.reason.${reason}`),
    ...BUCKET_KEYS.map((bucket) => `bucket.${bucket}`),
    ...CHART_IDS.flatMap((id) => ['title', 'caption', ...(CHARTS_OF_OPTIONAL_DATA[id] ? [] : ['empty']), ...(CHARTS_WITH_DECK_CAPTION.has(id) ? ['deckCaption'] : [])].map((part) => `${CHART_STRING_PREFIX[id]}.${part}`)),
    ...AUDIENCES.flatMap((audience) => [...audience.keys.map((key) => `${audience.prefix}.group.${key}`), `${audience.prefix}.missingFor`, `${audience.prefix}.unknownFor`, `${audience.prefix}.noComparison`, `note.comparedOn.${audience.field}`, `sheet.comparedOn.${audience.field}`]),
    ...GLOSSARY.flatMap((id) => [`glossary.${id}.title`, `glossary.${id}.text`]),
  ];
}

/** The metric reference in every language but English, whose words are src/metrics/definitions.ts itself. */
function definitionKeys(language: Language): string[] {
  return language === 'en' ? [] : METRIC_DEFINITIONS.flatMap((definition) => [`metric.${definition.id}.title`, `metric.${definition.id}.text`]);
}

/** Where the code builds a key from a template literal (`scorecard.none.${source.key}`), as a pattern: scorecard.none.* */
function keyShapes(): Array<{ file: string; shape: string }> {
  const shapes: Array<{ file: string; shape: string }> = [];
  for (const file of SOURCES) {
    for (const match of readFileSync(file, 'utf8').matchAll(/`([^`]*\$\{[^`]*)`/g)) {
      const shape = (match[1] ?? '').replace(/\$\{[^}]*\}/g, '*');
      if (/^[a-zA-Z*][a-zA-Z0-9.+*-]*$/.test(shape) && shape.includes('.')) shapes.push({ file: file.slice(file.lastIndexOf('/src/') + 1), shape });
    }
  }
  return shapes;
}

describe('string catalogues', () => {
  const catalogues = Object.fromEntries(LANGUAGES.map((language) => [language, template.strings(language)]));

  const own = (language: string) => Object.keys(catalogues[language] ?? {}).filter((key) => !key.startsWith('metric.')).sort();

  it('every language has exactly the keys of English', () => {
    const english = own('en');
    expect(english.length).toBeGreaterThan(100);
    for (const language of LANGUAGES) expect(own(language)).toEqual(english);
  });

  it('every language but English translates every metric definition of src/metrics/definitions.ts, and nothing else', () => {
    const expected = METRIC_DEFINITIONS.flatMap((definition) => [`metric.${definition.id}.text`, `metric.${definition.id}.title`]).sort();
    expect(expected.length).toBeGreaterThan(20);
    for (const language of TRANSLATIONS) {
      const keys = Object.keys(catalogues[language] ?? {}).filter((key) => key.startsWith('metric.')).sort();
      expect([language, keys]).toEqual([language, expected]);
      for (const definition of METRIC_DEFINITIONS) expect(catalogues[language]?.[`metric.${definition.id}.text`]).not.toBe(definition.text);
    }
    expect(Object.keys(catalogues.en ?? {}).filter((key) => key.startsWith('metric.'))).toEqual([]);
  });

  it('every placeholder of an English string exists in its translations', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    const english = Object.entries(catalogues.en ?? {}).filter(([key]) => !key.startsWith('metric.'));
    expect(english.filter(([, text]) => placeholders(text).length > 0).length).toBeGreaterThan(20);
    for (const [key, text] of english) {
      for (const language of TRANSLATIONS) expect([key, placeholders(catalogues[language]?.[key] ?? '')]).toEqual([key, placeholders(text)]);
    }
  });

  it('every language quotes the "answered within" columns under the leaderboard by the name their headers carry', () => {
    for (const language of LANGUAGES) {
      const header = (catalogues[language]?.['label.withinSla'] ?? '?').split('{')[0]?.trim() ?? '?';
      expect([language, catalogues[language]?.['leaderboard.noteSla']?.includes(header)]).toEqual([language, true]);
    }
  });

  it('every language but English translates the sentences (only symbols and units may stay as in English)', () => {
    const allowedSame = /^(format\.|unit\.|bucket\.\d|methodology\.format|examples\.(when|text)|leaderboard\.client|chart\.hourOfWeek\.volumeLegend|footer\.page|deck\.sectionPart|sheet\.emptyReason|chart\.audience\.(emptyGroup|thinBrand)\b|note\.comparedOn\.brand\b)/;
    expect(Object.keys(catalogues.en ?? {}).length).toBeGreaterThan(100);
    for (const language of TRANSLATIONS) {
      const same = Object.entries(catalogues.en ?? {})
        .filter(([key, text]) => catalogues[language]?.[key] === text && !allowedSame.test(key))
        .map(([key]) => key);
      expect([language, same]).toEqual([language, []]);
    }
  });

  it('French keeps a no-break space before a colon, a semicolon, a question and an exclamation mark, so a line never starts with one', () => {
    const broken = Object.entries(catalogues.fr ?? {}).filter(([, text]) => / [:;?!]/.test(text)).map(([key]) => key);
    expect(broken).toEqual([]);
  });
});

describe('values put into a sentence', () => {
  it('give a name ending in s the English possessive apostrophe alone', () => {
    const english = translator({ k: '{brand}’s replies, {other}’s, {missing}’s' }, 'en.json', 'en');
    expect(english('k', { brand: 'British Airways', other: 'Tesco' })).toBe('British Airways’ replies, Tesco’s, {missing}’s');
  });

  const catalogue = { days: 'les jours de {period}, plus tôt que {brand}, de {brand}' };
  it('elide "de" and "que" in French before a value that opens with a vowel, and only there', () => {
    const french = translator(catalogue, 'fr.json', 'fr');
    expect(french('days', { period: 'octobre 2017', brand: 'Acme' })).toBe('les jours d’octobre 2017, plus tôt qu’Acme, d’Acme');
    expect(french('days', { period: 'septembre 2017', brand: 'Hulu' })).toBe('les jours de septembre 2017, plus tôt que Hulu, de Hulu');
    expect(translator(catalogue, 'es.json', 'es')('days', { period: 'octubre de 2017', brand: 'Acme' })).toBe('les jours de octubre de 2017, plus tôt que Acme, de Acme');
    // "De" opening a sentence and "lorsque" elide too; "de" inside a word, or before a value not given, stays as written.
    expect(translator({ k: 'De {a} lorsque {b}; code {c}; de {missing}' }, 'fr.json', 'fr')('k', { a: 'Ondanet', b: 'Acme', c: 'abc' })).toBe('D’Ondanet lorsqu’Acme; code abc; de {missing}');
  });
});

describe('every key the code uses, in every language', () => {
  const catalogues = Object.fromEntries(LANGUAGES.map((language) => [language, template.strings(language)])) as Record<Language, Record<string, string>>;
  const namespaces = new Set(Object.keys(catalogues.en).map((key) => key.split('.')[0] ?? ''));
  const written = writtenKeys(namespaces);
  const computed = computedKeys();
  const used = (language: Language) => new Set([...written, ...computed, ...definitionKeys(language)]);

  it('finds the keys written out and the keys computed', () => {
    expect(written.size).toBeGreaterThan(250);
    expect(written).toContain('section.summary');
    expect(written).toContain('kpi.flagNoBrandPosts');
    expect(computed).toEqual(expect.arrayContaining(['label.responseRate', 'label.withinSla', 'label.cannedShare', 'advice.title.slow', 'scorecard.reason.too-few-replies', 'bucket.24h+', 'chart.trend.empty', 'chart.sentiment.group.negative']));
  });

  it('builds keys from templates only where a registry above lists them', () => {
    const shapes = keyShapes();
    expect(shapes.length).toBeGreaterThan(10);
    const pattern = (shape: string) => new RegExp(`^${shape.replace(/[.+]/g, '\\$&').replaceAll('*', '.+')}$`);
    const all = [...computed, ...definitionKeys('es')];
    expect(shapes.filter(({ shape }) => !all.some((key) => pattern(shape).test(key)))).toEqual([]);
  });

  it.each(LANGUAGES)('%s has every key the code uses, computed keys included', (language) => {
    expect([...used(language)].filter((key) => !(key in catalogues[language])).sort()).toEqual([]);
  });

  it.each(LANGUAGES)('%s has no key the code does not use (one label per metric, no stale copies)', (language) => {
    const mine = used(language);
    expect(Object.keys(catalogues[language]).filter((key) => !mine.has(key)).sort()).toEqual([]);
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
    ['fr', ['1er octobre 2017', '1er oct. 2017, 00:30', 'octobre 2017', 'sept. 17', '5 sept. 2017, 09:04']],
  ] as const)('%s: day, date-time, month and short month in the report timezone, September shortened as CLDR does, the first of a month "1er" in French', (language, expected) => {
    const format = formatter(language);
    expect([format.date(lateUtc), format.dateTime(lateUtc), format.monthYear(lateUtc), format.shortMonth('2017-09'), format.dateTime(september)]).toEqual(expected);
  });

  it('names weekdays Monday first, capitalised', () => {
    expect(formatter('en').weekdays()).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(formatter('es').weekdays()).toEqual(['Lun', 'Mar', 'Mié', 'Jue', 'Vie', 'Sáb', 'Dom']);
    expect(formatter('fr').weekdays()).toEqual(['Lun.', 'Mar.', 'Mer.', 'Jeu.', 'Ven.', 'Sam.', 'Dim.']);
  });

  it('names the timezone as a reader knows it, with its id, and UTC and fixed offsets plainly', () => {
    const zone = (language: Language, timezone: string) => new Formatter(language, translator(template.strings(language), language), timezone).timezoneName();
    expect(zone('en', 'Europe/Madrid')).toBe('Central European Time (Europe/Madrid)');
    expect(zone('es', 'Europe/Madrid')).toBe('hora de Europa central (Europe/Madrid)');
    expect(zone('fr', 'Europe/Madrid')).toBe('heure d’Europe centrale (Europe/Madrid)');
    expect(zone('es', 'UTC')).toBe('UTC');
    expect(zone('fr', 'Etc/UTC')).toBe('UTC');
    // Etc/GMT+3 is three hours behind UTC: its id's sign is reversed, so the offset is shown.
    expect(zone('en', 'Etc/GMT+3')).toBe('GMT-03:00');
    // CLDR's French for London is a pattern ("heure : Royaume-Uni"), not a name: the place it holds names the zone.
    expect(zone('fr', 'Europe/London')).toBe('Royaume-Uni (Europe/London)');
    expect(zone('fr', 'Europe/Dublin')).toBe('Irlande (Europe/Dublin)');
  });

  it('writes counts and points as each language does: Spanish leaves four digits whole, French puts one point below 2 in the singular', () => {
    const [en, es, fr] = [formatter('en'), formatter('es'), formatter('fr')];
    expect([en, es, fr].map((format) => [format.count(2874), format.count(37213)])).toEqual([
      ['2,874', '37,213'],
      ['2874', '37.213'],
      ['2\u202f874', '37\u202f213'],
    ]);
    // In a column beside a count of five digits, Spanish groups four too (the RAE's rule for columns); alone, it does not.
    expect(es.columnCounts([8380, 15682, 54, null])).toEqual(['8.380', '15.682', '54', '—']);
    expect(es.columnCounts([8380, 9999])).toEqual(['8380', '9999']);
    expect(fr.columnCounts([8380, 15682])).toEqual(['8\u202f380', '15\u202f682']);
    const points = [-0.1, 1, 1.5, 1.96, -2, 17.04];
    expect(points.map((change) => fr.points(change))).toEqual(['-0,1\u00a0pt', '+1,0\u00a0pt', '+1,5\u00a0pt', '+2,0\u00a0pts', '-2,0\u00a0pts', '+17,0\u00a0pts']);
    expect(points.map((change) => en.points(change))).toEqual(['-0.1\u00a0pts', '+1.0\u00a0pts', '+1.5\u00a0pts', '+2.0\u00a0pts', '-2.0\u00a0pts', '+17.0\u00a0pts']);
    expect([fr.pointsUnsigned(1), fr.pointsUnsigned(2), en.pointsUnsigned(1), en.pointsUnsigned(2)]).toEqual(['1\u00a0pt', '2\u00a0pts', '1\u00a0pt', '2\u00a0pts']);
  });

  it('calls a period a month only when it covers a whole local month', () => {
    expect(formatter('es').periodLabel('2017-08-31T22:00:00Z', '2017-09-30T22:00:00Z')).toBe('Septiembre de 2017');
    expect(formatter('en').periodLabel('2017-09-01T00:00:00Z', '2017-10-01T00:00:00Z')).toBe('1 September 2017 – 1 October 2017');
  });
});

describe('one language list', () => {
  const config = (language: string) => parseConfig({ client: 'acme', brands: [{ id: 'acme', accounts: { twitter: ['acme'] } }], report: { language } }, 'cfg.yaml', '/tmp');

  it('is the config’s report.language, the CLI’s --lang and the starter config’s comment', () => {
    for (const language of LANGUAGES) expect(config(language).report.language).toBe(language);
    expect(() => config('de')).toThrow(/report\.language/);
    for (const register of [registerReport, registerDemo]) expect(register(new Command()).helpInformation()).toContain(LANGUAGES.join('|'));
    expect(STARTER_CONFIG).toContain(`# ${LANGUAGE_LIST}\n`);
  });

  it.each(LANGUAGES)('%s: chart axes write numbers as the text does (Intl)', (language) => {
    const format = new Formatter(language, translator(template.strings(language), language), 'UTC');
    const locale = chartNumberLocale(language);
    expect(format.percent(0.5)).toBe(`50${locale.percent}`);
    expect(format.decimal(1.5)).toBe(`1${locale.decimal}5`);
    expect(format.count(1234567)).toBe(['1', '234', '567'].join(locale.thousands));
  });

  it('groups a chart\'s thousands as the text does: a Spanish chart whose numbers stay under five digits groups none', () => {
    const thousands = (language: Language, largest: number) => chartNumberLocale(language, largest).thousands;
    // 2,874 and its axis's round top (under 10,000) are written whole in Spanish; 9,000 reaches an axis to 10,000.
    expect([thousands('es', 2874), thousands('es', 9000), thousands('es', 37213)]).toEqual(['', '.', '.']);
    expect([thousands('en', 2874), thousands('fr', 2874)]).toEqual([',', '\u202f']);
    expect(largestNumber({ trend: [{ inbound: 2874, rate: 0.5 }, { inbound: -3100, label: 'x' }], notRows: 'x' })).toBe(3100);
  });
});
