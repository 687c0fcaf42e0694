/**
 * What an import changed in a file's rows, told on the report's data-quality
 * page and in the workbook, in the report's language: an Excel-saved export
 * whose texts were repaired must not look like a clean one to the client.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAnalysis } from '../../src/analysis/analysis.js';
import { MOJIBAKE_REASON } from '../../src/ingest/mojibake.js';
import { noticeText } from '../../src/ingest/notices.js';
import type { FileImportResult } from '../../src/ingest/result.js';
import { computeMetrics } from '../../src/metrics/compute.js';
import type { Language } from '../../src/report/i18n/language.js';
import { buildReportModel } from '../../src/report/model/buildModel.js';
import { readStoreFacts, type StoreFacts } from '../../src/report/model/storeFacts.js';
import { ReportTemplate } from '../../src/report/template.js';
import type { MetricsReport } from '../../src/metrics/types.js';
import { Store } from '../../src/store/database.js';
import { importOne } from '../ingest/helpers.js';
import { configWith } from '../metrics/helpers.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/ingest');
const config = configWith([{ id: 'sprintcare' }, { id: 'verizonsupport' }]);
const template = ReportTemplate.open(undefined);

/** Texts an Excel save damaged (repaired on import), and id lists Excel mangled (not kept). */
let imported: FileImportResult[];
let metrics: MetricsReport;
let facts: StoreFacts;
let store: Store;
const folder = mkdtempSync(join(tmpdir(), 'replybench-test-'));

beforeAll(async () => {
  store = await Store.open(join(folder, 'store.duckdb'));
  const file = join(folder, 'october, excel.csv');
  copyFileSync(join(FIXTURES, 'damaged/excel-mojibake.csv'), file);
  imported = [await importOne(store, file), await importOne(store, join(FIXTURES, 'twcs_excel_mangled.csv'))];
  // The first file again: the page lists it, and its notices, once.
  await importOne(store, file);
  metrics = await computeMetrics(store, config, '2017-10', { cache: false });
  facts = await withAnalysis(store, config, '2017-10', (analysis) => readStoreFacts(analysis), { cache: false });
});
afterAll(() => {
  store?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("the import's changes to a file, in the report", () => {
  it.each<Language>(['en', 'es', 'fr'])('are each a warning of the data-quality page and a line of the workbook, in %s', async (language) => {
    const { model } = await buildReportModel({ metrics, config, facts, template, language });
    const files = ['october, excel.csv', 'twcs_excel_mangled.csv'];
    const told = model.warnings.filter((warning) => files.some((file) => warning.startsWith(file)));
    // One line per warning of each file, in import order, holding the import's own words in the report's language.
    const changes = imported.map((result) => result.notices.filter((notice) => notice.code === 'rows'));
    expect(changes.map((notices) => notices.map((notice) => notice.reason))).toEqual([[MOJIBAKE_REASON], [expect.stringContaining('response_tweet_id')]]);
    const expected = changes.flatMap((notices, index) => notices.map((notice) => [files[index], noticeText(notice, language)]));
    expect(told).toHaveLength(expected.length);
    told.forEach((warning, index) => {
      expect(warning.startsWith(expected[index]?.[0] ?? '?')).toBe(true);
      expect(warning).toContain(expected[index]?.[1]);
    });
    if (language !== 'en') expect(told.join(' ')).not.toContain('it was repaired');
    const sheetLines = model.workbook.sheets.flatMap((sheet) => sheet.rows.map((row) => String(row[0]?.value ?? ''))).filter((text) => files.some((file) => text.startsWith(file)));
    expect(sheetLines).toEqual(told);
  });

  it('says nothing of line ends or of the earlier import of the same file, and lists that file once', () => {
    expect(facts.imports.map((batch) => batch.notices.map((notice) => notice.code))).toEqual([['rows'], ['rows']]);
  });
});
