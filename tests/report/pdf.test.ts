import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRIC_DEFINITIONS } from '../../src/metrics/definitions.js';
import { LANGUAGES, type Language } from '../../src/report/i18n/language.js';
import { REPORT_STEPS, ReportPrinter, writeReport, type WrittenReport } from '../../src/report/index.js';
import { ReportTemplate } from '../../src/report/template.js';
import type { Store } from '../../src/store/database.js';
import { analystWordsIn, deckWords, jsonFields, pdfWords, workbookWords } from './clientText.js';
import { fixtureConfig, fixtureStore, HOSTILE } from './fixtureStore.js';
import { foldSpaces, inkShare, pdfLines, pdfPages, pdfText, rasterPage } from './helpers.js';

const out = mkdtempSync(join(tmpdir(), 'replybench-report-'));
const written: Partial<Record<Language, WrittenReport>> = {};
let printer: ReportPrinter;
let store: Store;
const stepsTold: Partial<Record<Language, string[]>> = {};

beforeAll(async () => {
  printer = await ReportPrinter.launch();
  store = await fixtureStore();
  const config = fixtureConfig();
  for (const lang of LANGUAGES) {
    const steps: string[] = [];
    stepsTold[lang] = steps;
    written[lang] = await writeReport({
      config,
      store,
      period: '2017-10',
      outDir: join(out, lang),
      lang,
      printer,
      generatedAt: new Date('2017-11-03T10:00:00Z'),
      onStep: (step) => steps.push(step),
    });
  }
}, 120_000);

afterAll(async () => {
  await printer?.close();
  store?.close();
});

/** The elements of the page in the browser that reach past its width (none when the document is no wider). */
const WIDER_THAN_THE_PAGE = `(() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return [];
  return [...document.querySelectorAll('body *')].filter((element) => element.getBoundingClientRect().right > width + 0.5).map((element) => element.tagName.toLowerCase() + '.' + element.className);
})()`;

/** How far the client's name and its count sit from the left edge of their cell, which a 3 pt bar in the brand colour marks (CSS px). */
const CLIENT_TEXT_OFFSETS = `(() => [...document.querySelectorAll('tr.client td.brand')].flatMap((cell) => {
  const left = cell.getBoundingClientRect().left;
  const name = document.createRange();
  const first = [...cell.childNodes].find((node) => node.nodeType === Node.TEXT_NODE);
  if (first) name.selectNodeContents(first);
  const hint = cell.querySelector('.hint');
  return [first ? name.getBoundingClientRect().left - left : null, hint ? hint.getBoundingClientRect().left - left : null].filter((offset) => offset !== null);
}))()`;

function report(lang: Language): WrittenReport {
  const value = written[lang];
  if (!value?.pdf) throw new Error(`no ${lang} report`);
  return value;
}

