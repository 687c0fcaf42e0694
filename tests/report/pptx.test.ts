import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAnalysis } from '../../src/analysis/analysis.js';
import type { Config } from '../../src/config/types.js';
import type { MetricsReport } from '../../src/metrics/types.js';
import type { ImprovementItem } from '../../src/report/advice/types.js';
import { LANGUAGES, type Language } from '../../src/report/i18n/language.js';
import { writeReport, type WrittenReport } from '../../src/report/index.js';
import { translator } from '../../src/report/i18n/strings.js';
import { buildReportModel } from '../../src/report/model/buildModel.js';
import { buildDeck } from '../../src/report/pptx/buildDeck.js';
import { CONTENT_W, titleSize } from '../../src/report/pptx/deck.js';
import { labelPosition } from '../../src/report/pptx/nativeChart.js';
import { ReportTemplate } from '../../src/report/template.js';
import type { Store } from '../../src/store/database.js';
import { TONE_COLOURS } from '../../src/report/charts/palette.js';
import { fixtureConfig, METRICS_FIXTURE_PLAN, metricsFixtureConfig, metricsFixtureStore } from './fixtureStore.js';
import { fixtureMetrics } from './helpers.js';
import { withAudience } from './audienceFixture.js';
import { png } from '../png.js';

const out = mkdtempSync(join(tmpdir(), 'replybench-pptx-'));
const HOSTILE_TEXT = "=cmd|' /C calc'!A0 <script>alert('x')</script> & \u0007bell\u0000 \u202eevil";
const strings = { en: ReportTemplate.open(undefined).strings('en'), es: ReportTemplate.open(undefined).strings('es') };
const written: Partial<Record<Language, WrittenReport>> = {};
let store: Store;

beforeAll(async () => {
  store = await metricsFixtureStore();
  const config = metricsFixtureConfig();
  // The French deck's client keeps business hours on weekdays 09:00-18:00 and Saturdays 10:00-14:00.
  const shifts = [...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMin: 540, endMin: 1080 })), { weekday: 6, startMin: 600, endMin: 840 }];
  const withHours = { ...config, brands: config.brands.map((brand) => (brand.id === 'acme' ? { ...brand, businessHours: { holidays: [], shifts } } : brand)) };
  await withAnalysis(store, config, '2017-10', async (analysis) => {
    for (const lang of ['en', 'es', 'fr'] as const) {
      written[lang] = await writeReport({ config: lang === 'fr' ? withHours : config, analysis, outDir: join(out, lang), lang, formats: ['pptx'], generatedAt: new Date('2017-11-03T10:00:00Z') });
    }
  });
}, 120_000);

afterAll(() => store?.close());

function report(lang: Language): WrittenReport & { pptx: string } {
  const value = written[lang];
  if (!value?.pptx) throw new Error(`no ${lang} deck`);
  return { ...value, pptx: value.pptx };
}

/** Every XML part of an Office file, by its path in the zip. */
async function parts(path: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const result = new Map<string, string>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir && /\.(xml|rels)$/.test(name)) result.set(name, await file.async('string'));
  return result;
}

function numbered(files: Map<string, string>, folder: string): string[] {
  const pattern = new RegExp(`^${folder}/[a-z]+(\\d+)\\.xml$`);
  return [...files.keys()]
    .filter((name) => pattern.test(name))
    .sort((a, b) => Number(pattern.exec(a)?.[1]) - Number(pattern.exec(b)?.[1]))
    .map((name) => files.get(name) ?? '');
}

function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function texts(xml: string): string[] {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((match) => decode(match[1] ?? ''));
}

/** The text of the slide's title placeholder. */
function slideTitle(xml: string): string {
  const shape = xml.split('<p:sp>').find((part) => /<p:ph\b[^>]*\btype="title"/.test(part));
  return shape ? texts(shape.split('</p:sp>')[0] ?? '').join('') : '';
}

interface ChartSeries {
  name: string;
  labels: string[];
  values: Array<number | null>;
}

