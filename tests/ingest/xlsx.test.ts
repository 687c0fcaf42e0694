import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { cellText } from '../../src/ingest/source/xlsx.js';
import { type Cell, columnLetters } from '../../src/ingest/source/xlsx/sheet.js';
import { SwappedDatesWatch } from '../../src/ingest/source/xlsx/swapped-dates.js';
import { allPosts, DATE, FIXTURES, importError, importOne, openStore, rejects, tempFile, tempFolder } from './helpers.js';

const HEADER = ['tweet_id', 'author_id', 'inbound', 'created_at', 'text', 'response_tweet_id', 'in_response_to_tweet_id'];

async function workbook(rows: unknown[][], extraSheet = false): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Mentions');
  rows.forEach((row, index) => {
    if (row.length) sheet.getRow(index + 1).values = row as ExcelJS.CellValue[];
  });
  if (extraSheet) book.addWorksheet('Notes').addRow(['not data']);
  const path = join(tempFolder(), 'export.xlsx');
  await book.xlsx.writeFile(path);
  return path;
}

/** A sheet named Mentions holding one twcs mention, whose text is x. */
function addMentions(book: ExcelJS.Workbook): void {
  const mentions = book.addWorksheet('Mentions');
  mentions.addRow(HEADER);
  mentions.addRow(['1', 'a', 'True', DATE, 'x', '', '']);
}

