/**
 * Issue 9, cases 3 and 6: rows whose cells do not fit the header. A comma
 * inside an unquoted text shifts every value after it: such a row is
 * rejected with its line and text, the rest of the file imports unchanged. A
 * field over DuckDB's own line limit imports (up to 64 MB); beyond, the row
 * is rejected with the limit named.
 */
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSummary } from '../../../src/cli/commands/import-summary.js';
import { tooManyCellsReason } from '../../../src/ingest/source/recover.js';
import { importOne, openStore, rejects, tempFile, tempFolder } from '../helpers.js';
import { DAMAGED, expectedExcept, SAMPLE_TEXT, storedTwcsPosts } from './expected.js';
import { storedRows } from '../../stored-rows.js';

const TOO_MANY = tooManyCellsReason(7, ',');
const RESPONSES_NOT_IDS = 'response_tweet_id is not a list of ids (a delimiter inside an unquoted text shifted the cells?)';

describe('case 3: a comma inside an unquoted text', () => {
  it('rejects the shifted rows with line, reason and raw text, whether the extra cell is empty or not, and stores every other row unchanged', async () => {
    const store = await openStore();
    const path = join(DAMAGED, 'comma-shift.csv');
    const result = await importOne(store, path);
    expect(result).toMatchObject({ rowsRead: 93, imported: 90, rejected: 3, rejectedByReason: { [TOO_MANY]: 2, [RESPONSES_NOT_IDS]: 1 } });
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(await rejects(store)).toEqual([
      { batch_id: 1, file: path, line: 94, reason: RESPONSES_NOT_IDS, raw: lines[93] },
      { batch_id: 1, file: path, line: 97, reason: TOO_MANY, raw: lines[96] },
      { batch_id: 1, file: path, line: 99, reason: TOO_MANY, raw: lines[98] },
    ]);
    expect(lines[96]).toBe('119331,105860,True,Wed Oct 11 13:47:14 +0000 2017,@UPSHelp I paid 5,100 dollars,,');
    // The summary gives each reason's first line, as import_rejects holds it.
    expect(result.rejectedFirstAt).toEqual({ unit: 'line', lines: { [RESPONSES_NOT_IDS]: 94, [TOO_MANY]: 97 } });
    expect(fileSummary(result)).toContain(`3 rows rejected (${TOO_MANY} (2 rows, the first at line 97); ${RESPONSES_NOT_IDS} (line 94); listed in import_rejects, batch 1)`);
    expect(await storedTwcsPosts(store)).toEqual(expectedExcept(SAMPLE_TEXT, ['119328', '119331', '119333']));
  });

  it('a file whose every row ends with an extra empty cell is read as it is (the exporter\'s trailing delimiter)', async () => {
    const store = await openStore();
    const [header, ...rows] = SAMPLE_TEXT.split('\n').slice(0, 12);
    // Rows 2-12 of the sample hold 10 records; two span two lines and end on the second.
    const text = [header, ...rows.map((line) => (/,\d*,\d*$/.test(line) ? `${line},` : line))].join('\n');
    const result = await importOne(store, tempFile('trailing.csv', `${text}\n`));
    expect(result).toMatchObject({ rejected: 0, imported: result.rowsRead });
  });

  it('a Windows (CRLF) file keeps its texts as they are, line breaks inside quotes included, with no note about line ends', async () => {
    const store = await openStore();
    const rows = [
      'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id',
      '1,a,True,Tue Oct 31 22:10:47 +0000 2017,"two\r\nlines",,',
      '2,b,True,Tue Oct 31 22:10:47 +0000 2017,one, two,,',
      '3,c,True,Tue Oct 31 22:10:47 +0000 2017,"last ""cell"" quoted",,"1"',
      '4,d,True,Tue Oct 31 22:10:47 +0000 2017,plain,,1',
    ];
    const result = await importOne(store, tempFile('crlf.csv', `${rows.join('\r\n')}\r\n`));
    expect(result).toMatchObject({ rowsRead: 4, imported: 3, rejected: 1, warnings: [] });
    expect(await storedRows(store, 'SELECT post_id, text, parent_id FROM posts ORDER BY post_id')).toEqual([
      { post_id: '1', text: 'two\r\nlines', parent_id: null },
      { post_id: '3', text: 'last "cell" quoted', parent_id: '1' },
      { post_id: '4', text: 'plain', parent_id: '1' },
    ]);
    expect((await rejects(store)).map((row) => [row.line, row.raw])).toEqual([[4, rows[2]]]);
  });

  it('a line of a multi-line text keeps its own line number when rows around it are rejected', async () => {
    const store = await openStore();
    const path = tempFile('multi.csv', [
      'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id',
      '1,a,True,Tue Oct 31 22:10:47 +0000 2017,"two',
      'lines",,',
      '2,b,True,Tue Oct 31 22:10:47 +0000 2017,one, two,,',
      '3,c,True,Tue Oct 31 22:10:47 +0000 2017,fine,,',
      '',
      '4,d,True,not a date,bad date,,',
      '',
    ].join('\n'));
    const result = await importOne(store, path);
    expect(result).toMatchObject({ rowsRead: 4, imported: 2, rejected: 2 });
    expect((await rejects(store)).map((row) => [row.line, row.reason])).toEqual([
      [4, TOO_MANY],
      [7, 'unparseable date'],
    ]);
  });
});

