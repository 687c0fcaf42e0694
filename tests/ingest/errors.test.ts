import { execFileSync } from 'node:child_process';
import { realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { resolveImportOptions } from '../../src/ingest/import.js';
import { dryRunFile } from '../../src/ingest/dry-run.js';
import { DATE, importError, importOne, openStore, rejects, tempFile, tempFolder, twcsCsv } from './helpers.js';
import { storedRows } from '../stored-rows.js';

const HEADER = 'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id';

describe('file-level errors are one line naming the file, the line and what to do', () => {
  it('a file that does not exist', async () => {
    const store = await openStore();
    expect(await importError(store, '/nonexistent/export.csv')).toBe('/nonexistent/export.csv: file not found. Check the path.');
  });

  it('a folder instead of a file', async () => {
    const store = await openStore();
    const folder = tempFolder();
    expect(await importError(store, folder)).toBe(`${folder}: is a folder; give the export files themselves (e.g. ${folder}/*.csv).`);
  });

  it('a link out of its folder, and a pipe, are refused before a byte is read; a link within the folder is read', async () => {
    const store = await openStore();
    const outside = tempFile('elsewhere.csv', twcsCsv([['1', 'ana', DATE, '@AcmeCares hi', '']]));
    const folder = tempFolder();
    symlinkSync('/etc/passwd', join(folder, 'passwd.csv'));
    symlinkSync(outside, join(folder, 'other.csv'));
    const passwd = await importError(store, join(folder, 'passwd.csv'));
    expect(passwd).toBe(`${join(folder, 'passwd.csv')}: is a symbolic link to /etc/passwd, outside its folder (${realpathSync(folder)}); copy the export into the folder and import the copy.`);
    expect(passwd).not.toContain('root');
    expect(await importError(store, join(folder, 'other.csv'))).toMatch(/other\.csv: is a symbolic link to .*elsewhere\.csv, outside its folder/);
    execFileSync('mkfifo', [join(folder, 'pipe.csv')]);
    expect(await importError(store, join(folder, 'pipe.csv'))).toBe(`${join(folder, 'pipe.csv')}: is not a regular file (a pipe, socket or device); save the export as a file and import that.`);
    writeFileSync(join(folder, 'real.csv'), twcsCsv([['2', 'ben', DATE, '@AcmeCares hello', '']]));
    symlinkSync(join(folder, 'real.csv'), join(folder, 'latest.csv'));
    expect((await importOne(store, join(folder, 'latest.csv'))).imported).toBe(1);
  });

  it('a header that names a column the format reads twice: which cell holds it cannot be told', async () => {
    const store = await openStore();
    // The inbound column renamed "text": read by its first name, every text was "True".
    const path = tempFile('twice.csv', twcsCsv([['1', 'ana', DATE, '@AcmeCares hi', '']]).replace('inbound', 'text'));
    expect(await importError(store, path)).toBe(`${path}:1: the header names "text" twice (columns 3 and 5), so which one holds it cannot be told; rename the wrong one in the header, or export the file again.`);
  });

  it('a file cut short inside its last row, on the direct and the row-by-row path; a short last row that ends its line is read', async () => {
    const store = await openStore();
    const whole = twcsCsv([
      ['1', 'ana', DATE, '@AcmeCares no signal', ''],
      ['2', 'ben', DATE, '@AcmeCares still down', ''],
    ]);
    const cut = whole.slice(0, whole.indexOf('@AcmeCares still') + '@AcmeCares sti'.length);
    const path = tempFile('cut.csv', cut);
    expect(await importError(store, path)).toBe(`${path}:3: the file ends inside this row (5 of the header's 7 cells, and no line end), so the export was cut short; export it again.`);
    // A row shifted by an unquoted comma sends the file down the row-by-row path: the cut is found there too.
    const shifted = tempFile('cut-shifted.csv', cut.replace('no signal', 'no, signal'));
    expect(await importError(store, shifted)).toBe(`${shifted}:3: the file ends inside this row (5 of the header's 7 cells, and no line end), so the export was cut short; export it again.`);
    expect(await storedRows(store, 'SELECT count(*)::INTEGER AS n FROM posts')).toEqual([{ n: 0 }]);
    const ended = await importOne(store, tempFile('short.csv', `${cut}\n`));
    expect(ended.imported).toBe(2);
    expect(ended.warnings).toContain("1 row had fewer cells than the header (7); the missing cells were read as empty (first at line 3)");
    // The preview says it before the import does.
    await expect(dryRunFile(path, {})).rejects.toThrow(`${path}:3: the file ends inside this row`);
    // A file whose every row leaves out its trailing empty cells ends short without being cut.
    const ragged = whole.replace(/,,\n/g, '\n').replace(/\n$/, '');
    const read = await importOne(store, tempFile('ragged.csv', ragged));
    expect(read.warnings).toContain("2 rows had fewer cells than the header (7); the missing cells were read as empty (first at line 2)");
  });

  it('a text export whose name ends .gz is read as the text it is, not handed to a decompressor', async () => {
    const store = await openStore();
    const path = tempFile('export.csv.gz', twcsCsv([['1', 'ana', DATE, '@AcmeCares hi', '']]));
    expect((await importOne(store, path)).imported).toBe(1);
  });

  it('a file with no text lines', async () => {
    const store = await openStore();
    const path = tempFile('blank.csv', '\n\n  \n');
    expect(await importError(store, path)).toBe(`${path}: no header row found (the file holds no text lines). Export the data again.`);
  });

  it('an empty file', async () => {
    const store = await openStore();
    const path = tempFile('empty.csv', '');
    expect(await importError(store, path)).toBe(`${path}: the file is empty (0 bytes). Export the data again.`);
  });

  it('a binary file', async () => {
    const store = await openStore();
    const path = tempFile('picture.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    expect(await importError(store, path)).toBe(`${path}: this is not a text file (it contains binary bytes). Import the CSV, TSV or XLSX export itself.`);
  });

  it('an SVG logo, a saved web page or an XML file renamed .csv, and not a CSV whose cells hold markup', async () => {
    const store = await openStore();
    for (const [name, content] of [
      ['logo.csv', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n'],
      ['page.csv', '\ufeff<!DOCTYPE html>\n<html><body>export</body></html>\n'],
      ['feed.csv', '  <?xml version="1.0"?>\n<rss></rss>\n'],
    ]) {
      const path = tempFile(name ?? '', content ?? '');
      expect(await importError(store, path)).toBe(`${path}: this is an SVG picture, a web page or an XML file, not an export. Import the CSV, TSV or XLSX export itself.`);
    }
    const csv = tempFile('markup-cells.csv', 'id,author,date,text\n1,ana,2025-10-01 10:00,"<svg> in a tweet"\n');
    expect(await importError(store, csv)).not.toMatch(/SVG picture/);
  });

  it('an old .xls workbook', async () => {
    const store = await openStore();
    const path = tempFile('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect(await importError(store, path)).toContain('old Excel .xls workbook, which replybench cannot read. Save it as .xlsx or CSV');
  });

  it('a workbook protected by a password: Excel saves it in the old container, named .xlsx or not', async () => {
    const store = await openStore();
    const container = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0];
    const message = 'this workbook is protected by a password (Excel encrypts it), so it cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook) and save it again, or export CSV.';
    const named = tempFile('locked.xlsx', Buffer.from(container));
    expect(await importError(store, named)).toBe(`${named}: ${message}`);
    const renamed = tempFile('locked.dat', Buffer.concat([Buffer.from(container), Buffer.alloc(600), Buffer.from('EncryptedPackage', 'utf16le')]));
    expect(await importError(store, renamed)).toBe(`${renamed}: ${message}`);
    // An old .xls renamed .xlsx holds a Workbook stream, named in the container's directory: often at the end of a
    // large file, where the header says it starts (here sector 300 of 512 bytes, past the first 64 KB).
    const header = Buffer.alloc(512);
    Buffer.from(container).copy(header);
    header.writeUInt16LE(9, 30);
    header.writeUInt32LE(300, 48);
    const directory = Buffer.concat([Buffer.from('Root Entry', 'utf16le'), Buffer.alloc(118), Buffer.from('Workbook', 'utf16le')]);
    const oldRenamed = tempFile('old-renamed.xlsx', Buffer.concat([header, Buffer.alloc(300 * 512), directory]));
    expect(await importError(store, oldRenamed)).toContain('old Excel .xls workbook, which replybench cannot read');
  });

  it('a truncated quote, with the line where the quoted field opens', async () => {
    const store = await openStore();
    const path = tempFile('cut.csv', `${HEADER}\n1,a,True,${DATE},fine,,\n2,b,True,${DATE},"cut short here\nand the file ends`);
    expect(await importError(store, path)).toBe(
      `${path}:3: a quoted field starts here and is never closed (the file may be cut short, or a " is missing). Export the file again, or fix the quote on that line.`,
    );
  });

  it('a row with more cells than the header is rejected with its line; the file imports', async () => {
    const store = await openStore();
    const path = tempFile('long.csv', `${HEADER}\n1,a,True,${DATE},fine,,\n2,b,True,${DATE},one, two,,1\n`);
    expect(await importOne(store, path)).toMatchObject({ rowsRead: 2, imported: 1, rejected: 1 });
    expect((await rejects(store)).map((row) => [row.line, row.raw])).toEqual([[3, `2,b,True,${DATE},one, two,,1`]]);
  });

  it('an unknown layout: lists the formats and suggests a generic mapping', async () => {
    const store = await openStore();
    const path = tempFile('other.csv', 'foo,bar,baz\n1,2,3\n');
    const message = await importError(store, path);
    expect(message).toBe(
      `${path}:1: unknown export layout (header: "foo", "bar", "baz"). replybench recognises twcs, twarc2, twitter-v2, talkwalker, meltwater, brandwatch, sprout, facebook-comments; ` +
        'pass --format <name> if the file is one of these, or describe its columns in a mapping file and use --format generic --mapping file.yaml (replybench import --write-mapping mapping.yaml <file> writes one with the best guess of each column).',
    );
    expect(message.includes('\n')).toBe(false);
  });

  it('a required column missing for the format asked for', async () => {
    const store = await openStore();
    const path = tempFile('partial.csv', 'tweet_id,author_id,created_at\n1,a,x\n');
    expect(await importError(store, path, { format: 'twcs' })).toMatch(
      new RegExp(`^${path}:1: missing required columns "text", "in_response_to_tweet_id" for the Kaggle Customer Support on Twitter CSV format .*--format generic --mapping file\\.yaml\\.$`),
    );
  });

  it('no date could be read: count, first example and what to try', async () => {
    const store = await openStore();
    const path = tempFile('dates.csv', twcsCsv([
      ['1', 'a', '31/10/2017 22:10', 'x', ''],
      ['2', 'b', '01/11/2017 08:00', 'y', '1'],
    ]));
    expect(await importError(store, path)).toBe(
      `${path}:2: no date could be read: 2 rows have dates like "31/10/2017 22:10" that the Kaggle Customer Support on Twitter CSV format does not understand. ` +
        'Check --format; for local times without an offset pass --timezone; with --format generic set date.format in the mapping (e.g. "%d/%m/%Y %H:%M").',
    );
    const [posts] = await storedRows(store, 'SELECT count(*)::DOUBLE AS n FROM posts');
    expect(posts?.n).toBe(0);
  });
});

describe('options are checked before any file is read', () => {
  const message = (request: Parameters<typeof resolveImportOptions>[0]): string => {
    try {
      resolveImportOptions(request);
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      return (error as Error).message;
    }
    throw new Error('expected the options to be refused');
  };

  it('an unknown timezone', () => {
    expect(message({ timezone: 'Mars/Olympus' })).toBe('--timezone: "Mars/Olympus" is not a known IANA timezone; use e.g. UTC, Europe/Madrid or America/New_York.');
  });

  it('an unknown format', () => {
    expect(message({ format: 'facebook' })).toBe('--format: "facebook" is not a known format; use auto, twcs, twarc2, twitter-v2, talkwalker, meltwater, brandwatch, sprout, facebook-comments, generic.');
  });

  it('--format generic without a mapping', () => {
    expect(message({ format: 'generic' })).toContain('--format generic needs --mapping file.yaml');
  });

  it('a platform replybench does not know (its posts would be counted by nothing), a synonym folded', () => {
    expect(message({ platform: 'twiter' })).toMatch(/^--platform: "twiter" is not a platform replybench knows; did you mean twitter\? \(use one of twitter, facebook, /);
    expect(resolveImportOptions({ platform: ' X ' }).platform).toBe('twitter');
  });

  it('--mapping with another format', () => {
    expect(message({ format: 'twcs', mapping: 'map.yaml' })).toBe('--mapping applies only to --format generic; drop --mapping, or use --format generic.');
  });
});

describe('generic mappings', () => {
  it('a mapped column the file lacks is named with its key path', async () => {
    const store = await openStore();
    const mapping = tempFile('mapping.yaml', 'columns:\n  id: ID\n  author: User\n  date: Posted\n');
    const data = tempFile('data.csv', 'ID,User,When\n1,a,2017-10-31 10:00\n');
    expect(await importError(store, data, { format: 'generic', mapping })).toBe(
      `${mapping}: columns.date: column "Posted" is not in the file's header (it has: ID, User, When). Fix the column name in the mapping.`,
    );
  });

  it('finds a generic header below report metadata', async () => {
    const store = await openStore();
    const mapping = tempFile('mapping.yaml', 'columns:\n  id: ID\n  author: User\n  date: When\nplatform: twitter\n');
    const data = tempFile('data.csv', 'Report,Acme\n,,\nID,User,When\n1,a,2017-10-31 10:00\n');
    expect(await importOne(store, data, { format: 'generic', mapping })).toMatchObject({ format: 'generic', rowsRead: 1, imported: 1 });
  });
});
