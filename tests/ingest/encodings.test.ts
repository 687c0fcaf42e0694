import { describe, expect, it } from 'vitest';
import { MOJIBAKE_REASON } from '../../src/ingest/mojibake.js';
import { allPosts, DATE, importOne, openStore, tempFile, twcsCsv } from './helpers.js';

const ROWS = [
  ['1', 'Cliente', DATE, 'Café con leche, señor niño', ''],
  ['2', 'AcmeCares', DATE, '@cliente ¡Olé! ça va', '1'],
] as const;

function utf16(text: string, order: 'le' | 'be'): Buffer {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  if (order === 'le') return le;
  const be = Buffer.alloc(le.length);
  for (let at = 0; at + 1 < le.length; at += 2) {
    be[at] = le[at + 1] ?? 0;
    be[at + 1] = le[at] ?? 0;
  }
  return be;
}

/** Windows-1252 bytes of a text that only uses Latin-1 letters, curly quotes, the ellipsis and the euro sign. */
function windows1252(text: string): Buffer {
  const bytes: Record<string, string> = { '’': '\u0092', '€': '\u0080', '„': '\u0084', '“': '\u0093', '”': '\u0094', '…': '\u0085' };
  return Buffer.from(text.replace(/[’€„“”…]/g, (char) => bytes[char] ?? char), 'latin1');
}

describe('encodings', () => {
  it('reads UTF-8 with a byte-order mark and CRLF line ends', async () => {
    const store = await openStore();
    const path = tempFile('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(twcsCsv(ROWS, '\r\n'))]));
    const result = await importOne(store, path);
    expect(result).toMatchObject({ encoding: 'utf-8-bom', format: 'twcs', rowsRead: 2, imported: 2 });
    const posts = await allPosts(store);
    expect(posts.map((post) => post.text)).toEqual(['Café con leche, señor niño', '@cliente ¡Olé! ça va']);
    expect(posts[1]?.parent_id).toBe('1');
  });

  it.each(['le', 'be'] as const)('reads UTF-16%s with a byte-order mark', async (order) => {
    const store = await openStore();
    const result = await importOne(store, tempFile(`utf16${order}.csv`, utf16(twcsCsv(ROWS), order)));
    expect(result).toMatchObject({ encoding: `utf-16${order}`, rowsRead: 2, imported: 2 });
    expect((await allPosts(store))[0]?.text).toBe('Café con leche, señor niño');
  });

  it.each(['le', 'be'] as const)('reads UTF-16%s saved without its byte-order mark, told by its bytes', async (order) => {
    const store = await openStore();
    const bytes = utf16(twcsCsv(ROWS), order).subarray(2);
    const result = await importOne(store, tempFile(`utf16${order}-nobom.csv`, bytes));
    expect(result).toMatchObject({ encoding: `utf-16${order}`, rowsRead: 2, imported: 2 });
    expect((await allPosts(store)).map((post) => post.text)).toEqual(['Café con leche, señor niño', '@cliente ¡Olé! ça va']);
  });

  it('detects Windows-1252, converts it and says so', async () => {
    const store = await openStore();
    const rows = [['1', 'Cliente', DATE, 'Café, niño, it’s 5€', '']] as const;
    const bytes = windows1252(twcsCsv(rows));
    expect(bytes.includes(Buffer.from([0x92]))).toBe(true);
    const result = await importOne(store, tempFile('cp1252.csv', bytes));
    expect(result.encoding).toBe('windows-1252');
    expect(result.warnings.join(' ')).toContain('not valid UTF-8: read as Windows-1252');
    expect((await allPosts(store))[0]?.text).toBe('Café, niño, it’s 5€');
  });

  it('reads Windows-1252 as Windows-1252 when a pair of its letters happens to be valid UTF-8', async () => {
    const store = await openStore();
    const texts = ['„Viel Spaß“ beim Warten', 'Grüße aus Köln…', 'Un café, s’il vous plaît'];
    const bytes = windows1252(twcsCsv(texts.map((text, index) => [String(index + 1), 'kunde', DATE, text, ''])));
    // "ß“" is DF 93: a valid two-byte UTF-8 sequence among the file's invalid bytes.
    expect(bytes.includes(Buffer.from([0xdf, 0x93]))).toBe(true);
    const result = await importOne(store, tempFile('cp1252-german.csv', bytes));
    expect(result.encoding).toBe('windows-1252');
    expect((await allPosts(store)).map((post) => post.text)).toEqual(texts);
  });

  it('reads a file of valid UTF-8 as UTF-8, and repairs the mojibake of its texts row by row', async () => {
    const store = await openStore();
    // Row 2's "Ã" and "à" are followed by no character a UTF-8 sequence would continue with: text, left alone.
    const rows = [['1', 'Cliente', DATE, 'Itâ€™s broken â€” again', ''], ['2', 'Otro', DATE, 'NÃO, à bientôt', '']] as const;
    const result = await importOne(store, tempFile('mojibake.csv', twcsCsv(rows)));
    expect(result).toMatchObject({ encoding: 'utf-8', warnings: [`1 row: ${MOJIBAKE_REASON} (first at line 2)`] });
    expect((await allPosts(store)).map((post) => post.text)).toEqual(['It’s broken — again', 'NÃO, à bientôt']);
  });
});