describe('case 3 in other layouts', () => {
  it('a workbook row with a cell beyond the header is rejected with its sheet row', async () => {
    const store = await openStore();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Mentions');
    sheet.addRow(['tweet_id', 'author_id', 'inbound', 'created_at', 'text', 'response_tweet_id', 'in_response_to_tweet_id']);
    sheet.addRow(['1', 'a', 'True', 'Tue Oct 31 22:10:47 +0000 2017', 'fine', '', '']);
    sheet.addRow(['2', 'b', 'True', 'Tue Oct 31 22:10:47 +0000 2017', 'one', ' two', '', '', 'stray']);
    sheet.addRow(['3', 'c', 'True', 'Tue Oct 31 22:10:47 +0000 2017', 'short']);
    const path = join(tempFolder(), 'export.xlsx');
    await book.xlsx.writeFile(path);
    const result = await importOne(store, path);
    expect(result).toMatchObject({ encoding: 'xlsx', rowsRead: 3, imported: 2, rejected: 1 });
    expect((await rejects(store)).map((row) => [row.line, row.reason, row.raw])).toEqual([[3, tooManyCellsReason(7, ','), '2,b,True,Tue Oct 31 22:10:47 +0000 2017,one, two,,,stray']]);
  });

  it('below report metadata (Brandwatch), a semicolon file keeps the original lines', async () => {
    const store = await openStore();
    const mapping = tempFile('mapping.yaml', 'columns:\n  id: ID\n  author: User\n  date: When\n  text: Message\nplatform: twitter\ndelimiter: ";"\n');
    const data = tempFile('data.csv', 'Report;Acme\n;;;\nID;User;When;Message\n1;a;2017-10-31 10:00;hola\n2;b;2017-10-31 10:00;uno; dos\n3;c;2017-10-31 10:00;adiós\n');
    const result = await importOne(store, data, { format: 'generic', mapping });
    expect(result).toMatchObject({ rowsRead: 3, imported: 2, rejected: 1 });
    expect((await rejects(store)).map((row) => [row.line, row.raw])).toEqual([[5, '2;b;2017-10-31 10:00;uno; dos']]);
    expect((await storedRows(store, 'SELECT text FROM posts ORDER BY post_id')).map((row) => row.text)).toEqual(['hola', 'adiós']);
  });
});

describe('case 6: very long fields', () => {
  const base = SAMPLE_TEXT.split('\n').slice(0, 4).join('\n');

  it('a 10 MB text imports whole', async () => {
    const store = await openStore();
    const long = 'x'.repeat(10 * 1024 * 1024);
    const path = join(tempFolder(), 'long.csv');
    writeFileSync(path, `${base}\n119999,105999,True,Wed Oct 11 06:55:44 +0000 2017,"${long}",,\n`);
    const result = await importOne(store, path);
    expect(result).toMatchObject({ rowsRead: 4, imported: 4, rejected: 0 });
    const [row] = await storedRows(store, "SELECT length(text)::DOUBLE AS n FROM posts WHERE post_id = '119999'");
    expect(row?.n).toBe(long.length);
  });

  it('a field over 64 MB rejects its row, naming the limit; the other rows import', async () => {
    const store = await openStore();
    const path = join(tempFolder(), 'huge.csv');
    writeFileSync(path, `${base}\n119999,105999,True,Wed Oct 11 06:55:44 +0000 2017,"${'y'.repeat(65 * 1024 * 1024)}",,\n119998,105998,True,Wed Oct 11 06:55:44 +0000 2017,after it,,\n`);
    const result = await importOne(store, path);
    expect(result).toMatchObject({ rowsRead: 5, imported: 4, rejected: 1, rejectedByReason: { 'a field is longer than 64 MB, the most replybench reads': 1 } });
    const [reject] = await rejects(store);
    expect(reject?.line).toBe(5);
    expect(reject?.raw.startsWith('119999,105999,True,')).toBe(true);
    expect(reject?.raw).toMatch(/\[\.\.\. [\d,]+ more characters not kept\]$/);
  });
});
