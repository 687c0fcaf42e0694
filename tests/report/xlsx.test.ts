import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runReport } from '../../src/cli/commands/report.js';
import { UserError } from '../../src/errors.js';
import type { MetricsReport } from '../../src/metrics/types.js';
import { parseFormats } from '../../src/report/formats.js';
import type { Language } from '../../src/report/i18n/language.js';
import { ReportPrinter, writeReport, type WrittenReport } from '../../src/report/index.js';
import { ReportTemplate } from '../../src/report/template.js';
import type { Store } from '../../src/store/database.js';
import { FIXTURES, fixtureStore, metricsFixtureConfig, metricsFixtureStore } from './fixtureStore.js';
import { catalogueOf } from '../../src/report/model/brandLookup.js';
import { cell } from '../../src/report/model/cells.js';
import { addTableSheet } from '../../src/report/xlsx/sheet.js';

const out = mkdtempSync(join(tmpdir(), 'replybench-xlsx-'));
const HOSTILE_TEXT = "=cmd|' /C calc'!A0 <script>alert('x')</script> \u0007ring\u0000 @AcmeCares";
const HOSTILE_STORED = "=cmd|' /C calc'!A0 <script>alert('x')</script> ring @AcmeCares";
const template = ReportTemplate.open(undefined);
const written: Partial<Record<Language, WrittenReport>> = {};
const books: Partial<Record<Language, ExcelJS.Workbook>> = {};
let store: Store;

beforeAll(async () => {
  store = await metricsFixtureStore();
  // The oldest unanswered mention of the client in October, so it is among the examples.
  await store.run(
    `INSERT INTO posts (platform, post_id, created_at, author, kind, parent_id, text, batch_id)
     VALUES ('twitter', 'hostile-1', '2017-10-01T08:00:00Z'::TIMESTAMPTZ, '=evil', 'post', NULL, $text, 1)`,
    { text: HOSTILE_TEXT },
  );
  for (const lang of ['en', 'es', 'fr'] as const) {
    written[lang] = await writeReport({ config: metricsFixtureConfig(), store, period: '2017-10', outDir: join(out, lang), lang, formats: ['xlsx'], generatedAt: new Date('2017-11-03T10:00:00Z') });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(written[lang]?.xlsx ?? '');
    books[lang] = book;
  }
}, 120_000);

afterAll(() => store?.close());

function book(lang: Language): ExcelJS.Workbook {
  const value = books[lang];
  if (!value) throw new Error(`no ${lang} workbook`);
  return value;
}

function metrics(lang: Language): MetricsReport {
  return JSON.parse(readFileSync(written[lang]?.json ?? '', 'utf8')) as MetricsReport;
}

function s(lang: Language, key: string): string {
  const text = template.strings(lang)[key];
  if (text === undefined) throw new Error(`no string ${key}`);
  return text;
}

function sheet(lang: Language, key: string): ExcelJS.Worksheet {
  const found = book(lang).getWorksheet(s(lang, `sheet.${key}`));
  if (!found) throw new Error(`no sheet ${key}`);
  return found;
}

/** Row 1 as header -> column number. */
function columns(worksheet: ExcelJS.Worksheet): Map<string, number> {
  const result = new Map<string, number>();
  worksheet.getRow(1).eachCell((cell, column) => result.set(String(cell.value), column));
  return result;
}

function column(worksheet: ExcelJS.Worksheet, header: string): number {
  const found = columns(worksheet).get(header);
  if (found === undefined) throw new Error(`no column "${header}" in ${worksheet.name}: ${[...columns(worksheet).keys()].join(' | ')}`);
  return found;
}

function rows(worksheet: ExcelJS.Worksheet): ExcelJS.Row[] {
  const result: ExcelJS.Row[] = [];
  worksheet.eachRow((row, number) => {
    if (number > 1) result.push(row);
  });
  return result;
}

