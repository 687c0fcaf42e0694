import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/analysis/period.js';
import { loadConfig } from '../../src/config/load.js';
import { importFiles } from '../../src/ingest/import.js';
import { Store } from '../../src/store/database.js';
import { scratch } from './helpers.js';
import { storedRows } from '../stored-rows.js';

const TWCS_HEADER = ['tweet_id', 'author_id', 'inbound', 'created_at', 'text', 'response_tweet_id', 'in_response_to_tweet_id'];

/** Imports files into a new in-memory store: what it holds after, and the error lines. */
async function importInto(paths: string[], request: Parameters<typeof importFiles>[2] = {}) {
  const store = await Store.open(':memory:');
  try {
    const outcome = await importFiles(store, paths, request);
    const [posts] = await storedRows(store, 'SELECT count(*)::DOUBLE AS n FROM posts');
    const rejects = await storedRows(store, 'SELECT reason FROM import_rejects ORDER BY line');
    return { results: outcome.results, failures: outcome.failures.map((failure) => failure.message), posts: posts?.n ?? 0, rejects: rejects.map((row) => row.reason) };
  } finally {
    store.close();
  }
}

/** A minimal workbook whose first sheet holds these rows (`r` is the row number the file claims). */
async function workbook(path: string, rows: Array<{ r: number; cells: string[] }>, extra: Record<string, string> = {}): Promise<string> {
  const zip = new JSZip();
  const column = (index: number) => String.fromCharCode(65 + index);
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  zip.file('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>');
  zip.file('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>');
  const sheetRows = rows.map(({ r, cells }) => `<row r="${r}">${cells.map((cell, index) => `<c r="${column(index)}${r}" t="inlineStr"><is><t>${cell}</t></is></c>`).join('')}</row>`);
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows.join('')}</sheetData></worksheet>`);
  for (const [name, content] of Object.entries(extra)) zip.file(name, content);
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return path;
}

/** Rewrites the unzipped size a workbook's central directory declares for one part (a zip can say anything). */
function declareSize(path: string, part: string, bytes: number): void {
  const zip = readFileSync(path);
  for (let at = zip.indexOf(CENTRAL_HEADER); at !== -1; at = zip.indexOf(CENTRAL_HEADER, at + 4)) {
    const nameLength = zip.readUInt16LE(at + 28);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) !== part) continue;
    zip.writeUInt32LE(bytes, at + 24);
    writeFileSync(path, zip);
    return;
  }
  throw new Error(`no ${part} in ${path}`);
}

const CENTRAL_HEADER = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
const ROW = ['5', 'ana', 'True', 'Mon Oct 02 10:00:00 +0000 2017', '@AcmeCares hi', '', ''];

describe('a workbook', () => {
  it('with a row numbered past Excel\'s last (1,048,576) is refused at once, without padding the sheet', async () => {
    // Were the sheet padded up to that row, the import would run out of memory or time instead of saying so.
    const path = await workbook(join(scratch(), 'rows.xlsx'), [{ r: 1, cells: TWCS_HEADER }, { r: 2, cells: ROW }, { r: 1_000_000_000, cells: ROW }]);
    const { failures, posts } = await importInto([path]);
    expect(failures).toEqual([
      `${path}: the first worksheet has a cell at row 1,000,000,000, but Excel's last row is 1,048,576: the workbook is damaged or was not made by a spreadsheet program. Open it in Excel and save it again, or export CSV.`,
    ]);
    expect(posts).toBe(0);
  });

  it('whose texts would take more than 1 GB once unzipped is refused before they are read, naming the part', async () => {
    const path = await workbook(join(scratch(), 'strings.xlsx'), [{ r: 1, cells: TWCS_HEADER }, { r: 2, cells: ROW }], {
      'xl/sharedStrings.xml': '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>x</t></si></sst>',
    });
    declareSize(path, 'xl/sharedStrings.xml', 1.5 * 1024 ** 3);
    const { failures, posts } = await importInto([path]);
    expect(failures).toEqual([`${path}: its xl/sharedStrings.xml is 1.5 GB once unzipped, more than the 1 GB replybench reads from a workbook. Export the mentions as CSV instead.`]);
    expect(posts).toBe(0);
  });

  it('whose part unzips to more than the zip declares is refused, not read past what it declared', async () => {
    const path = await workbook(join(scratch(), 'bomb.xlsx'), [{ r: 1, cells: TWCS_HEADER }, { r: 2, cells: ROW }]);
    declareSize(path, 'xl/worksheets/sheet1.xml', 100);
    const { failures, posts } = await importInto([path]);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain(`${path}: cannot read this Excel workbook (too many bytes in the stream. expected 100. got at least `);
    expect(posts).toBe(0);
  });
});