describe('xlsx workbooks', () => {
  it('streams the first sheet and imports it like the CSV of the same format, with sheet rows as line numbers', async () => {
    const store = await openStore();
    const path = await workbook([
      HEADER,
      ['1', 'Cliente', 'True', DATE, 'first line\nsecond line', '2', ''],
      [],
      [2, 'AcmeCares', 'False', DATE, { richText: [{ text: '@cliente ' }, { text: 'hola' }] }, '', '1'],
      ['', 'nobody', 'True', DATE, 'no id', '', ''],
    ]);
    const result = await importOne(store, path);
    expect(result).toMatchObject({ format: 'twcs', encoding: 'xlsx', rowsRead: 4, imported: 2, skippedBlank: 1, rejected: 1 });
    const posts = await allPosts(store);
    expect(posts.map((post) => [post.post_id, post.text, post.parent_id])).toEqual([
      ['1', 'first line\nsecond line', null],
      ['2', '@cliente hola', '1'],
    ]);
    expect((await rejects(store)).map((row) => [row.line, row.reason])).toEqual([[5, 'missing post id']]);
  });

  it('finds the header below report metadata and an empty row (Brandwatch workbook)', async () => {
    const store = await openStore();
    const header = ['Query Id', 'Query Name', 'Date', 'Title', 'Url', 'Domain', 'Sentiment', 'Page Type', 'Author', 'Full Text', 'Thread Entry Type'];
    const path = await workbook([
      ['Report:', 'Acme mentions'],
      ['Date range:', '2017-10-01 - 2017-10-31'],
      [],
      header,
      ['1', 'Acme', new Date(Date.UTC(2017, 9, 31, 22, 10, 47)), '', 'https://twitter.com/jane/status/111', 'twitter.com', 'neutral', 'twitter', 'jane', '@Acme hello', 'post'],
    ]);
    const result = await importOne(store, path);
    expect(result).toMatchObject({ format: 'brandwatch', encoding: 'xlsx', rowsRead: 1, imported: 1 });
    expect((await allPosts(store))[0]).toMatchObject({ created_at: '2017-10-31T22:10:47Z', author: 'jane' });
  });

  it('reads the real Talkwalker rows saved as a workbook, with `published` as Excel date cells', async () => {
    const store = await openStore();
    const rows = Papa.parse<string[]>(readFileSync(join(FIXTURES, 'formats/talkwalker.csv'), 'utf8'), { skipEmptyLines: true }).data;
    const header = rows[0] ?? [];
    const published = header.indexOf('published');
    const path = await workbook([header, ...rows.slice(1).map((row) => row.map((cell, index) => (index === published ? new Date(Date.UTC(2025, 7, 13, 9, 7, 0)) : cell)))]);
    const result = await importOne(store, path, { timezone: 'Europe/Paris' });
    expect(result).toMatchObject({ format: 'talkwalker', encoding: 'xlsx', rowsRead: 5, imported: 5, rejected: 0 });
    expect(new Set((await allPosts(store)).map((post) => post.created_at))).toEqual(new Set(['2025-08-13T07:07:00Z']));
  });

  it('says when other worksheets were not read', async () => {
    const store = await openStore();
    const result = await importOne(store, await workbook([HEADER, ['1', 'a', 'True', DATE, 'x', '', '']], true));
    expect(result.warnings).toContain('the workbook has more than one worksheet with data: only "Mentions" was read (the first tab shown), not "Notes"');
  });

  it('says how many cells hold a formula without its saved result, read empty, and where the first is', async () => {
    const store = await openStore();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Mentions');
    sheet.addRow(HEADER);
    sheet.addRow(['1', 'a', 'True', DATE, 'saved', '', '']);
    // A program wrote the formula and no spreadsheet computed it: no <v> in the cell. One with its result is a value like any.
    sheet.addRow(['2', 'b', 'True', DATE, { formula: '"x"&"y"' }, '', '']);
    sheet.addRow(['3', 'c', 'True', DATE, { formula: '"x"&"z"', result: 'xz' }, '', '']);
    const path = join(tempFolder(), 'formulas.xlsx');
    await book.xlsx.writeFile(path);
    const result = await importOne(store, path);
    expect(result).toMatchObject({ imported: 3 });
    expect(result.warnings).toContain('1 cell holds a formula without its result (the workbook was written by a program and never saved by a spreadsheet): read empty (first on row 3); open it in Excel and save it, or export CSV');
    expect((await allPosts(store)).map((post) => post.text)).toEqual(['saved', null, 'xz']);
  });

  it('keeps every accented letter of a long sheet, wherever the zip cuts its text into chunks', async () => {
    const store = await openStore();
    // 2,000 texts of 200 two-byte letters: the shared strings run to 800 KB, read in chunks of 16 KB, and half the cuts fall inside a letter.
    const texts = Array.from({ length: 2000 }, (_, index) => `${'é'.repeat(199)}ñ ${index}`);
    const path = await workbook([HEADER, ...texts.map((text, index) => [String(index + 1), 'a', 'True', DATE, text, '', ''])]);
    expect(await importOne(store, path)).toMatchObject({ imported: 2000, rejected: 0 });
    const stored = new Map((await allPosts(store)).map((post) => [post.post_id, post.text]));
    expect(texts.filter((text, index) => stored.get(String(index + 1)) !== text)).toEqual([]);
  });

  it('reads the first tab as Excel shows it, whatever the order of the parts in the zip', async () => {
    const store = await openStore();
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Notes').addRow(['not data']);
    addMentions(book);
    const written = await JSZip.loadAsync(await book.xlsx.writeBuffer());
    // Moves the Mentions tab (sheet2.xml) before Notes (sheet1.xml), and stores the sheets first, in their numbers' order, the workbook and its links last.
    const workbookXml = (await written.file('xl/workbook.xml')?.async('string')) ?? '';
    const tabs = workbookXml.match(/<sheet [^>]*\/>/g) ?? [];
    expect(tabs).toHaveLength(2);
    const reordered = workbookXml.replace(tabs.join(''), [...tabs].reverse().join(''));
    const names = Object.keys(written.files).filter((name) => !written.files[name]?.dir);
    const zip = new JSZip();
    const sheetsFirst = [...names.filter((name) => name.startsWith('xl/worksheets/')), ...names.filter((name) => !name.startsWith('xl/worksheets/')).reverse()];
    expect(sheetsFirst.slice(0, 2)).toEqual(['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']);
    for (const name of sheetsFirst) zip.file(name, name === 'xl/workbook.xml' ? reordered : await (written.file(name)?.async('uint8array') ?? new Uint8Array()));
    const path = join(tempFolder(), 'tabs.xlsx');
    writeFileSync(path, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const result = await importOne(store, path);
    expect(result).toMatchObject({ format: 'twcs', imported: 1 });
    expect(result.warnings).toContain('the workbook has more than one worksheet with data: only "Mentions" was read (the first tab shown), not "Notes"');
    expect((await allPosts(store)).map((post) => post.text)).toEqual(['x']);
  });

  it('names, when its first sheet is no export, the sheets after it that hold data', async () => {
    const store = await openStore();
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Summary').addRow(['Export summary']);
    addMentions(book);
    const path = join(tempFolder(), 'summary-first.xlsx');
    await book.xlsx.writeFile(path);
    expect(await importError(store, path)).toContain(
      `${path}:1: unknown export layout (header: "Export summary"). Only the workbook's first sheet, "Summary", was read; its sheet "Mentions" holds data too: if the export is there, move its tab first and save, or save that sheet as CSV.`,
    );
  });

  it('reads the first tab shown, not a hidden one before it', async () => {
    const store = await openStore();
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Lookup', { state: 'hidden' }).addRow(['not', 'the', 'export']);
    addMentions(book);
    const path = join(tempFolder(), 'hidden.xlsx');
    await book.xlsx.writeFile(path);
    const result = await importOne(store, path);
    expect(result).toMatchObject({ format: 'twcs', imported: 1 });
    // The hidden sheet before it is named as not read, after the one that was.
    expect(result.warnings).toContain('the workbook has more than one worksheet with data: only "Mentions" was read (the first tab shown), not "Lookup"');
    expect((await allPosts(store)).map((post) => post.text)).toEqual(['x']);
  });

  it('passes over a chart sheet shown first, and finds parts whatever the case of their names', async () => {
    const store = await openStore();
    const book = new ExcelJS.Workbook();
    addMentions(book);
    const written = await JSZip.loadAsync(await book.xlsx.writeBuffer());
    const zip = new JSZip();
    for (const [name, file] of Object.entries(written.files)) {
      if (file.dir) continue;
      let content: string | Uint8Array = await file.async('uint8array');
      if (name === 'xl/workbook.xml') content = (await file.async('string')).replace('<sheets>', '<sheets><sheet name="Chart" sheetId="9" r:id="rIdChart"/>');
      if (name === 'xl/_rels/workbook.xml.rels') {
        const chart = '<Relationship Id="rIdChart" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>';
        content = (await file.async('string')).replace('</Relationships>', `${chart}</Relationships>`);
      }
      // Spelt otherwise than the workbook's links spell it.
      zip.file(name === 'xl/sharedStrings.xml' ? 'xl/SharedStrings.xml' : name, content);
    }
    zip.file('xl/chartsheets/sheet1.xml', '<?xml version="1.0" encoding="UTF-8"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
    const path = join(tempFolder(), 'chart.xlsx');
    writeFileSync(path, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    expect(await importOne(store, path)).toMatchObject({ format: 'twcs', imported: 1, warnings: [] });
    expect((await allPosts(store)).map((post) => [post.author, post.text])).toEqual([['a', 'x']]);
  });

  it('refuses a sheet whose dates a spreadsheet converted the wrong way round, naming the column and rows, and stores nothing', async () => {
    const store = await openStore();
    // A day-first export opened month-first: 09/11/25 became 11 September, 13/11/25 stayed text.
    const path = await workbook([
      HEADER,
      ['1', 'a', 'True', new Date(Date.UTC(2025, 8, 11, 19, 17, 6)), 'x', '', ''],
      ['2', 'b', 'True', '13/11/25 10:51:49', 'y', '', ''],
    ]);
    expect(await importError(store, path)).toBe(
      `${path}: column D (created_at) mixes dates the spreadsheet converted (row 2) with dates it left as text (row 3: "13/11/25 10:51:49"): it read the export's dates day and month the other way round, so every converted date is wrong. Import the original CSV export, or open it with that column as text before saving.`,
    );
    expect(await allPosts(store)).toEqual([]);
  });

  it('tells a swapped date column from one that only mixes dates and text', () => {
    const column = (cells: Cell[]) => {
      const watch = new SwappedDatesWatch();
      cells.forEach((cell, index) => {
        watch.see(28, index + 2, cell);
      });
      return watch.swapped();
    };
    const converted = new Date(Date.UTC(2025, 8, 11, 19, 17, 6));
    expect(column([converted, '13/11/25 10:51:49'])).toEqual({ column: 'AB', heading: null, dateRow: 2, textRow: 3, text: '13/11/25 10:51:49' });
    expect(column(['published\u001b[2J\u202e', converted, '13/11/25 10:51:49'])).toMatchObject({ heading: 'published [2J', dateRow: 3 });
    expect(column([converted, '11-13-2025'])).toMatchObject({ textRow: 3 });
    // A date with a day past 12 was not read the wrong way round; a text either order reads says nothing; nor does text alone.
    expect(column([converted, new Date(Date.UTC(2025, 8, 20)), '13/11/25 10:51:49'])).toBeNull();
    expect(column([converted, '10/11/25 10:51:49', 'thanks 13/11/25'])).toBeNull();
    expect(column(['13/11/25 10:51:49', '31/10/25'])).toBeNull();
  });

  it('names a swapped column by its header: the row above the data that names the most columns, below report lines', () => {
    const converted = new Date(Date.UTC(2025, 8, 11, 19, 17, 6));
    const sheet: Cell[][] = [
      ['Report: Acme mentions'],
      [],
      ['id', 'author', 'created', 'text'],
      ['1', 'ana', 'n/a', 'hello'],
      ['2', 'luis', converted, 'hi'],
      ['3', 'eva', '13/11/25 10:51:49', 'hey'],
    ];
    const watch = new SwappedDatesWatch();
    sheet.forEach((cells, row) => {
      cells.forEach((cell, column) => {
        watch.see(column + 1, row + 1, cell);
      });
    });
    expect(watch.swapped()).toEqual({ column: 'C', heading: 'created', dateRow: 5, textRow: 6, text: '13/11/25 10:51:49' });
  });

  it('names columns as Excel does', () => {
    expect([1, 26, 27, 52, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });

  it('imports the first sheet when another sheet, not read, is damaged, and says that sheet could not be read', async () => {
    const store = await openStore();
    const book = new ExcelJS.Workbook();
    addMentions(book);
    book.addWorksheet('Broken').addRow(['placeholder']);
    const written = await JSZip.loadAsync(await book.xlsx.writeBuffer());
    written.file('xl/worksheets/sheet2.xml', '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="5"><c r="A5" t="s"><v>99</v></c></row><row r="2"/></sheetData></worksheet>');
    const path = join(tempFolder(), 'broken-second.xlsx');
    writeFileSync(path, await written.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const result = await importOne(store, path);
    expect(result).toMatchObject({ imported: 1 });
    expect(result.warnings).toEqual(['another worksheet is damaged and could not be read; only the first worksheet is imported']);
  });

  it('refuses a file named .xlsx that is not a workbook', async () => {
    const store = await openStore();
    const path = tempFile('fake.xlsx', 'tweet_id,author_id\n1,2\n');
    expect(await importError(store, path)).toBe(`${path}: has the .xlsx extension but is not an Excel workbook (damaged or renamed?). Export it again.`);
  });

  it('rejects a post whose id is a number cell past 2^53 (pandas writes tweet ids so), never storing an id no post has', async () => {
    const store = await openStore();
    // 1536378608205740996 as a cell is 1.536378608205741e+18: written in full it would be 1536378608205741000.
    const asNumber = Number('1536378608205740996');
    const path = await workbook([HEADER, [asNumber, 'a', 'True', DATE, 'lost id', '', ''], [2, 'b', 'True', DATE, 'kept', '', asNumber], ['3', 'c', 'True', DATE, 'text id', '', '']]);
    const result = await importOne(store, path);
    expect(result).toMatchObject({ rowsRead: 3, imported: 2, rejected: 1 });
    expect((await allPosts(store)).map((post) => [post.post_id, post.parent_id])).toEqual([
      ['2', null],
      ['3', null],
    ]);
    expect((await rejects(store)).map((row) => [row.line, row.reason, row.raw.split(',')[0]])).toEqual([[2, expect.stringMatching(/^tweet_id is in scientific notation/), '1.536378608205741e+18']]);
    // The parent id the sheet lost is dropped, the reply kept, with a warning.
    expect(result.warnings).toContain('1 row: in_response_to_tweet_id is in scientific notation (Excel rounded it): the reply was kept without its parent (first at row 3)');
  });

  it("reads a date cell beside text dates when a generic mapping's date.format is the text's pattern", async () => {
    const store = await openStore();
    // The sheet mixes a real date cell (12 October, 07:00) with day-first text.
    const path = await workbook([['id', 'user', 'when', 'body'], ['1', 'ana', '11/10/2017 06:55', 'text date'], ['2', 'bea', new Date(Date.UTC(2017, 9, 12, 7, 0, 0)), 'date cell']]);
    const mapping = tempFile('mapping.yaml', 'columns: { id: id, author: user, date: when, text: body }\ndate: { format: "%d/%m/%Y %H:%M" }\nplatform: twitter\n');
    const result = await importOne(store, path, { format: 'generic', mapping, timezone: 'Europe/Madrid' });
    expect(result).toMatchObject({ rowsRead: 2, imported: 2, rejected: 0 });
    expect((await allPosts(store)).map((post) => [post.post_id, post.created_at])).toEqual([
      ['1', '2017-10-11T04:55:00Z'],
      ['2', '2017-10-12T05:00:00Z'],
    ]);
  });

  it('writes cells as a CSV export would', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(12.5)).toBe('12.5');
    // Whole numbers a cell holds exactly are written in full; past 2^53, as the cell holds them.
    expect(cellText(9007199254740991)).toBe('9007199254740991');
    expect(cellText(Number('1536378608205740996'))).toBe('1.536378608205741e+18');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(new Date(Date.UTC(2017, 9, 31, 22, 10, 47)))).toBe('2017-10-31 22:10:47');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    const early = new Date(0);
    early.setUTCFullYear(25, 0, 2);
    expect(cellText(early)).toBe('0025-01-02 00:00:00');
  });
});