describe('the printed report', () => {
  it('tells each of its steps once, in order, as it starts it (the progress the CLI and the page show)', () => {
    for (const lang of LANGUAGES) expect(stepsTold[lang]).toEqual([...REPORT_STEPS]);
  });

  it('writes the PDF, the standalone HTML, the metrics as CSV and JSON, and every chart as SVG', () => {
    const en = report('en');
    expect(pdfPages(en.pdf ?? '')).toBeGreaterThanOrEqual(6);
    // Its properties name the report, not the browser that printed it (this config names no agency: nobody is named).
    const properties = execFileSync('pdfinfo', ['-enc', 'UTF-8', en.pdf ?? ''], { encoding: 'utf8' });
    expect(properties).toMatch(/^Title:\s+Acme Telecom · .+ · October 2017$/m);
    expect(properties).not.toMatch(/HeadlessChrome|Skia|Mozilla/);
    expect(readFileSync(en.html, 'utf8')).toContain('<svg');
    expect(readFileSync(en.csv, 'utf8').startsWith('\uFEFF')).toBe(true);
    expect(JSON.parse(readFileSync(en.json, 'utf8')).brands.map((brand: { id: string }) => brand.id).sort()).toEqual(['acme', 'rivalco']);
    expect(en.charts.length).toBeGreaterThanOrEqual(6);
  });

  it('shows section titles, brand names and the JSON numbers formatted in each language', () => {
    const client = report('en').metrics.brands.find((brand) => brand.id === 'acme');
    if (!client?.responseRate) throw new Error('no client rate');
    const expected: Record<'en' | 'es' | 'fr', { titles: string[]; rate: string }> = {
      en: { titles: ['Executive summary', 'Leaderboard', 'Methodology and data quality', 'Mentions to look at', 'Coverage of the data', 'Definitions', 'Share of voice: The brand’s share of all the mentions the compared brands received.'], rate: `${Math.round(client.responseRate * 100)}%` },
      es: { titles: ['Resumen ejecutivo', 'Clasificación', 'Metodología y calidad de los datos', 'Definiciones', 'Cuota de voz. La parte'], rate: `${Math.round(client.responseRate * 100)} %` },
      fr: { titles: ['Synthèse', 'Classement', 'Méthodologie et qualité des données', 'Définitions', 'Part de voix. '], rate: `${Math.round(client.responseRate * 100)} %` },
    };
    for (const lang of ['en', 'es', 'fr'] as const) {
      const text = pdfText(report(lang).pdf ?? '');
      for (const title of expected[lang].titles) expect(text).toContain(title);
      expect(text).toContain('Acme Telecom');
      expect(text).toContain('RivalCo');
      expect(text).toContain(expected[lang].rate);
      expect(text).not.toMatch(/NaN|undefined|Infinity/);
      // The imported file's tool, in words that read the same in every language, not the importer's id for it, nor the dataset its layout is named after.
      expect(text).toContain('Twitter CSV');
      expect(text).not.toContain('Kaggle');
      expect(text).not.toMatch(/\btwcs\b/);
    }
    // 87.5 minutes median: "1.5 h" in English, "1,5 h" with a decimal comma in Spanish and French.
    expect(client.responseTimeMedianMin).toBeCloseTo(87.5, 6);
    expect(pdfText(report('en').pdf ?? '')).toContain('1.5 h');
    expect(pdfText(report('fr').pdf ?? '')).toContain('1,5 h');
    expect(pdfText(report('es').pdf ?? '')).toContain('1,5 h');
  });

  it('leaves no English sentence in the Spanish and French reports', () => {
    const english = ReportTemplate.open(undefined).strings('en');
    for (const lang of ['es', 'fr'] as const) {
      const translated = ReportTemplate.open(undefined).strings(lang);
      const text = pdfText(report(lang).pdf ?? '');
      const englishTexts = [
        ...Object.entries(english).filter(([key, value]) => translated[key] !== value).map(([, value]) => value),
        ...METRIC_DEFINITIONS.flatMap((definition) => [definition.title, definition.text]),
      ];
      const leftovers = englishTexts
        .flatMap((value) => value.split(/\{\w+\}/))
        .map((fragment) => foldSpaces(fragment).trim())
        .filter((fragment) => fragment.length >= 12 && text.includes(fragment));
      expect([lang, leftovers]).toEqual([lang, []]);
      expect(text).not.toMatch(/\b(Page \d+ of|Oct 2017|October|Monday|answered|within)\b/);
    }
  });

  it('prints hostile mention text as visible text, runs nothing and loads nothing', () => {
    const text = pdfText(report('en').pdf ?? '');
    expect(text).toContain(HOSTILE.script);
    expect(text).toContain(HOSTILE.img);
    expect(text).toContain(HOSTILE.file);
    expect(report('en').blockedRequests).toEqual([]);
    const html = readFileSync(report('en').html, 'utf8');
    expect(html).not.toContain(HOSTILE.script);
    expect(html).toContain('&lt;script&gt;');
  });

  it('lays every page out within the width of the printed page in every language: long column titles wrap instead of widening a table, and the client\'s name clears its bar', async () => {
    const endpoint = process.env.REPLYBENCH_BROWSER_WS_ENDPOINT;
    if (!endpoint) throw new Error('the test run starts one Chromium (tests/global-setup.ts)');
    const browser = await puppeteer.connect({ browserWSEndpoint: endpoint });
    const page = await browser.newPage();
    try {
      await page.emulateMediaType('print');
      // An A4 page less its 16 mm side margins, in CSS pixels: the width the PDF's pages lay tables out in.
      await page.setViewport({ width: Math.floor(((210 - 32) / 25.4) * 96), height: 1000 });
      for (const lang of LANGUAGES) {
        await page.goto(pathToFileURL(report(lang).html).href);
        // Anything wider than the page makes Chromium print every page smaller (the English report was at 81 % by one table) and cut what is still too wide.
        const wide = await page.evaluate(WIDER_THAN_THE_PAGE);
        expect([lang, wide]).toEqual([lang, []]);
        // The client's row in the leaderboard and the scorecard: its name and count clear of the 3 pt bar (4 px) by 2 pt or more.
        const offsets = (await page.evaluate(CLIENT_TEXT_OFFSETS)) as number[];
        expect(offsets.length).toBeGreaterThanOrEqual(3);
        expect([lang, offsets.filter((offset) => offset < 4 + 8 / 3)]).toEqual([lang, []]);
      }
    } finally {
      await page.close();
      await browser.disconnect();
    }
  });

  it('keeps the coverage table whole on one page with its title and introduction (a short table was split 3 rows and 2)', () => {
    const html = readFileSync(report('en').html, 'utf8');
    expect(html).toMatch(/<div class="keep-whole">\s*<h3>Coverage of the data<\/h3>\s*<p class="intro">[^<]*<\/p>\s*<table class="files coverage">[\s\S]*?<\/table>\s*<\/div>/);
    const css = readFileSync(new URL('../../report-templates/default/style.css', import.meta.url), 'utf8');
    expect(css).toMatch(/\.keep-whole \{ break-inside: avoid;/);
  });

  it('sets the scorecard’s key two to a line in every language, better beside about the same and worse beside not comparable', () => {
    const html = readFileSync(report('fr').html, 'utf8');
    const legend = /<div class="card-legend">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    expect([...legend.matchAll(/class="legend-swatch tone-(\w+)-cell"/g)].map((match) => match[1])).toEqual(['better', 'same', 'worse', 'incomparable', 'none']);
    const css = readFileSync(new URL('../../report-templates/default/style.css', import.meta.url), 'utf8');
    expect(css).toMatch(/\.card-legend \{ display: grid; grid-template-columns: 1fr 1fr;/);
  });

  it('puts ink in every chart area of the printed pages', () => {
    const pdf = report('en').pdf ?? '';
    const pages = pdfPages(pdf);
    const titles = Object.values(report('en').charts).length;
    let checked = 0;
    for (let page = 1; page <= pages; page += 1) {
      const { width, lines } = pdfLines(pdf, page);
      const captions = lines.filter((line) => /^(Response rate by brand|How long people waited|Share answered over time|Response rate and response time, month by month|Hour of the week|How each brand uses its own posts|Share of all mentions by brand)$/.test(line.text));
      if (captions.length === 0) continue;
      const raster = rasterPage(pdf, page, 40);
      for (const caption of captions) {
        const share = inkShare(raster, width, { x0: 40, y0: caption.yMax + 25, x1: width - 40, y1: caption.yMax + 140 });
        expect([caption.text, share > 0.03]).toEqual([caption.text, true]);
        checked += 1;
      }
    }
    expect(checked).toBe(titles);
  });
});

describe('the printing page', () => {
  it('blocks every request and runs no script, even from raw HTML', async () => {
    const html = `<!DOCTYPE html><html><body><p id="p">static</p>
      <img src="file:///etc/passwd"><img src="http://example.invalid/x.png"><link rel="stylesheet" href="https://example.invalid/a.css">
      <script>document.getElementById('p').textContent = 'SCRIPT RAN';</script></body></html>`;
    const result = await printer.print(html, { pageSize: 'A4', footerHtml: '<span></span>' });
    const path = join(out, 'raw.pdf');
    (await import('node:fs')).writeFileSync(path, result.pdf);
    expect(pdfText(path)).toContain('static');
    expect(pdfText(path)).not.toContain('SCRIPT RAN');
    // Chromium never issues the file: request from an about:blank document; the network ones reach interception and are refused.
    expect(result.blockedRequests).toEqual(expect.arrayContaining(['http://example.invalid/x.png', 'https://example.invalid/a.css']));
  });
});

/** The PDF, deck, workbook and JSON of one language's report, all written by the same run. */
function delivered(lang: Language): { json: string; pdf: string; pptx: string; xlsx: string; analystNotes: string } {
  const value = report(lang);
  if (!value.pdf || !value.pptx || !value.xlsx || !value.analystNotes) throw new Error(`no ${lang} deliverables`);
  return { json: value.json, pdf: value.pdf, pptx: value.pptx, xlsx: value.xlsx, analystNotes: value.analystNotes };
}

/*
 * The Twitter fixture is partial data as agencies get it: 13 of the 31 days,
 * two brands, rows rejected at import, no sentiment, no follower counts, no
 * business hours. Its PDF, deck and workbook, in every language, say so in
 * the client's words; the config keys, JSON fields, store tables and file
 * paths are in the analyst's notes only (analyst-notes.xlsx).
 */
describe('client pages of a report on partial data', () => {
  it.each(LANGUAGES)('%s: no config key, JSON field, CLI flag, store table or path on any page, slide or sheet of the client workbook', async (lang) => {
    const files = delivered(lang);
    const fields = jsonFields(JSON.parse(readFileSync(files.json, 'utf8')));
    expect(fields.has('responseTimeMedianMin')).toBe(true);
    const t = ReportTemplate.open(undefined).strings(lang);
    const clientSheets = [...(await workbookWords(files.xlsx))];
    // The analyst's notes are a workbook of their own, beside the client's.
    expect(clientSheets.map(([name]) => name)).not.toContain(t['analyst.sheet']);
    expect([...(await workbookWords(files.analystNotes)).keys()]).toEqual([t['analyst.sheet']]);
    const found = {
      pdf: analystWordsIn(pdfWords(files.pdf), fields),
      deck: analystWordsIn(await deckWords(files.pptx), fields),
      ...Object.fromEntries(clientSheets.map(([name, text]) => [`sheet ${name}`, analystWordsIn(text, fields)])),
    };
    expect(Object.entries(found).filter(([, words]) => words.length > 0)).toEqual([]);
  });

  it.each(LANGUAGES)('%s: says in one line each what the exports lack, and leaves its section out', async (lang) => {
    const t = ReportTemplate.open(undefined).strings(lang);
    const pdf = pdfWords(delivered(lang).pdf).replace(/\s+/g, ' ');
    const deck = (await deckWords(delivered(lang).pptx)).replace(/\s+/g, ' ');
    for (const text of [pdf, deck]) {
      expect(text).toContain(t['absent.sentiment']?.replace(/\s+/g, ' '));
      expect(text).toContain(t['absent.followers']?.replace(/\s+/g, ' '));
      expect(text).not.toContain(t['section.audience']);
    }
  });

  it('keeps what the analyst needs in the analyst notes: the file as imported, the store table of rejected rows, the export columns and config keys to add', async () => {
    const t = ReportTemplate.open(undefined).strings('en');
    const notes = (await workbookWords(delivered('en').analystNotes)).get(t['analyst.sheet'] ?? '') ?? '';
    expect(notes).toContain('exports/acme_october.csv');
    expect(notes).toContain('import_rejects');
    expect(notes).toContain('“sentiment” column');
    expect(notes).toContain('businessHours');
    expect(analystWordsIn(notes).length).toBeGreaterThan(0);
  });
});