const SHEETS = ['sheet.leaderboard', 'sheet.platforms', 'sheet.changes', 'sheet.trend', 'sheet.diagnostics', 'sheet.examples', 'sheet.quality', 'sheet.coverage', 'sheet.settings', 'sheet.themes', 'sheet.definitions'];

describe('metrics.xlsx', () => {
  it('prints a wide sheet on as many pages across as keep it readable, its brand column on each; a narrow one on one page', () => {
    const sheets = book('en').worksheets;
    const leaderboard = sheets[0];
    expect(leaderboard?.columnCount).toBeGreaterThan(20);
    // Fitted to one page, its 30-odd columns printed at about 3 pt.
    expect(leaderboard?.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToHeight: 0, printTitlesColumn: 'A:A', printTitlesRow: '1:1' });
    expect(leaderboard?.pageSetup.fitToWidth).toBeGreaterThan(1);
    const narrow = sheets.find((sheet) => sheet.columnCount <= 6);
    expect(narrow?.pageSetup).toMatchObject({ orientation: 'portrait', fitToWidth: 1 });
    expect(narrow?.pageSetup.printTitlesColumn).toBeUndefined();
  });

  it('names its sheets in the report language', () => {
    expect(book('en').worksheets.map((worksheet) => worksheet.name)).toEqual(['Leaderboard', 'By platform', 'Changes', 'Trend', 'Diagnostics', 'Mentions to look at', 'Data quality', 'Coverage', 'Settings', 'Subjects', 'Definitions']);
    for (const lang of ['es', 'fr'] as const) expect(book(lang).worksheets.map((worksheet) => worksheet.name)).toEqual(SHEETS.map((key) => s(lang, key)));
    expect(book('es').worksheets[0]?.name).toBe('Clasificación');
    expect(written.en?.pptx).toBeNull();
    expect(existsSync(join(out, 'en', 'report.html'))).toBe(false);
  });

  it('says on the leaderboard sheet which response rates are lower bounds, as the PDF marks them with ≥', () => {
    const leaderboard = sheet('en', 'leaderboard');
    const [brandCol, boundCol] = [s('en', 'leaderboard.brand'), s('en', 'sheet.lowerBoundShares')].map((header) => column(leaderboard, header));
    const marked = rows(leaderboard).map((row) => [row.getCell(brandCol ?? 0).value, row.getCell(boundCol ?? 0).value]);
    const json = metrics('en');
    expect(marked).toEqual(marked.map(([name]) => [name, json.brands.find((brand) => brand.name === name)?.coverage?.warnings.includes('responses-missing') ?? false]));
    expect(marked.length).toBeGreaterThan(1);
  });

  it('says under the subjects sheet\'s headers why it has no subject, as the PDF does', () => {
    // The fixture's config agrees no theme, and no term stands out in its few mentions.
    for (const lang of ['en', 'es'] as const) {
      const subjects = sheet(lang, 'themes');
      expect([subjects.rowCount, subjects.getRow(2).getCell(1).value]).toEqual([2, s(lang, 'absent.themes')]);
    }
  });

  it('gives every change of metrics.json against the previous period, beside the two values it compares, in points or percent as the summary prints it', () => {
    for (const lang of ['en', 'fr'] as const) {
      const changes = sheet(lang, 'changes');
      const json = metrics(lang);
      const at = (header: string) => column(changes, header);
      const [brandCol, metricCol, thisCol, beforeCol, pointsCol, percentCol, notesCol] = [s(lang, 'leaderboard.brand'), s(lang, 'sheet.metric'), s(lang, 'sheet.thisPeriod'), lang === 'en' ? 'September 2017' : 'Septembre 2017', s(lang, 'sheet.changePoints'), s(lang, 'sheet.changePercent'), s(lang, 'sheet.notes')].map(at);
      const acme = rows(changes).filter((row) => row.getCell(brandCol ?? 0).value === 'Acme Telecom');
      // One row per metric some brand has a change of, or a reason for none; Acme's response rate now, in September (26 of 40), and the change in points.
      const brand = json.brands.find((entry) => entry.id === 'acme');
      const compared = catalogueOf(json).filter((spec) => json.brands.some((entry) => (entry.change?.[spec.key] ?? null) !== null || entry.changeReason?.[spec.key] !== undefined));
      expect(compared.length).toBeGreaterThan(5);
      expect(acme).toHaveLength(compared.length);
      const rate = acme.find((row) => row.getCell(metricCol ?? 0).value === s(lang, 'label.responseRate'));
      expect([rate?.getCell(thisCol ?? 0).value, rate?.getCell(beforeCol ?? 0).value, rate?.getCell(pointsCol ?? 0).value, rate?.getCell(percentCol ?? 0).value ?? null]).toEqual([brand?.responseRate, 26 / 40, brand?.change?.responseRate, null]);
      expect(rate?.getCell(pointsCol ?? 0).numFmt).toBe('+0.0;-0.0;0.0');
      // Every change of the JSON is in the sheet: points as they are, percent as a fraction shown as a percentage.
      const shown = rows(changes).flatMap((row) => [row.getCell(pointsCol ?? 0).value, row.getCell(percentCol ?? 0).value]).filter((value) => typeof value === 'number') as number[];
      const kinds = new Map(catalogueOf(json).map((spec) => [spec.key, spec.change]));
      const expected = json.brands.flatMap((entry) => Object.entries(entry.change ?? {}).flatMap(([key, value]) => (value === null ? [] : [kinds.get(key) === 'percent' ? value / 100 : value])));
      expect(shown.sort()).toEqual(expected.sort());
      // A change left out says why.
      const why = rows(changes).filter((row) => row.getCell(notesCol ?? 0).value !== null);
      expect(why.every((row) => row.getCell(pointsCol ?? 0).value === null && row.getCell(percentCol ?? 0).value === null)).toBe(true);
    }
  });

  it('writes a negative change its format rounds to zero as 0, so that no cell shows -0.0, and signs relative changes', () => {
    const workbook = new ExcelJS.Workbook();
    const values = [-0.011, -0.049, -0.05, 0.01, -3.2];
    const sheet = addTableSheet(workbook, 'Changes', ['pts', 'relative'], values.map((value) => [cell.points(value), cell.relativeChange(value / 100)]));
    const written = rows(sheet).map((row) => [row.getCell(1).value, row.getCell(2).value]);
    expect(written).toEqual([
      [0, 0],
      [0, 0],
      [-0.05, -0.0005],
      [0.01, 0.0001],
      [-3.2, -0.032],
    ]);
    expect(rows(sheet)[0]?.getCell(2).numFmt).toBe('+0.0%;-0.0%;0.0%');
  });

  it('holds the numbers of metrics.json, rates as fractions shown as percentages and times in minutes', () => {
    for (const lang of ['en', 'es'] as const) {
      const board = sheet(lang, 'leaderboard');
      const json = metrics(lang);
      const names = rows(board).map((row) => row.getCell(1).value);
      expect(json.brands.length).toBeGreaterThan(1);
      expect(names).toHaveLength(json.brands.length);
      expect(new Set(names)).toEqual(new Set(json.brands.map((brand) => brand.name)));
      const rate = column(board, s(lang, 'label.responseRate'));
      const median = column(board, s(lang, 'sheet.minutes').replace('{label}', s(lang, 'label.responseTimeMedianMin')));
      const inbound = column(board, s(lang, 'label.inbound'));
      const needingAnswer = column(board, s(lang, 'sheet.needingAnswer'));
      const answered = column(board, s(lang, 'label.answered'));
      for (const row of rows(board)) {
        const brand = json.brands.find((candidate) => candidate.name === row.getCell(1).value);
        expect(row.getCell(rate).value).toBe(brand?.responseRate);
        expect(row.getCell(rate).numFmt).toMatch(/%/);
        expect(row.getCell(median).value).toBe(brand?.responseTimeMedianMin ?? null);
        expect(row.getCell(median).numFmt).toBe('0.0');
        expect(row.getCell(inbound).value).toBe(brand?.inbound);
        // The rate's denominator is in the sheet: answered / mentions needing an answer gives the rate shown.
        expect(row.getCell(needingAnswer).value).toBe(brand?.coverage?.inboundMeasured);
        if (brand?.responseRate != null) expect(Number(row.getCell(answered).value) / Number(row.getCell(needingAnswer).value)).toBeCloseTo(brand.responseRate, 12);
      }
      expect(rows(board)[0]?.getCell(1).value).toBe('RivalCo');
      // A rank has no unit: its header names the metric without the minutes of the metric's own column.
      const rankMedian = column(board, s(lang, 'sheet.rank').replace('{label}', s(lang, 'label.responseTimeMedianMin')));
      expect(rows(board).map((row) => row.getCell(rankMedian).value)).toEqual(rows(board).map((row) => json.brands.find((brand) => brand.name === row.getCell(1).value)?.rank.responseTimeMedianMin ?? null));
    }
  });

  it('writes the thirteen-month trend with real month dates', () => {
    const trend = sheet('fr', 'trend');
    const json = metrics('fr').trend ?? [];
    expect(rows(trend).length).toBe(json.length);
    const rate = column(trend, s('fr', 'label.responseRate'));
    const first = rows(trend)[0];
    expect(first?.getCell(1).value).toEqual(new Date(Date.UTC(2016, 9, 1)));
    expect(first?.getCell(1).numFmt).toBe('mmm yyyy');
    for (const row of rows(trend)) {
      const month = row.getCell(1).value as Date;
      const key = `${month.getUTCFullYear()}-${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
      const point = json.find((candidate) => candidate.month === key && metrics('fr').brands.find((brand) => brand.id === candidate.brandId)?.name === row.getCell(2).value);
      expect(row.getCell(rate).value).toBe(point?.responseRate ?? null);
    }
  });

  it('has one diagnostics row per brand, per-platform rows, coverage, data quality and the settings used', () => {
    const json = metrics('en');
    // In the leaderboard's order, as every per-brand table.
    const leaderboard = rows(sheet('en', 'leaderboard')).map((row) => row.getCell(1).value);
    expect(rows(sheet('en', 'diagnostics')).map((row) => row.getCell(1).value)).toEqual(leaderboard);
    expect(new Set(leaderboard)).toEqual(new Set(json.diagnostics?.brands.map((brand) => brand.name)));
    // So is the coverage sheet, its rows over all platforms first.
    expect(rows(sheet('en', 'coverage')).slice(0, leaderboard.length).map((row) => row.getCell(2).value)).toEqual(leaderboard);
    expect(rows(sheet('en', 'platforms')).length).toBe((json.byPlatform ?? []).reduce((sum, group) => sum + group.brands.length, 0));
    expect(rows(sheet('en', 'coverage')).length).toBe(json.brands.length + rows(sheet('en', 'platforms')).length);
    // Platforms as the PDF names them, not as the store writes them.
    expect(new Set(rows(sheet('en', 'platforms')).map((row) => row.getCell(1).value))).toEqual(new Set((json.byPlatform ?? []).map((group) => group.platform.charAt(0).toUpperCase() + group.platform.slice(1))));
    const quality = rows(sheet('en', 'quality'));
    expect(quality[0]?.getCell(1).value).toBe('Posts in the period');
    expect(quality[0]?.getCell(2).value).toBe(json.dataQuality.posts);
    const settings = new Map(rows(sheet('en', 'settings')).map((row) => [String(row.getCell(1).value), row.getCell(2)]));
    expect(settings.get('Period')?.value).toBe('October 2017');
    // 1 October 2017, 00:00 in Madrid, as Excel's zone-less date.
    expect(settings.get('Period start')?.value).toEqual(new Date(Date.UTC(2017, 9, 1, 0, 0)));
    expect(settings.get('Period start')?.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(settings.get('Answer window (min)')?.value).toBe(7 * 1440);
    // Whole minutes, shown as a count: 10,080, not 10080.0.
    expect(settings.get('Answer window (min)')?.numFmt).toBe('#,##0');
    // The language by its name, not its code; the timezone as a reader knows it.
    expect(settings.get('Language')?.value).toBe('English');
    expect(settings.get('Timezone')?.value).toBe('Central European Time (Europe/Madrid)');
  });

  it('gives every column of a sheet its own header, in each language', () => {
    for (const lang of ['en', 'es', 'fr'] as const) {
      for (const worksheet of book(lang).worksheets) {
        const headers = (worksheet.getRow(1).values as unknown[]).filter((value) => value !== undefined && value !== null).map(String);
        expect([lang, worksheet.name, headers.filter((header, index) => headers.indexOf(header) !== index)]).toEqual([lang, worksheet.name, []]);
      }
    }
  });

  it('freezes the header row, filters every column and sizes every column', () => {
    const worksheets = book('es').worksheets;
    expect(worksheets.length).toBeGreaterThan(3);
    for (const worksheet of worksheets) {
      const view = worksheet.views[0];
      expect([worksheet.name, view?.state, view && 'ySplit' in view ? view.ySplit : null]).toEqual([worksheet.name, 'frozen', 1]);
      expect([worksheet.name, typeof worksheet.autoFilter]).toEqual([worksheet.name, 'string']);
      const count = worksheet.getRow(1).cellCount;
      for (let index = 1; index <= count; index += 1) expect([worksheet.name, index, (worksheet.getColumn(index).width ?? 0) >= 8]).toEqual([worksheet.name, index, true]);
    }
  });

  it('wraps a text longer than its column in a row tall enough for it, from the top', () => {
    const definitions = sheet('fr', 'definitions');
    const width = definitions.getColumn(2).width ?? 0;
    const long = rows(definitions).filter((row) => String(row.getCell(2).value).length > width);
    expect(long.length).toBeGreaterThan(3);
    for (const row of long) {
      expect([row.number, row.getCell(2).alignment]).toEqual([row.number, { wrapText: true, vertical: 'top' }]);
      // Tall enough for every line, and within Excel's tallest row (409 points): a longer text goes on in the next rows.
      expect(row.height).toBeGreaterThanOrEqual(15 * Math.ceil(String(row.getCell(2).value).length / width));
      expect(row.height).toBeLessThan(409);
      expect(row.getCell(1).alignment).toEqual({ vertical: 'top' });
    }
    // The coverage definition, near 4,000 characters, in parts under its label, cut between sentences or clauses.
    const all = rows(definitions).map((row) => [String(row.getCell(1).value ?? ''), String(row.getCell(2).value)]);
    const coverage = all.findIndex(([label]) => label === s('fr', 'metric.coverage.title'));
    const parts = [all[coverage], ...all.slice(coverage + 1).filter((_, index, after) => after.slice(0, index + 1).every(([label]) => label === ''))];
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.every((part) => (part?.[1] ?? '').length <= 1300 && /[.;,]$/.test(part?.[1] ?? ''))).toBe(true);
    expect(parts.map((part) => part?.[1]).join(' ').length).toBeGreaterThan(3000);
  });

  it('gives the definitions in the client\'s words: the warnings named, no code, no config, no account id', () => {
    for (const lang of ['en', 'es', 'fr'] as const) {
      const texts = rows(sheet(lang, 'definitions')).map((row) => String(row.getCell(2).value));
      const all = texts.join('\n');
      expect(all, lang).not.toMatch(/responses-missing|brand-posts-partial|id:\d|\bconfig\b/);
      expect(all, lang).toContain(`(${s(lang, 'coverage.nameResponsesMissing')})`);
    }
    expect(rows(sheet('en', 'definitions')).map((row) => String(row.getCell(2).value)).join(' ')).toContain('a topic the setup gives to the brand');
  });

  it('lists the example mentions with their dates in the report timezone and stores a hostile text as an inert string', async () => {
    const examples = sheet('en', 'examples');
    const text = column(examples, 'Mention');
    const hostile = rows(examples).find((row) => String(row.getCell(text).value).includes('=cmd'));
    expect(hostile?.getCell(text).value).toBe(HOSTILE_STORED);
    // A leading = is kept as text: the cell is a string with the Text format, never a formula.
    expect(hostile?.getCell(text).type).toBe(ExcelJS.ValueType.String);
    expect(hostile?.getCell(text).numFmt).toBe('@');
    // 08:00 UTC is 10:00 in Madrid (summer time).
    expect(hostile?.getCell(column(examples, 'Date')).value).toEqual(new Date(Date.UTC(2017, 9, 1, 10, 0)));
    const author = hostile?.getCell(column(examples, 'Author'));
    expect(author?.value).toBe('@=evil');
    expect(author?.numFmt).toBe('@');

    const zip = await JSZip.loadAsync(readFileSync(written.en?.xlsx ?? ''));
    const xml = await Promise.all(Object.values(zip.files).filter((file) => file.name.endsWith('.xml')).map(async (file) => [file.name, await file.async('string')] as const));
    for (const [name, body] of xml) {
      // No cell is a formula, and nothing XML cannot hold got in.
      expect([name, /<f[ >]/.test(body), /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(body)]).toEqual([name, false, false]);
    }
    const shared = xml.find(([name]) => name === 'xl/sharedStrings.xml')?.[1] ?? '';
    expect(shared).toContain('<t>=cmd|&apos; /C calc&apos;!A0 &lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; ring @AcmeCares</t>');
  });
});

describe('--formats', () => {
  it('accepts a comma-separated list of the report formats and refuses anything else in one line', () => {
    expect(parseFormats(undefined)).toEqual(['pdf', 'pptx', 'xlsx', 'html', 'csv', 'svg']);
    expect(parseFormats('xlsx, PPTX')).toEqual(['pptx', 'xlsx']);
    expect(() => parseFormats('pdf,docx')).toThrow(new UserError('--formats "pdf,docx": "docx" is not a format; use a comma-separated list of pdf, pptx, xlsx, html, csv, svg.'));
    expect(() => parseFormats(',')).toThrow(UserError);
  });

  it('writes only the files asked for, and starts no browser without a PDF', async () => {
    const db = join(out, 'cli.duckdb');
    (await fixtureStore(db)).close();
    const dir = join(out, 'cli');
    const launch = vi.spyOn(ReportPrinter, 'launch');
    const [report] = await runReport({ period: '2017-10', config: [join(FIXTURES, 'store-config.yaml')], db, out: dir, formats: 'xlsx,csv' });
    expect(launch).not.toHaveBeenCalled();
    launch.mockRestore();
    expect(report?.xlsx).toBe(join(dir, 'metrics.xlsx'));
    expect([report?.pdf, report?.pptx]).toEqual([null, null]);
    expect(['metrics.xlsx', 'analyst-notes.xlsx', 'metrics.csv', 'metrics.json', 'report.html', 'report.pptx', 'report.pdf', 'charts'].map((file) => existsSync(join(dir, file)))).toEqual([true, true, true, true, false, false, false, false]);
    await expect(runReport({ period: '2017-10', config: [join(FIXTURES, 'store-config.yaml')], db, out: dir, formats: 'pdf,doc' })).rejects.toThrow(UserError);
  });
});
