/**
 * Issue 9, cases 2 and 7: stray bytes. A UTF-8 file with one byte from
 * another encoding stays UTF-8 (the byte becomes U+FFFD, its line named); a
 * NUL byte is removed wherever it stands, with a counted warning.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importError, importOne, openStore, rejects, tempFile } from '../helpers.js';
import { DAMAGED, expectedExcept, expectedTwcsPosts, SAMPLE_TEXT, storedTwcsPosts } from './expected.js';
import { storedRows } from '../../stored-rows.js';

describe('case 2: one Latin-1 byte in a UTF-8 file', () => {
  it('keeps the file UTF-8: only that byte becomes U+FFFD, the warning names its line, every other row is unchanged', async () => {
    const store = await openStore();
    const path = join(DAMAGED, 'stray-byte.csv');
    const result = await importOne(store, path);
    expect(result).toMatchObject({ encoding: 'utf-8', rowsRead: 93, imported: 93, rejected: 0 });
    expect(result.warnings).toEqual(['1 byte not valid in UTF-8 (a character from another encoding?) stored as "\uFFFD" on line 94; the rest of the file is read as UTF-8']);
    const original = expectedTwcsPosts(SAMPLE_TEXT).find((post) => post.post_id === '119328');
    expect(await storedTwcsPosts(store)).toEqual(expectedExcept(SAMPLE_TEXT, [], { 119328: { text: original?.text?.replace('Serial#', 'S\uFFFDrial#') ?? null } }));
    // The emoji elsewhere are intact, not mojibake.
    expect((await storedTwcsPosts(store)).find((post) => post.post_id === '119237')?.text).toContain('😡😡😡');
  });

  it('names the first lines and counts the rest when there are many', async () => {
    const store = await openStore();
    const bad = SAMPLE_TEXT.split('\n').map((line, index) => (index >= 2 && index <= 8 ? line.replace('@', '@\u0000') : line)).join('\n');
    const bytes = Buffer.from(bad, 'utf8');
    for (let at = bytes.indexOf(0); at !== -1; at = bytes.indexOf(0, at + 1)) bytes[at] = 0xe9;
    const result = await importOne(store, tempFile('many.csv', bytes));
    expect(result.encoding).toBe('utf-8');
    expect(result.warnings[0]).toBe('7 bytes not valid in UTF-8 (a character from another encoding?) stored as "\uFFFD" on lines 3, 4, 5, 6, 7 and 2 more bytes; the rest of the file is read as UTF-8');
  });

  it('a large UTF-8 file whose accents and emoji fill its first megabyte stays UTF-8 for two texts cut inside a character further on', async () => {
    const store = await openStore();
    const header = SAMPLE_TEXT.split('\n')[0] ?? '';
    const start = (id: number) => `${id},c${id},True,Tue Oct 10 10:00:00 +0000 2017,"@AcmeCares `;
    const rows = Array.from({ length: 14_000 }, (_, index) => `${start(index + 1)}¿qué pasó? 😡😡 ${'ñé'.repeat(20)}",,`);
    // Two texts that end in an emoji cut after its third byte (F0 9F 98), well past the first megabyte: two broken characters.
    const cut = (id: number) => Buffer.concat([Buffer.from(`${start(id)}roto `), Buffer.from([0xf0, 0x9f, 0x98]), Buffer.from('",,\n')]);
    // Plain rows between them, over a megabyte: the chunk that holds the cut characters holds no other non-ASCII byte.
    const plain = Array.from({ length: 10_000 }, (_, index) => `${start(15_000 + index)}plain text ${'x'.repeat(60)}",,`);
    const bytes = Buffer.concat([Buffer.from(`${[header, ...rows, ...plain].join('\n')}\n`, 'utf8'), cut(30_001), cut(30_002)]);
    expect(bytes.length).toBeGreaterThan(3 * 1024 * 1024);
    const result = await importOne(store, tempFile('cut-emoji.csv', bytes));
    expect(result).toMatchObject({ encoding: 'utf-8', imported: 24_002 });
    expect(result.warnings[0]).toMatch(/^6 bytes not valid in UTF-8/);
  });

  it('a file with invalid bytes and not one valid multi-byte sequence is still read as Windows-1252', async () => {
    const store = await openStore();
    const latin1 = Buffer.from(SAMPLE_TEXT.replace(/[^\x00-\x7f]/gu, '').replace('printhead', 'printh\u00e9ad'), 'latin1');
    const result = await importOne(store, tempFile('latin1.csv', latin1));
    expect(result.encoding).toBe('windows-1252');
    expect((await storedTwcsPosts(store)).find((post) => post.post_id === '119328')?.text).toContain('printhéad');
  });
});

describe('case 7: NUL bytes', () => {
  it('are removed from the text wherever they stand, counted with the first line, and every row is kept unchanged', async () => {
    const store = await openStore();
    const path = join(DAMAGED, 'nul-bytes.csv');
    expect(readFileSync(path).filter((byte) => byte === 0).length).toBe(2);
    const result = await importOne(store, path);
    expect(result).toMatchObject({ rowsRead: 93, imported: 93, rejected: 0 });
    expect(result.warnings).toEqual(['2 NUL characters (0x00, never part of a text) removed (first on line 2)']);
    expect(await storedTwcsPosts(store)).toEqual(expectedTwcsPosts(SAMPLE_TEXT));
    expect(await rejects(store)).toEqual([]);
    const [withNul] = await storedRows(store, "SELECT count(*)::DOUBLE AS n FROM posts WHERE contains(text, chr(0))");
    expect(withNul?.n).toBe(0);
  });

  it('the same NUL near the end of a large file is handled the same way', async () => {
    const store = await openStore();
    const body = SAMPLE_TEXT.split('\n').slice(1).filter((line) => line !== '');
    const header = SAMPLE_TEXT.split('\n')[0] ?? '';
    const rows: string[] = [];
    // 150,000 rows of the sample's first (one-line) row under new ids, the NUL in the last one.
    for (let index = 0; index < 150_000; index += 1) rows.push((body[0] ?? '').replace(/^\d+/, String(1_000_000 + index)));
    rows[rows.length - 1] = (rows[rows.length - 1] ?? '').replace('causing', 'caus\u0000ing');
    const result = await importOne(store, tempFile('big.csv', `${header}\n${rows.join('\n')}\n`));
    expect(result).toMatchObject({ rowsRead: 150_000, imported: 150_000, rejected: 0 });
    expect(result.warnings).toEqual(['1 NUL character (0x00, never part of a text) removed (first on line 150001)']);
  });

  it('a download padded with NULs where it stopped has them removed and its rows imported, the last one noted as maybe cut', async () => {
    const store = await openStore();
    const lines = SAMPLE_TEXT.replace(/\r\n/g, '\n').split('\n');
    // The first 40 lines (records whole), no line end after the last, then 4 KB of NULs.
    const text = lines.slice(0, 40).join('\n');
    const result = await importOne(store, tempFile('padded.csv', Buffer.concat([Buffer.from(text, 'utf8'), Buffer.alloc(4096)])));
    expect(result).toMatchObject({ rejected: 0 });
    expect(result.imported).toBe(expectedTwcsPosts(`${text}\n`).length);
    expect(result.warnings[0]).toMatch(/^4,096 NUL characters \(0x00, never part of a text\) removed/);
    expect(result.warnings.join(' ')).toContain('the file does not end with a line end');
  });

  it('a download padded with NULs past the first 64 KB read to tell a file\'s kind is read the same way', async () => {
    const store = await openStore();
    const [header = '', first = ''] = SAMPLE_TEXT.replace(/\r\n/g, '\n').split('\n');
    const rows = Array.from({ length: 700 }, (_, index) => first.replace(/^\d+/, String(1_000_000 + index)));
    const text = `${header}\n${rows.join('\n')}\n`;
    expect(text.length).toBeGreaterThan(64 * 1024);
    const result = await importOne(store, tempFile('padded-big.csv', Buffer.concat([Buffer.from(text, 'utf8'), Buffer.alloc(30_000)])));
    expect(result).toMatchObject({ rowsRead: 700, imported: 700, rejected: 0 });
    expect(result.warnings[0]).toMatch(/^30,000 NUL characters \(0x00, never part of a text\) removed/);
  });

  it('a file that is mostly binary is still refused', async () => {
    const store = await openStore();
    const binary = Buffer.alloc(4096);
    binary.write('tweet_id,author_id\n', 0);
    const path = tempFile('binary.csv', binary);
    // A run of NULs it ends with, longer than its text: no padding of a download, counted.
    expect(await importError(store, path)).toBe(`${path}: this is not a text file (4,077 of its bytes are NUL). Import the CSV, TSV or XLSX export itself.`);
  });
});

describe('a file cut short (a download that stopped)', () => {
  it('imports every row it holds and says the last one, without a line end, may have lost its end; a file ending with one gets no such note', async () => {
    const whole = SAMPLE_TEXT.trimEnd();
    const lines = whole.split('\n');
    // The last row cut inside its parent id: "119333" is now "1193", which reads as a whole row.
    const lastLine = lines.at(-1) ?? '';
    const cut = `${lines.slice(0, -1).join('\n')}\n${lastLine.slice(0, lastLine.length - 2)}`;
    const ended = await importOne(await openStore(), tempFile('ended.csv', `${whole}\n`));
    expect(ended.warnings.filter((warning) => warning.includes('does not end with a line end'))).toEqual([]);
    const result = await importOne(await openStore(), tempFile('cut.csv', cut));
    expect([result.rowsRead, result.imported, result.rejected]).toEqual([ended.rowsRead, ended.imported, 0]);
    expect(result.warnings).toContain(`the file does not end with a line end: if it was cut short (a download that stopped), its last row, on line ${lines.length}, may have lost its end; compare it with the source`);
  });
});