describe('a header', () => {
  function wide(columns: number): string {
    const extra = Array.from({ length: columns - TWCS_HEADER.length }, (_, index) => `extra${index}`);
    const row = (id: number, date: string) => [String(id), `user${id}`, 'True', date, '@AcmeCares hi', '', '', ...extra.map(() => 'x')].join(',');
    const blank = Array.from({ length: columns }, () => '').join(',');
    const path = join(scratch(), `wide-${columns}.csv`);
    writeFileSync(path, `${[...TWCS_HEADER, ...extra].join(',')}\n${row(1, 'Mon Oct 02 10:00:00 +0000 2017')}\n${blank}\n${row(2, 'not a date')}\n`);
    return path;
  }

  it('of 2,000 columns is read (a blank row and a rejected row included)', async () => {
    const { failures, results, rejects } = await importInto([wide(2000)]);
    expect(failures).toEqual([]);
    expect(results[0]).toMatchObject({ rowsRead: 3, imported: 1, skippedBlank: 1, rejected: 1 });
    expect(rejects).toEqual(['unparseable date']);
  });

  it('of more than 2,000 columns is refused with the count', async () => {
    const path = wide(2001);
    expect((await importInto([path])).failures).toEqual([
      `${path}:1: the header has 2,001 columns, more than the 2,000 replybench reads; this is not a mention export, or it is split by the wrong delimiter. Export the data again with the columns you need.`,
    ]);
  });

  it('that is one long run of text without a line break is refused as such, not as thousands of columns', async () => {
    const path = join(scratch(), 'oneline.csv');
    writeFileSync(path, 'a'.repeat(1024 * 1024));
    const [failure = ''] = (await importInto([path])).failures;
    expect(failure.startsWith(`${path}:1: the first `)).toBe(true);
    expect(failure.slice(`${path}:1: the first `.length)).toMatch(/^[\d,]+ KB hold no line break, so the file has no header row; this is not a mention export\. Export the data again as CSV, TSV or XLSX\.$/);
  });
});

describe('a field', () => {
  it('unquoted and 40 MB long is read, as a quoted one is', async () => {
    const path = join(scratch(), 'long.csv');
    const text = `@AcmeCares ${'y'.repeat(40 * 1024 * 1024)}`;
    writeFileSync(path, `${TWCS_HEADER.join(',')}\n1,ana,True,Mon Oct 02 10:00:00 +0000 2017,@AcmeCares hi,,\n2,luis,True,Mon Oct 02 10:01:00 +0000 2017,${text},,\n`);
    const { failures, results } = await importInto([path]);
    expect(failures).toEqual([]);
    expect(results[0]).toMatchObject({ rowsRead: 2, imported: 2 });
  });
});

describe('dates', () => {
  it('that a day/month swap would read are reported as such, and none is stored on a wrong day', async () => {
    const folder = scratch();
    const mapping = join(folder, 'mapping.yaml');
    writeFileSync(mapping, 'columns: { id: id, author: user, date: date, text: text }\ndate: { format: "%m/%d/%Y %H:%M" }\nplatform: twitter\n');
    const data = join(folder, 'dayfirst.csv');
    writeFileSync(data, 'id,user,date,text\n1,a,13/10/2024 10:00,hi\n2,b,05/10/2024 11:00,yo\n3,c,25/10/2024 12:00,x\n4,d,02/11/2024 10:00,y\n5,e,03/11/2024 10:00,z\n');
    const { failures, posts } = await importInto([data], { format: 'generic', mapping });
    expect(failures).toEqual([
      `${data}: the file looks day-first: 2 of 5 dates fail as %m/%d and all parse as %d/%m, so the others would be stored on wrong days; set date.format to "%d/%m/%Y %H:%M" in ${mapping} and import it again.`,
    ]);
    expect(posts).toBe(0);
  });

  it('in two orders in one file are refused: a date either order reads cannot be placed', async () => {
    const folder = scratch();
    const mapping = join(folder, 'mapping.yaml');
    writeFileSync(mapping, 'columns: { id: id, author: user, date: date, text: text }\ndate: { format: "%d/%m/%Y %H:%M" }\nplatform: twitter\n');
    const data = join(folder, 'mixed.csv');
    // 13/10, 14/10 and 25/10 read only day-first, 10/14, 10/15 and 10/20 only month-first: 05/10 and 02/11 may be 5 October or 10 May.
    const dates = ['13/10/2024', '14/10/2024', '25/10/2024', '10/14/2024', '10/15/2024', '10/20/2024', '05/10/2024', '02/11/2024'];
    const csv = (days: readonly string[]) => `id,user,date,text\n${days.map((day, index) => `${index + 1},u${index},${day} 10:00,hi`).join('\n')}\n`;
    writeFileSync(data, csv(dates));
    const { failures, posts } = await importInto([data], { format: 'generic', mapping });
    expect(failures).toEqual([
      `${data}: the file writes its dates in two orders: 3 read only as %d/%m ("13/10/2024 10:00"), 3 only as %m/%d ("10/14/2024 10:00"), so the 2 that read either way cannot be placed; export it again with one date format (ISO dates, 2025-04-03, read alike everywhere) and import it again.`,
    ]);
    expect(posts).toBe(0);
    // One date typed the other way round among many is a slip: its row is rejected as a date that does not read, the others stored.
    const slip = join(folder, 'slip.csv');
    writeFileSync(slip, csv([...dates.slice(0, 3), '10/14/2024', ...Array.from({ length: 16 }, () => '21/10/2024'), '05/10/2024']));
    const imported = await importInto([slip], { format: 'generic', mapping });
    expect(imported.failures).toEqual([]);
    expect([imported.posts, imported.rejects.length]).toEqual([20, 1]);
  });

  it('with an offset beyond ±14:00 are rejected, not stored a day off', async () => {
    const path = join(scratch(), 'offsets.csv');
    // +1375 is 13 hours and 75 minutes, 14:15: beyond too, though its hours are not; +1259 (12:59) is within.
    const dates = ['+2500', '+1400', '-1401', '+1375', '+1259'].map((offset, index) => `${index + 1},a${index},True,Mon Oct 02 10:00:00 ${offset} 2017,@AcmeCares hi,,`);
    writeFileSync(path, `${TWCS_HEADER.join(',')}\n${dates.join('\n')}\n`);
    const { posts, rejects } = await importInto([path]);
    expect(posts).toBe(2);
    expect(rejects).toEqual(Array.from({ length: 3 }, () => 'UTC offset beyond ±14:00 (no place on Earth is further from UTC)'));
  });
});