/** Series of a chart part: name, category labels and cached values (an empty value is a gap). */
function chartSeries(xml: string): ChartSeries[] {
  return [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((match) => {
    const body = match[1] ?? '';
    const points = (tag: string) => [...(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(body)?.[1] ?? '').matchAll(/<c:pt idx="\d+">\s*<c:v>([^<]*)<\/c:v>/g)].map((point) => point[1] ?? '');
    return {
      name: decode(/<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(body)?.[1] ?? ''),
      labels: points('c:cat').map(decode),
      values: points('c:val').map((value) => (value === '' ? null : Number(value))),
    };
  });
}

function chartWith(files: Map<string, string>, seriesName: string): ChartSeries[] {
  const chart = numbered(files, 'ppt/charts').map(chartSeries).find((series) => series.some((entry) => entry.name === seriesName));
  if (!chart) throw new Error(`no chart with a series "${seriesName}"`);
  return chart;
}

function seriesNamed(series: ChartSeries[], name: string): ChartSeries {
  const found = series.find((entry) => entry.name === name);
  if (!found) throw new Error(`no series "${name}"`);
  return found;
}

function metricsOf(lang: Language): MetricsReport {
  return JSON.parse(readFileSync(report(lang).json, 'utf8')) as MetricsReport;
}

const BRAND_NAMES: Record<string, string> = { acme: 'Acme Telecom', rivalco: 'RivalCo', swiftnet: 'SwiftNet', megafon: 'MegaFon Ibérica', canntel: 'CannTel' };
const BUCKET_LABELS: Record<string, string> = { '0-1h': 'bucket.0-1h', '1-4h': 'bucket.1-4h', '4-8h': 'bucket.4-8h', '8-24h': 'bucket.8-24h', '24h+': 'bucket.24h+', unanswered: 'bucket.unanswered' };

/** A brand's name as a chart writes it, without the marks that follow it ("CannTel †"). */
function unmarked(name: string): string {
  return name.replace(/( [†‡§¶‖°≥])+$/, '');
}

/** October's plan of a brand, counted by hand: mentions, replies, broadcasts and answers by waiting time (7-day window). */
function handCounted(name: string): { inbound: number; replies: number; broadcasts: number; buckets: Record<string, number> } {
  const id = Object.entries(BRAND_NAMES).find(([, brand]) => brand === name)?.[0] ?? '';
  const plan = METRICS_FIXTURE_PLAN['2017-10']?.[id];
  if (!plan) throw new Error(`no plan for ${name}`);
  const buckets: Record<string, number> = { '0-1h': 0, '1-4h': 0, '4-8h': 0, '8-24h': 0, '24h+': 0, unanswered: plan.inbound - plan.answers.length };
  for (const minutes of plan.answers) {
    const key = minutes <= 60 ? '0-1h' : minutes <= 240 ? '1-4h' : minutes <= 480 ? '4-8h' : minutes <= 1440 ? '8-24h' : '24h+';
    buckets[key] = (buckets[key] ?? 0) + 1;
  }
  return { inbound: plan.inbound, replies: plan.answers.length, broadcasts: plan.broadcasts, buckets };
}

/** The deck's sections for the fixture, in the template's order (the fixture has no sentiment or follower counts). */
const SECTION_ORDER: Array<[string, string]> = [
  ['summary', 'section.summary'],
  ['leaderboard', 'section.leaderboard'],
  ['scorecard', 'section.scorecard'],
  ['response-rate', 'section.responseRate'],
  ['response-time', 'section.responseTime'],
  ['trend', 'section.trend'],
  ['hour-of-week', 'section.hourOfWeek'],
  ['reply-broadcast', 'section.replyBroadcast'],
  ['share-of-voice', 'section.shareOfVoice'],
  ['examples', 'section.examples'],
  ['methodology', 'section.methodology'],
  ['coverage', 'methodology.coverage'],
  ['definitions', 'methodology.definitions'],
];
const EXPECTED_SECTIONS = SECTION_ORDER.map(([section]) => section);

describe('report.pptx', () => {
  it('is written beside metrics.json, and nothing else is when only pptx is asked for', () => {
    const en = report('en');
    expect(en.pptx).toBe(join(out, 'en', 'report.pptx'));
    expect(en.pdf).toBeNull();
    expect(en.xlsx).toBeNull();
    expect(en.charts).toEqual([]);
    expect(readFileSync(en.pptx).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('follows the template\'s sections, as the PDF does, each slide titled in the report language', async () => {
    for (const lang of ['en', 'es'] as const) {
      const s = strings[lang];
      const slides = numbered(await parts(report(lang).pptx), 'ppt/slides');
      const titles = slides.map(slideTitle);
      const sectionOf = (title: string) => SECTION_ORDER.find(([, key]) => title === s[key] || title.startsWith(`${s[key]}:`) || title.startsWith(`${s[key]} (`))?.[0] ?? title;
      const sections = [...new Set(titles.map(sectionOf))];
      expect([lang, sections]).toEqual([lang, [s['report.title'], ...EXPECTED_SECTIONS]]);
      const all = slides.flatMap(texts).join('\n');
      for (const name of Object.values(BRAND_NAMES)) expect(all).toContain(name);
      expect(all).not.toMatch(/NaN|undefined|Infinity/);
    }
  });

  it('puts the warnings after the settings, never on them (they grow with each brand’s business hours): under the coverage table when a few lines fit there, on a slide of their own otherwise', async () => {
    for (const lang of ['en', 'es'] as const) {
      const s = strings[lang];
      const slides = numbered(await parts(report(lang).pptx), 'ppt/slides');
      const at = slides.findIndex((xml) => slideTitle(xml) === s['section.methodology']);
      const settings = texts(slides[at] ?? '').join('\n');
      expect(settings).toContain(s['methodology.settings']);
      expect(settings).not.toContain(s['methodology.warnings']);
    }
    const template = ReportTemplate.open(undefined);
    const t = translator(template.strings('en'), 'en');
    const { model } = await buildReportModel({ metrics: fixtureMetrics(), config: fixtureConfig(), facts: null, template, language: 'en' });
    expect(model.coverage.length).toBeGreaterThan(0);
    const deckWith = async (warnings: string[]) => {
      const path = join(out, `warnings-${warnings.length}.pptx`);
      writeFileSync(path, await buildDeck({ model: { ...model, warnings, absent: [] }, t }));
      return numbered(await parts(path), 'ppt/slides');
    };
    const few = await deckWith(['Only one warning.']);
    const coverage = few.find((xml) => slideTitle(xml) === 'Coverage of the data') ?? '';
    expect(texts(coverage)).toEqual(expect.arrayContaining(['Warnings', 'Only one warning.']));
    expect(few.some((xml) => slideTitle(xml) === 'Methodology and data quality: Warnings')).toBe(false);
    const many = await deckWith(Array.from({ length: 6 }, (_, index) => `Warning ${index + 1}.`));
    const own = many.findIndex((xml) => slideTitle(xml) === 'Methodology and data quality: Warnings');
    expect(texts(many[own] ?? '')).toEqual(expect.arrayContaining(['Warning 1.', 'Warning 6.']));
    expect(texts(many.find((xml) => slideTitle(xml) === 'Coverage of the data') ?? '')).not.toContain('Warning 1.');
  });

  it('lists the files imported, as the PDF does: under the data quality when they fit there, on a slide of their own otherwise', async () => {
    const slides = numbered(await parts(report('en').pptx), 'ppt/slides');
    // The fixture's store holds no import record: the slide says so, as the PDF does.
    const settings = texts(slides.find((xml) => slideTitle(xml) === 'Methodology and data quality') ?? '');
    expect(settings).toContain('No import records were available for this report.');
    const template = ReportTemplate.open(undefined);
    const t = translator(template.strings('en'), 'en');
    const { model } = await buildReportModel({ metrics: fixtureMetrics(), config: fixtureConfig(), facts: null, template, language: 'en' });
    // The data quality of a store with import records: eight rows, as the files' counts add four.
    const dataQuality = Array.from({ length: 8 }, (_, index) => ({ label: `Quality ${index + 1}`, value: '0' }));
    const deckWith = async (count: number) => {
      const importedFiles = Array.from({ length: count }, (_, index) => ({ file: `export-${index + 1}.csv`, format: 'Talkwalker', rowsRead: '10', imported: '8', duplicates: '1', rejected: '1' }));
      const path = join(out, `files-${count}.pptx`);
      writeFileSync(path, await buildDeck({ model: { ...model, dataQuality, importedFiles, importedFilesMore: null }, t }));
      return numbered(await parts(path), 'ppt/slides');
    };
    const few = await deckWith(3);
    expect(texts(few.find((xml) => slideTitle(xml) === 'Methodology and data quality') ?? '')).toEqual(expect.arrayContaining(['Files imported', 'File', 'Format', 'Rows read', 'Imported', 'Duplicates', 'Rejected', 'export-1.csv', 'export-3.csv']));
    expect(few.some((xml) => slideTitle(xml) === 'Methodology and data quality: Files imported')).toBe(false);
    // Twelve, the most the model lists, do not fit under them.
    const many = await deckWith(12);
    expect(texts(many.find((xml) => slideTitle(xml) === 'Methodology and data quality: Files imported') ?? '')).toEqual(expect.arrayContaining(['export-1.csv', 'export-12.csv']));
    expect(texts(many.find((xml) => slideTitle(xml) === 'Methodology and data quality') ?? '')).not.toContain('export-1.csv');
  });

  it('writes a brand’s business hours on the settings slide one group of days per line, never broken inside a time range', async () => {
    const slides = numbered(await parts(report('fr').pptx), 'ppt/slides');
    const settings = slides.find((xml) => slideTitle(xml) === ReportTemplate.open(undefined).strings('fr')['section.methodology']) ?? '';
    const words = texts(settings);
    expect(words).toContain('Lun.–Ven. 09:00–18:00');
    expect(words).toContain('Sam. 10:00–14:00');
  });

  it('sets no text under 8 pt on a slide or in a chart', async () => {
    for (const lang of ['en', 'es', 'fr'] as const) {
      const files = await parts(report(lang).pptx);
      const xml = [...numbered(files, 'ppt/slides'), ...numbered(files, 'ppt/charts')].join('');
      const sizes = [...xml.matchAll(/\bsz="(\d+)"/g)].map((match) => Number(match[1]));
      expect(sizes.length).toBeGreaterThan(100);
      expect([lang, sizes.filter((size) => size < 800)]).toEqual([lang, []]);
    }
  });

  it('sizes every section title so that it stays on the one line of its title box, in every language', () => {
    // 49 characters of bold 26 pt take 8.8 inches (the English hour-of-week title, measured on the slide): 0.0069 inch per character and point.
    const width = (title: string) => title.length * titleSize(title) * (8.8 / (49 * 26));
    for (const lang of LANGUAGES) {
      const catalogue = ReportTemplate.open(undefined).strings(lang);
      const titles = Object.entries(catalogue).filter(([key]) => key.startsWith('section.')).map(([, title]) => title);
      const warnings = catalogue['deck.sectionPart']?.replace('{section}', catalogue['section.methodology'] ?? '').replace('{title}', catalogue['methodology.warnings'] ?? '') ?? '';
      expect([lang, [...titles, warnings].filter((title) => width(title) > CONTENT_W)]).toEqual([lang, []]);
    }
    expect(titleSize('Quand les gens écrivent, et à quelle vitesse ils obtiennent une réponse')).toBeLessThan(26);
  });

  it('writes a long title at its smaller size on the slide itself, not the title box’s 26 pt', async () => {
    const title = ReportTemplate.open(undefined).strings('fr')['section.hourOfWeek'] ?? '?';
    const slide = numbered(await parts(report('fr').pptx), 'ppt/slides').find((xml) => slideTitle(xml) === title) ?? '';
    const shape = slide.split('<p:sp>').find((part) => /<p:ph\b[^>]*\btype="title"/.test(part)) ?? '';
    expect([...shape.matchAll(/<a:rPr[^>]*\bsz="(\d+)"/g)].map((match) => Number(match[1]))).toEqual([titleSize(title) * 100]);
    expect(titleSize(title)).toBeLessThan(26);
  });

  it('captions its native charts with what they draw: no count after the dot, which only the PDF charts have; the trend’s grey bars, which both draw', async () => {
    for (const lang of ['en', 'es'] as const) {
      const all = numbered(await parts(report(lang).pptx), 'ppt/slides').flatMap(texts).join('\n');
      const s = strings[lang];
      expect([lang, all.includes(s['chart.shareOfVoice.deckCaption'] ?? '?')]).toEqual([lang, true]);
      expect([lang, all.includes(s['chart.shareOfVoice.caption'] ?? '?')]).toEqual([lang, false]);
      expect([lang, all.includes((s['chart.trend.caption'] ?? '?').replace('{client}', 'Acme Telecom'))]).toEqual([lang, true]);
    }
  });

  it('sets every headline figure of the summary, and every rank, at the same height, whether a label or a change above it takes one line or two', async () => {
    const slide = numbered(await parts(report('es').pptx), 'ppt/slides').find((xml) => slideTitle(xml) === strings.es['section.summary']) ?? '';
    // The figures are the 26 pt runs; each sits in a box of its own, under its label's box.
    const figures = slide.split('<p:sp>').filter((shape) => shape.includes('sz="2600"') && !/<p:ph\b[^>]*type="title"/.test(shape));
    expect(figures).toHaveLength(6);
    expect(new Set(figures.map((shape) => /<a:off x="\d+" y="(\d+)"/.exec(shape)?.[1]))).toHaveProperty('size', 1);
    expect(figures.some((shape) => shape.includes(strings.es['label.responseTimeMedianMin'] ?? '?'))).toBe(false);
    // So are the ranks under them, whether the change above wraps or not.
    const rank = (strings.es['kpi.rank'] ?? '?').split('{')[0] ?? '?';
    const ranks = slide.split('<p:sp>').filter((shape) => shape.includes(`<a:t>${rank}`));
    expect(ranks.length).toBeGreaterThan(3);
    // Each in a band of its own: in the figure's or the change's box, a change that wraps would push it down.
    expect(ranks.filter((shape) => shape.includes('sz="2600"') || shape.includes(strings.es['kpi.change']?.replace('{change}', '').split('{')[0] ?? '?'))).toEqual([]);
    expect(new Set(ranks.map((shape) => /<a:off x="\d+" y="(\d+)"/.exec(shape)?.[1]))).toHaveProperty('size', 1);
  });

  it('names each chart of a section of several in its slide title, so two slides of one section never share a heading', async () => {
    const titles = numbered(await parts(report('en').pptx), 'ppt/slides').map(slideTitle);
    const s = strings.en;
    const part = (title: string) => (s['deck.sectionPart'] ?? '?').replace('{section}', s['section.responseTime'] ?? '?').replace('{title}', title);
    expect(titles.filter((title) => title.startsWith(s['section.responseTime'] ?? '?'))).toEqual([part(s['chart.buckets.title'] ?? '?'), part(s['chart.cumulative.title'] ?? '?')]);
    expect(titles).toContain(s['section.responseRate']);
    // Spanish writes lower case after the colon.
    const es = numbered(await parts(report('es').pptx), 'ppt/slides').map(slideTitle);
    const buckets = strings.es['chart.buckets.title'] ?? '?';
    expect(es).toContain(`${strings.es['section.responseTime']}: ${buckets.charAt(0).toLowerCase()}${buckets.slice(1)}`);
  });

  it('writes the hour-of-week response times with their unit and the language\'s decimal mark', async () => {
    for (const [lang, decimal] of [['en', /^\d+\.\d\sh$/], ['es', /^\d+,\d\sh$/]] as const) {
      const all = numbered(await parts(report(lang).pptx), 'ppt/slides').flatMap(texts);
      expect([lang, all.some((text) => decimal.test(text))]).toEqual([lang, true]);
      expect([lang, all.filter((text) => /^\d+\.\d$/.test(text))]).toEqual([lang, []]);
    }
  });

  it('leaves no English text of the deck in the Spanish one', async () => {
    const es = numbered(await parts(report('es').pptx), 'ppt/slides').flatMap(texts).join('\n');
    const english = Object.entries(strings.en)
      .filter(([key, value]) => /^(deck|section|summary|leaderboard|scorecard|methodology|setting|quality|chart|examples|coverage)\./.test(key) && strings.es[key] !== value && !/\{/.test(value) && value.length > 6)
      // A word Spanish borrows ("Influencers") is no leftover.
      .filter(([, value]) => !Object.values(strings.es).some((text) => text.includes(value)))
      .map(([, value]) => value);
    expect(english.length).toBeGreaterThan(20);
    expect(english.filter((text) => es.includes(text))).toEqual([]);
    expect(es).toContain(strings.es['section.scorecard']);
  });

  it('tags every text run of the Spanish deck, in text boxes and table cells, as Spanish, so PowerPoint spell-checks it as such', async () => {
    const slides = numbered(await parts(report('es').pptx), 'ppt/slides');
    const runs = slides.flatMap((xml) => xml.match(/<a:rPr lang="[^"]*"/g) ?? []);
    expect(runs.length).toBeGreaterThan(100);
    expect([...new Set(runs)]).toEqual(['<a:rPr lang="es-ES"']);
  });

  it('draws the charts as native PowerPoint charts whose data are the fixture\'s hand-counted numbers', async () => {
    const files = await parts(report('en').pptx);
    const s = strings.en;
    // Every chart slide holds chart parts, not pictures.
    const slides = numbered(files, 'ppt/slides');
    expect(slides.filter((xml) => xml.includes('<c:chart ')).some((xml) => xml.includes('<p:pic>'))).toBe(false);

    const rate = chartWith(files, s['label.responseRate'] ?? '');
    const bars = seriesNamed(rate, s['label.responseRate'] ?? '');
    // By rate: RivalCo 64/80, Acme 30/50, CannTel 5/10, SwiftNet 12/40, MegaFon 9/60. CannTel's rate rests on 10 mentions: its
    // name carries the leaderboard's mark, which the chart's one number format cannot.
    expect(bars.labels).toEqual(['RivalCo', 'Acme Telecom', 'CannTel †', 'SwiftNet', 'MegaFon Ibérica']);
    expect(bars.values).toEqual([0.8, 0.6, 0.5, 0.3, 0.15]);
    const low = seriesNamed(rate, s['deck.intervalLow'] ?? '').values;
    const high = seriesNamed(rate, s['deck.intervalHigh'] ?? '').values;
    bars.values.forEach((value, index) => {
      expect([low[index] ?? 1, value ?? 0, high[index] ?? 0].sort((a, b) => a - b)).toEqual([low[index], value, high[index]]);
    });
    // Where a small sample's lower dash sits near the foot (1 of 4: 25%, its dash at 5%), the figure goes mid-bar or higher.
    expect(labelPosition([0.25, 0.9], [0.05, 0.8], [0.7, 0.97])).not.toBe('inBase');
    expect(labelPosition([0.83, 0.76], [0.44, 0.53], [0.97, 0.91])).toBe('inBase');
    // Each bar's figure sits at its foot, clear of the interval's dashes (mid-bar, a lower dash near half the rate covered it).
    const rateXml = numbered(files, 'ppt/charts').find((xml) => chartSeries(xml).some((series) => series.name === s['deck.intervalLow'])) ?? '';
    expect(/<c:barChart>[\s\S]*?<c:dLblPos val="([a-zA-Z]+)"\/>/.exec(rateXml)?.[1]).toBe('inBase');

    const buckets = chartWith(files, s['bucket.unanswered'] ?? '');
    for (const [key, label] of Object.entries(BUCKET_LABELS)) {
      const series = seriesNamed(buckets, s[label] ?? '');
      // Shares of the brand's mentions, as the PDF draws them.
      expect([key, series.labels.map((name, index) => [name, series.values[index]])]).toEqual([
        key,
        series.labels.map((name) => [name, (handCounted(unmarked(name)).buckets[key] ?? 0) / handCounted(unmarked(name)).inbound]),
      ]);
    }
    // Each brand named with the response rate's marks: CannTel's 10 mentions are fewer than 30.
    expect(new Set(seriesNamed(buckets, s['bucket.unanswered'] ?? '').labels)).toEqual(new Set(Object.values(BRAND_NAMES).map((name) => (name === 'CannTel' ? 'CannTel †' : name))));
    // Each part carries its share, as in the PDF, but for parts under 8%, which a number format's condition leaves blank.
    const bucketsXml = numbered(files, 'ppt/charts').find((xml) => chartSeries(xml).some((series) => series.name === s['bucket.unanswered'])) ?? '';
    expect(bucketsXml).toContain('<c:showVal val="1"/>');
    expect(bucketsXml).toContain('formatCode="[&lt;0.08]&quot;&quot;;0%"');

    const voice = seriesNamed(chartWith(files, s['label.shareOfVoice'] ?? ''), s['label.shareOfVoice'] ?? '');
    // The leaderboard's marks follow a brand's name (CannTel's data covers part of the month: ‖).
    expect(voice.labels).toContain('CannTel ‖');
    expect(voice.values).toEqual(voice.labels.map((label) => handCounted(label.replace(/ ‖$/, '')).inbound / 240));

    const monthly = numbered(files, 'ppt/charts').flatMap(chartSeries).filter((series) => series.labels.length === 13);
    const trend = monthly.find((series) => series.name === 'Acme Telecom' && series.values.every((value) => value !== null && value <= 1));
    // Eleven months of 2 answers to 3 mentions, then September 26 of 40 and October 30 of 50.
    expect(trend?.values).toEqual([...Array.from({ length: 11 }, () => 2 / 3), 26 / 40, 30 / 50]);
    // Behind the rate lines, as in the PDF: grey bars of the client's mentions, on an axis of their own at the right.
    const volumeName = s['chart.trend.volumeSeries']?.replace('{client}', 'Acme Telecom') ?? '?';
    const trendChart = numbered(files, 'ppt/charts').find((xml) => chartSeries(xml).some((series) => series.name === volumeName)) ?? '';
    const received = seriesNamed(chartSeries(trendChart), volumeName);
    expect(received.values).toEqual([...Array.from({ length: 11 }, () => 3), 40, 50]);
    expect(trendChart.indexOf('<c:barChart>')).toBeLessThan(trendChart.indexOf('<c:lineChart>'));
    expect(trendChart.match(/<c:valAx>/g)).toHaveLength(2);
    expect(trendChart).toContain('<c:crosses val="max"/>');
    // The trend's hours axis reads 0.1, 1, 10 as PowerPoint steps it, not 10.0, 1.0, in powers of ten (every fixture median is above 0).
    const hoursChart = numbered(files, 'ppt/charts').find((xml) => xml.includes('<c:lineChart>') && xml.includes(`<a:t>${s['chart.trend.timeAxisLog']}</a:t>`)) ?? '';
    expect(hoursChart.match(/<c:valAx>[\s\S]*?<c:numFmt formatCode="([^"]*)"/)?.[1]).toBe('General');
    expect(hoursChart).toContain('<c:logBase val="10"/>');
    // The axis starts at the power of ten strictly below the fastest median, so no line lies on it.
    const fastest = Math.min(...chartSeries(hoursChart).flatMap((series) => series.values).filter((value): value is number => value !== null && value > 0));
    const start = Number(/<c:min val="([^"]+)"\/>/.exec(hoursChart)?.[1]);
    expect([start < fastest, start * 10 >= fastest, Number.isInteger(Math.log10(start))]).toEqual([true, true, true]);

    // Each brand's own posts as shares, so that each part carries its figure (as the PDF's bars do), not a count.
    const posts = chartWith(files, s['chart.replyBroadcast.replies'] ?? '');
    const ownPosts = (name: string) => handCounted(name).replies + handCounted(name).broadcasts;
    const replies = seriesNamed(posts, s['chart.replyBroadcast.replies'] ?? '');
    expect(replies.values).toEqual(replies.labels.map((name) => handCounted(name).replies / ownPosts(name)));
    const broadcasts = seriesNamed(posts, s['chart.replyBroadcast.broadcasts'] ?? '');
    expect(broadcasts.values).toEqual(broadcasts.labels.map((name) => handCounted(name).broadcasts / ownPosts(name)));
    const postsChart = numbered(files, 'ppt/charts').find((xml) => chartSeries(xml).some((series) => series.name === s['chart.replyBroadcast.broadcasts'])) ?? '';
    // Each series carries its labels (within its own <c:ser>).
    const seriesLabelled = [...postsChart.matchAll(/<c:ser>[\s\S]*?<\/c:ser>/g)].map((match) => /<c:dLbls>[\s\S]*?<c:showVal val="1"\/>/.test(match[0]));
    expect(seriesLabelled).toEqual([true, true]);
    // PowerPoint writes every label of a chart in one colour: it must read on each series' fill (contrast 4.5 or more).
    const luminance = (hex: string) => {
      const [r, g, b] = [0, 2, 4].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
    };
    const contrast = (a: string, b: string) => (Math.max(luminance(a), luminance(b)) + 0.05) / (Math.min(luminance(a), luminance(b)) + 0.05);
    const label = /<c:dLbls>[\s\S]*?<a:srgbClr val="([0-9A-Fa-f]{6})"/.exec(postsChart)?.[1] ?? '';
    const fills = [...postsChart.matchAll(/<c:ser>[\s\S]*?<c:spPr>[\s\S]*?<a:srgbClr val="([0-9A-Fa-f]{6})"/g)].map((match) => match[1] ?? '');
    expect(fills).toHaveLength(2);
    for (const fill of fills) expect(contrast(label, fill)).toBeGreaterThanOrEqual(4.5);
  });

  it('prints the marks of a summary tile\'s flags in the tile and each flag\'s words once under the findings', async () => {
    const template = ReportTemplate.open(undefined);
    const t = translator(template.strings('en'), 'en');
    const { model } = await buildReportModel({ metrics: fixtureMetrics(), config: fixtureConfig(), facts: null, template, language: 'en' });
    const partial = '‖ The data covers part of the period only';
    const range = 'Range: responses missing from the data';
    const times = '† Fewer than 30 answered mentions';
    const kpis = model.kpis.map((kpi, index) => ({ ...kpi, flags: index === 0 ? ['† Fewer than 30 mentions needing an answer', partial] : index === 2 ? [range] : index > 2 ? [partial] : [] }));
    const path = join(out, 'tile-flags.pptx');
    writeFileSync(path, await buildDeck({ model: { ...model, kpis }, t }));
    const slide = numbered(await parts(path), 'ppt/slides').find((xml) => slideTitle(xml) === 'Executive summary') ?? '';
    const words = texts(slide);
    // The marks in the tiles; the words of each marked flag once, in one line under the findings; a flag without a mark whole in its tile.
    expect(words.filter((text) => text === '† ‖')).toHaveLength(1);
    expect(words.filter((text) => text === '‖')).toHaveLength(3);
    expect(words.filter((text) => text.includes(partial))).toEqual(['† Fewer than 30 mentions needing an answer · ‖ The data covers part of the period only']);
    expect(words.filter((text) => text === range)).toHaveLength(1);

    // One mark for two things (fewer than 30 mentions under a rate, fewer than 30 answered under a time): each names its tiles.
    const [first, second] = model.kpis;
    const twice = model.kpis.map((kpi, index) => ({ ...kpi, flags: index === 0 ? ['† Fewer than 30 mentions needing an answer'] : index === 1 ? [times] : [] }));
    const both = join(out, 'tile-flags-twice.pptx');
    writeFileSync(both, await buildDeck({ model: { ...model, kpis: twice }, t }));
    const legend = texts(numbered(await parts(both), 'ppt/slides').find((xml) => slideTitle(xml) === 'Executive summary') ?? '').filter((text) => text.includes(times));
    expect(legend).toEqual([`† Fewer than 30 mentions needing an answer (${first?.label}) · ${times} (${second?.label})`]);
  });

  it('puts the leaderboard\'s notes under it when they fit at a readable size, on a slide of their own after it otherwise', async () => {
    const template = ReportTemplate.open(undefined);
    const t = translator(template.strings('en'), 'en');
    const { model } = await buildReportModel({ metrics: fixtureMetrics(), config: fixtureConfig(), facts: null, template, language: 'en' });
    const deckWith = async (leaderboardNotes: string[]) => {
      const path = join(out, `leaderboard-notes-${leaderboardNotes.length}.pptx`);
      writeFileSync(path, await buildDeck({ model: { ...model, leaderboardNotes }, t }));
      return numbered(await parts(path), 'ppt/slides');
    };
    const own = 'Leaderboard: How to read it';
    const few = await deckWith(['A short note.', 'Another one.']);
    expect(texts(few.find((xml) => slideTitle(xml) === 'Leaderboard') ?? '')).toEqual(expect.arrayContaining(['A short note.', 'Another one.']));
    expect(few.some((xml) => slideTitle(xml) === own)).toBe(false);
    // Twelve notes of two lines each: 24 lines do not fit in the 1.6 in under the table at 10 pt.
    const long = Array.from({ length: 12 }, (_, index) => `Note ${index + 1}: ${'a brand and what its figure rests on '.repeat(6)}`);
    const many = await deckWith(long);
    const at = many.findIndex((xml) => slideTitle(xml) === own);
    expect(slideTitle(many[at - 1] ?? '')).toBe('Leaderboard');
    expect(texts(many[at] ?? '').join(' ')).toContain('Note 12:');
    expect(texts(many[at - 1] ?? '').join(' ')).not.toContain('Note 1:');
  });

  it('writes each rate bar\'s figure on it, as the PDF does', async () => {
    const template = ReportTemplate.open(undefined);
    const t = translator(template.strings('en'), 'en');
    const { model } = await buildReportModel({ metrics: withAudience(fixtureMetrics()), config: fixtureConfig(), facts: null, template, language: 'en' });
    const path = join(out, 'audience.pptx');
    writeFileSync(path, await buildDeck({ model, t }));
    const charts = numbered(await parts(path), 'ppt/charts');
    // The sentiment and audience slides: a rate chart (its bars labelled 0%) and a time chart (in decimal hours, which the PDF writes as durations: no labels) each.
    const plain = charts.filter((xml) => xml.includes('<c:barChart>') && xml.includes('<c:grouping val="clustered"/>') && !xml.includes('<c:lineChart>'));
    expect(plain.map((xml) => /<c:barChart>[\s\S]*?<c:showVal val="1"\/>[\s\S]*?<\/c:barChart>/.test(xml) && /<c:dLbls>[\s\S]*?formatCode="(0%)"/.exec(xml)?.[1])).toEqual(['0%', false, '0%', false]);
  });

  it('shows the scorecard as a native table whose cells carry the verdict symbol and colour', async () => {
    const slides = numbered(await parts(report('en').pptx), 'ppt/slides');
    const card = slides.find((xml) => slideTitle(xml) === strings.en['section.scorecard']) ?? '';
    expect(card).toContain('<a:tbl>');
    const cells = texts(card);
    // Acme answers 60% against a competitor median of 40% (RivalCo 80, CannTel 50, SwiftNet 30, MegaFon 15): better.
    const acme = cells.indexOf('Acme Telecom');
    expect(cells.slice(acme, acme + 5).join(' ')).toMatch(/✓\s+60%/);
    expect(cells).toContain('50 needing an answer');
    expect(card).toContain(`<a:srgbClr val="${TONE_COLOURS.better.fill.slice(1).toUpperCase()}"/>`);
  });

  it('shows the leaderboard as a native table with every brand and its formatted numbers', async () => {
    const slides = numbered(await parts(report('es').pptx), 'ppt/slides');
    const board = slides.find((xml) => slideTitle(xml) === strings.es['section.leaderboard']) ?? '';
    expect(board).toContain('<a:tbl>');
    const cells = texts(board);
    for (const name of ['RivalCo', 'Acme Telecom', 'SwiftNet', 'MegaFon Ibérica']) expect(cells).toContain(name);
    // CannTel's 10 mentions: its response rate carries the low-sample mark, its name does not.
    expect(cells).toContain('CannTel');
    expect(cells).toContain('50\u00a0% †');
    const acme = metricsOf('es').brands.find((brand) => brand.id === 'acme');
    expect(cells).toContain(`${Math.round((acme?.responseRate ?? 0) * 100)}\u00a0%`);
  });

  it('puts the agency logo on the title slide: a raster image as it is, an SVG logo drawn as a PNG by the browser', async () => {
    const svgDeck = await JSZip.loadAsync(readFileSync(report('en').pptx));
    const svgMedia = Object.values(svgDeck.files).filter((file) => !file.dir && file.name.startsWith('ppt/media/'));
    expect(svgMedia.map((file) => file.name.split('.').pop())).toEqual(['png']);
    const drawn = await svgMedia[0]?.async('nodebuffer');
    expect(drawn?.readUInt32BE(0)).toBe(0x89504e47);
    expect(drawn && drawn.readUInt32BE(16) > 0 && drawn.readUInt32BE(20) === 240).toBe(true);
    expect(texts(numbered(await parts(report('en').pptx), 'ppt/slides')[0] ?? '').join(' ')).toContain('Agencia Norte');

    const dir = mkdtempSync(join(tmpdir(), 'replybench-pptx-logo-'));
    writeFileSync(join(dir, 'logo.png'), png(40, 20));
    const base = metricsFixtureConfig();
    const config: Config = { ...base, baseDir: dir, report: { ...base.report, agency: { name: 'Agencia Norte', logo: 'logo.png' } } };
    const withLogo = await writeReport({ config, store, period: '2017-10', outDir: join(dir, 'out'), formats: ['pptx'] });
    const zip = await JSZip.loadAsync(readFileSync(withLogo.pptx ?? ''));
    const media = Object.values(zip.files)
      .filter((file) => !file.dir && file.name.startsWith('ppt/media/'))
      .map((file) => file.name);
    expect(media.length).toBe(1);
    const first = (await parts(withLogo.pptx ?? '')).get('ppt/slides/_rels/slide1.xml.rels') ?? '';
    expect(first).toContain(`../media/${media[0]?.split('/').pop()}`);
  });

  it('opens without a repair: every declared part there, one id per shape of a slide, no empty value in a chart or its workbook, no broken table in the workbook', async () => {
    for (const lang of LANGUAGES) {
      const zip = await JSZip.loadAsync(readFileSync(report(lang).pptx));
      const declared = [...((await zip.file('[Content_Types].xml')?.async('string')) ?? '').matchAll(/<Override PartName="\/([^"]+)"/g)].map((match) => match[1] ?? '');
      // pptxgenjs declares a slide master per slide; the deck has one.
      expect(declared.filter((part) => part.startsWith('ppt/slideMasters/'))).toEqual(['ppt/slideMasters/slideMaster1.xml']);
      expect(declared.filter((part) => zip.file(part) === null)).toEqual([]);
      const files = await parts(report(lang).pptx);
      numbered(files, 'ppt/slides').forEach((slide, index) => {
        const ids = [...slide.matchAll(/<p:cNvPr id="(\d+)"/g)].map((match) => match[1]);
        expect(new Set(ids).size, `slide ${index + 1}`).toBe(ids.length);
      });
      const charts = numbered(files, 'ppt/charts');
      expect(charts.length).toBeGreaterThan(3);
      for (const chart of charts) expect(chart).not.toMatch(/<c:v>\s*<\/c:v>/);
      const workbooks = Object.keys(zip.files).filter((name) => /^ppt\/embeddings\/.+\.xlsx$/.test(name));
      expect(workbooks.length).toBe(charts.length);
      for (const name of workbooks) {
        const workbook = await JSZip.loadAsync((await zip.file(name)?.async('uint8array')) ?? new Uint8Array());
        const names = Object.keys(workbook.files);
        // The chart reads the cells; the table pptxgenjs lays over them ends its range in a stray quote ("A1:D6'").
        expect(names.filter((part) => part.includes('tables')), name).toEqual([]);
        const texts = await Promise.all(names.filter((part) => /\.(xml|rels)$/.test(part)).map((part) => workbook.file(part)?.async('string')));
        expect(texts.join('\n'), name).not.toMatch(/tables\/|<v><\/v>/);
        expect(texts.join('\n'), name).toMatch(/<sheetData>/);
      }
    }
  });

  it('writes hostile brand names and mention texts as inert plain text, without the control characters XML cannot hold', async () => {
    const base = metricsFixtureConfig();
    const hostileName = `<b>Acme</b> & "Co" \u0001=HYPERLINK("x")`;
    const config: Config = { ...base, brands: base.brands.map((brand) => (brand.id === 'acme' ? { ...brand, name: hostileName } : brand)) };
    const improvements: ImprovementItem[] = [
      { rank: 1, id: 'unanswered', title: 'Answer <more> people', body: 'Body', evidence: ['Fact <1>'], examples: [{ author: 'evil\u0007', text: HOSTILE_TEXT, createdAt: '2017-10-05T10:00:00Z' }] },
    ];
    const deck = await writeReport({ config, store, period: '2017-10', outDir: join(out, 'hostile'), formats: ['pptx'], improvements });
    const files = await parts(deck.pptx ?? '');
    for (const [name, xml] of files) {
      expect([name, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202e]/.test(xml)]).toEqual([name, false]);
      expect([name, xml.includes('<script>') || xml.includes('<b>Acme')]).toEqual([name, false]);
    }
    const slides = numbered(files, 'ppt/slides');
    const advice = slides.find((xml) => slideTitle(xml) === strings.en['section.improvements']) ?? '';
    expect(texts(advice).join('\n')).toContain("=cmd|' /C calc'!A0 <script>alert('x')</script> & bell evil");
    expect(texts(advice).join('\n')).toContain('Answer <more> people');
    const rate = chartWith(files, strings.en['label.responseRate'] ?? '');
    expect(rate[0]?.labels).toContain('<b>Acme</b> & "Co" =HYPERLINK("x")');
  });
});
