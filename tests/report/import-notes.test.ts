/**
 * What an import changed in a file's rows, told on the report's data-quality
 * page and in the workbook, in the report's language: an Excel-saved export
 * whose texts were repaired must not look like a clean one to the client, and
 * the client reads that in its words; the analyst notes give each case.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
import { importNotes } from '../../src/report/model/methodology.js';
import { Formatter } from '../../src/report/i18n/format.js';
import { translator } from '../../src/report/i18n/strings.js';
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
  // A file of the header alone: the import says it holds no rows, which changed nothing the report shows.
  const empty = join(folder, 'empty.csv');
  writeFileSync(empty, `${readFileSync(file, 'utf8').split('\n')[0]}\n`);
  imported = [await importOne(store, file), await importOne(store, join(FIXTURES, 'twcs_excel_mangled.csv')), await importOne(store, empty)];
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
  it.each<Language>(['en', 'es', 'fr'])('are told the client once per file, and described case by case in the analyst notes, in %s', async (language) => {
    const { model } = await buildReportModel({ metrics, config: { ...config, baseDir: folder }, facts, template, language });
    const files = ['october, excel.csv', 'twcs_excel_mangled.csv'];
    const told = model.warnings.filter((warning) => files.some((file) => warning.startsWith(file)));
    // The import's own warnings: the mojibake it repaired in the first file, the id lists Excel mangled in the second.
    const changes = imported.slice(0, files.length).map((result) => result.notices.filter((notice) => notice.code === 'rows'));
    expect(changes.map((notices) => notices.map((notice) => notice.reason))).toEqual([[MOJIBAKE_REASON], [expect.stringContaining('response_tweet_id')]]);
    // The client's page: one line per file that says one kind of irregularity was corrected or set aside, without the import's words.
    const say = translator(template.strings(language), language);
    expect(told).toEqual(files.map((file) => say('warning.importRepairedOne', { file, count: '1' })));
    told.forEach((warning, index) => {
      for (const notice of changes[index] ?? []) expect(warning).not.toContain(noticeText(notice, language));
    });
    expect(told.join(' ')).not.toMatch(/response_tweet_id|â€/);
    // The analyst's notes: each warning in the import's words, and each file by its place in the project folder.
    const notes = (model.analystWorkbook.sheets.find((candidate) => candidate.name === say('analyst.sheet'))?.rows ?? []).map((row) => String(row[1]?.value ?? ''));
    const expected = changes.flatMap((notices, index) => notices.map((notice) => [files[index] ?? '?', noticeText(notice, language)] as const));
    for (const [file, text] of expected) expect(notes.filter((note) => note.startsWith(file) && note.includes(text))).toHaveLength(1);
    expect(notes.filter((note) => note.startsWith('october, excel.csv (twcs)'))).toHaveLength(1);
    expect(notes.join(' ')).not.toContain(folder);
    // The workbook's data-quality sheet says it as the page does.
    const sheetLines = model.workbook.sheets.flatMap((sheet) => sheet.rows.map((row) => String(row[0]?.value ?? ''))).filter((text) => files.some((file) => text.startsWith(file)));
    expect(sheetLines).toEqual(told);
  });

  it('says nothing of a file without rows, nor of the earlier import of the same file, and lists that file once', () => {
    expect(imported[2]?.notices.map((notice) => notice.code)).toEqual(['no-rows']);
    expect(facts.imports.map((batch) => batch.notices.map((notice) => notice.code))).toEqual([['rows'], ['rows'], []]);
  });

  it("leaves a file of a header alone off the client's files table and count, and names it in the analyst notes", async () => {
    const { model } = await buildReportModel({ metrics, config: { ...config, baseDir: folder }, facts, template, language: 'en' });
    expect(model.importedFiles.map((entry) => entry.file)).toEqual(['october, excel.csv', 'twcs_excel_mangled.csv']);
    expect(model.dataQuality.find((entry) => entry.label === 'Files imported')?.value).toBe('2');
    const say = translator(template.strings('en'), 'en');
    const notes = (model.analystWorkbook.sheets.find((candidate) => candidate.name === say('analyst.sheet'))?.rows ?? []).map((row) => String(row[1]?.value ?? ''));
    expect(notes.filter((note) => note.startsWith('empty.csv'))).toHaveLength(1);
  });

  it('prints the names a notice takes from the file without their control characters', () => {
    const t = translator(template.strings('en'), 'en.json', 'en');
    const member: StoreFacts['imports'][number] = {
      file: '/exports/octo\u202eber.zip:a.csv',
      format: 'twcs',
      rowsRead: 1,
      imported: 1,
      duplicates: 0,
      rejected: 0,
      notices: [{ code: 'skipped-members', archive: '/exports/october.zip', names: ['\u202etxt.exe', 'b\u0007.pdf'] }],
    };
    const [line] = importNotes({ ...facts, imports: [member] }, new Formatter('en', t, 'UTC'), t);
    expect(line).toBe('october.zip:a.csv, on import: october.zip also holds 2 files that are not a CSV, TSV or XLSX export, not read: txt.exe, b .pdf.');
  });
});

describe("an archive's member", () => {
  const batch = (file: string): StoreFacts['imports'][number] => ({ file, format: 'twcs', rowsRead: 1, imported: 1, duplicates: 0, rejected: 0, notices: [] });
  const project = join(folder, 'acme');

  it("keeps its archive's name, and the archive its place in the project, where the member sits in a folder of the archive", async () => {
    const files = [join(project, 'exports/q4.zip:october/mentions.csv'), join(folder, 'elsewhere/q4.zip:november/mentions.csv')];
    const { model } = await buildReportModel({ metrics, config: { ...config, baseDir: project }, facts: { ...facts, imports: files.map(batch) }, template, language: 'en' });
    const say = translator(template.strings('en'), 'en');
    const notes = (model.analystWorkbook.sheets.find((candidate) => candidate.name === say('analyst.sheet'))?.rows ?? []).map((row) => String(row[1]?.value ?? ''));
    expect(notes.filter((note) => note.includes('mentions.csv')).map((note) => note.split(' (')[0])).toEqual(['exports/q4.zip:october/mentions.csv', 'q4.zip:november/mentions.csv']);
    expect(model.importedFiles.map((entry) => entry.file)).toEqual(['q4.zip:october/mentions.csv', 'q4.zip:november/mentions.csv']);
  });

  it('is told from a plain file in a folder whose name holds a colon, which keeps no folder of this machine', async () => {
    const files = [join(folder, 'Acme 2017:Q4/exports/mentions.csv')];
    const { model } = await buildReportModel({ metrics, config: { ...config, baseDir: project }, facts: { ...facts, imports: files.map(batch) }, template, language: 'en' });
    expect(model.importedFiles.map((entry) => entry.file)).toEqual(['mentions.csv']);
  });
});

describe('a store upgraded from schema version 4', () => {
  it('says which files to read again to have their notices, and has them once they are', async () => {
    const path = join(folder, 'v4.duckdb');
    const file = join(FIXTURES, 'damaged/excel-mojibake.csv');
    const v4 = await Store.open(path);
    await importOne(v4, file);
    await importOne(v4, join(FIXTURES, 'twcs_kaggle_sample.csv'));
    await v4.run('ALTER TABLE import_batches DROP COLUMN notices');
    await v4.run('ALTER TABLE import_batches DROP COLUMN local_times_in');
    await v4.run("UPDATE replybench_meta SET value = '4' WHERE key = 'schema_version'");
    v4.close();
    const upgraded = await Store.open(path);
    try {
      // Only the file whose import had a warning is named.
      expect(upgraded.notices).toEqual([expect.stringMatching(new RegExp(`^upgraded the store from schema version 4 to 6: .* read it again, adding no post, with: replybench import --again ${file}$`))]);
      const noticesOf = async () =>
        (await withAnalysis(upgraded, config, '2017-10', (analysis) => readStoreFacts(analysis), { cache: false })).imports.map((batch) => batch.notices.map((notice) => notice.code));
      expect(await noticesOf()).toEqual([[], []]);
      await importOne(upgraded, file, { again: true });
      expect(await noticesOf()).toEqual([['rows'], []]);
    } finally {
      upgraded.close();
    }
  });
});

describe('the files a report lists', () => {
  it('leaves out a file all of whose posts fall outside the months the figures rest on, and keeps one that added no post', async () => {
    const path = join(folder, 'dates.duckdb');
    const dated = await Store.open(path);
    try {
      const twcs = (rows: Array<[string, string]>) =>
        `tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n${rows.map(([id, date]) => `${id},cust${id},True,${date},@sprintcare help,,`).join('\n')}\n`;
      const write = (name: string, text: string) => {
        writeFileSync(join(folder, name), text);
        return join(folder, name);
      };
      // Last year's file (September 2015), October 2017's, and a copy of two of October's rows under another name: all duplicates.
      await importOne(dated, write('old.csv', twcs([['1', 'Tue Sep 15 10:00:00 +0000 2015'], ['2', 'Tue Sep 15 11:00:00 +0000 2015']])));
      await importOne(dated, write('october.csv', twcs([['3', 'Tue Oct 10 10:00:00 +0000 2017'], ['4', 'Tue Oct 10 11:00:00 +0000 2017']])));
      await importOne(dated, write('again.csv', twcs([['4', 'Tue Oct 10 11:00:00 +0000 2017'], ['3', 'Tue Oct 10 10:00:00 +0000 2017']])));
      const listed = await withAnalysis(dated, config, '2017-10', (analysis) => readStoreFacts(analysis), { cache: false });
      expect(listed.imports.map((batch) => batch.file.split('/').pop())).toEqual(['october.csv', 'again.csv']);
      // A report of September 2015 lists the old file, and the one that added no post (its dates are not known).
      const old = await withAnalysis(dated, config, '2015-09', (analysis) => readStoreFacts(analysis), { cache: false });
      expect(old.imports.map((batch) => batch.file.split('/').pop())).toEqual(['old.csv', 'again.csv']);
    } finally {
      dated.close();
    }
  });
});
