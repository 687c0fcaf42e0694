import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../src/report/i18n/language.js';
import { writeReport, type WrittenReport } from '../../src/report/index.js';
import { ReportTemplate } from '../../src/report/template.js';
import type { Store } from '../../src/store/database.js';
import { analystWordsIn, deckWords, jsonFields, pdfWords, workbookWords } from './clientText.js';
import { fixtureConfig, fixtureStore } from './fixtureStore.js';

/*
 * The Twitter fixture is partial data as agencies get it: 13 of the 31 days,
 * two brands, rows rejected at import, no sentiment, no follower counts, no
 * business hours. Its PDF, deck and workbook, in every language, say so in
 * the client's words; the config keys, JSON fields, store tables and file
 * paths are in the workbook's analyst notes only.
 */
const out = mkdtempSync(join(tmpdir(), 'replybench-client-pages-'));
const written: Partial<Record<Language, WrittenReport>> = {};
let store: Store;

beforeAll(async () => {
  store = await fixtureStore();
  for (const lang of LANGUAGES) {
    written[lang] = await writeReport({ config: fixtureConfig(), store, period: '2017-10', outDir: join(out, lang), lang, formats: ['pdf', 'pptx', 'xlsx'], generatedAt: new Date('2017-11-03T10:00:00Z') });
  }
}, 180_000);

afterAll(() => {
  store?.close();
  rmSync(out, { recursive: true, force: true });
});

function report(lang: Language): Required<Pick<WrittenReport, 'json'>> & { pdf: string; pptx: string; xlsx: string } {
  const value = written[lang];
  if (!value?.pdf || !value.pptx || !value.xlsx) throw new Error(`no ${lang} report`);
  return { json: value.json, pdf: value.pdf, pptx: value.pptx, xlsx: value.xlsx };
}

describe('client pages of a report on partial data', () => {
  it.each(LANGUAGES)('%s: no config key, JSON field, CLI flag, store table or path on any page, slide or client sheet', async (lang) => {
    const files = report(lang);
    const fields = jsonFields(JSON.parse(readFileSync(files.json, 'utf8')));
    expect(fields.has('responseTimeMedianMin')).toBe(true);
    const t = ReportTemplate.open(undefined).strings(lang);
    const sheets = await workbookWords(files.xlsx);
    const clientSheets = [...sheets].filter(([name]) => name !== t['analyst.sheet']);
    expect(clientSheets.length).toBe(sheets.size - 1);
    expect(clientSheets.length).toBeGreaterThan(2);
    const pdf = pdfWords(files.pdf);
    const deck = await deckWords(files.pptx);
    // The texts searched are the report's, not empty: both name the client.
    expect([pdf.includes('Acme Telecom'), deck.includes('Acme Telecom')]).toEqual([true, true]);
    const found = {
      pdf: analystWordsIn(pdf, fields),
      deck: analystWordsIn(deck, fields),
      ...Object.fromEntries(clientSheets.map(([name, text]) => [`sheet ${name}`, analystWordsIn(text, fields)])),
    };
    expect(Object.entries(found).filter(([, words]) => words.length > 0)).toEqual([]);
  });

  it.each(LANGUAGES)('%s: says in one line each what the exports lack, and leaves its section out', async (lang) => {
    const t = ReportTemplate.open(undefined).strings(lang);
    const pdf = pdfWords(report(lang).pdf).replace(/\s+/g, ' ');
    const deck = (await deckWords(report(lang).pptx)).replace(/\s+/g, ' ');
    for (const text of [pdf, deck]) {
      expect(text).toContain(t['absent.sentiment']?.replace(/\s+/g, ' '));
      expect(text).toContain(t['absent.followers']?.replace(/\s+/g, ' '));
      expect(text).not.toContain(t['section.audience']);
    }
  });

  it('keeps what the analyst needs in the analyst notes: the file as imported, the store table of rejected rows, the export columns and config keys to add', async () => {
    const t = ReportTemplate.open(undefined).strings('en');
    const notes = (await workbookWords(report('en').xlsx)).get(t['analyst.sheet'] ?? '') ?? '';
    expect(notes).toContain('exports/acme_october.csv');
    expect(notes).toContain('import_rejects');
    expect(notes).toContain('“sentiment” column');
    expect(notes).toContain('businessHours');
    expect(analystWordsIn(notes).length).toBeGreaterThan(0);
  });
});