describe('a period', () => {
  it('outside 2006-2100 is refused clearly', () => {
    expect(() => parsePeriod('0001-01-01..9999-12-31', 'UTC')).toThrow(
      '--period "0001-01-01..9999-12-31": the years 0001 and 9999 are outside 2006-2100, the years mention data can come from; use a month (2017-10), a quarter (2017-Q4) or two dates FROM..TO, both included (2017-10-01..2017-10-15).',
    );
    expect(() => parsePeriod('2005-Q4', 'UTC')).toThrow('the year 2005 is outside 2006-2100');
    expect(parsePeriod('2100-12', 'UTC').label).toBe('2100-12');
    // A run of more than four digits is no year: a month without its dash is said as such, two periods glued as no period.
    expect(() => parsePeriod('201710', 'UTC')).toThrow('--period "201710": a month is written with a dash: 2017-10; use a month');
    // One digit may be January or a cut "2017-10": asked again, not read as January.
    expect(() => parsePeriod('2017-1', 'UTC')).toThrow('--period "2017-1": a month is written with two digits: 2017-01; use a month');
    expect(() => parsePeriod('2018-032017-11', 'UTC')).toThrow('--period "2018-032017-11": not a period; use a month');
    expect(() => parsePeriod('10000-01', 'UTC')).toThrow('not a period');
  });
});

describe('a config', () => {
  const brands = 'brands:\n  - id: acme\n    name: Télécom Acme\n    accounts: { twitter: [acme] }\n';

  it('that is not UTF-8 is refused with the encoding named', () => {
    const path = join(scratch(), 'latin1.yaml');
    writeFileSync(path, Buffer.from(`client: acme\n${brands}`, 'latin1'));
    expect(() => loadConfig(path)).toThrow(`${path}:4: not UTF-8 text (it looks like Windows-1252 (Latin-1), as older Windows editors save); save the file as UTF-8 and run again.`);
  });

  it('larger than 1 MB is refused before it is parsed', () => {
    const path = join(scratch(), 'huge.yaml');
    writeFileSync(path, `client: acme\n${brands}${'# padding\n'.repeat(120_000)}`);
    expect(() => loadConfig(path)).toThrow(`${path}: the file is 1.1 MB, more than the 1 MB a config or mapping may be (one is a few KB); check that this is the right file.`);
  });

  it('with an alias bomb is refused with the file named', () => {
    const path = join(scratch(), 'bomb.yaml');
    const levels = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (const [index, name] of ['b', 'c', 'd', 'e', 'f'].entries()) levels.push(`${name}: &${name} [${Array.from({ length: 10 }, () => `*${'abcdef'[index]}`).join(', ')}]`);
    writeFileSync(path, `${levels.join('\n')}\nclient: acme\n${brands}`);
    expect(() => loadConfig(path)).toThrow(`${path}: its aliases (*name) repeat their anchors' values too many times, as an alias bomb does; write the values out instead.`);
  });
});
