import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countLines, scanBytes } from '../../../src/ingest/source/byte-scan.js';
import { fileChunks } from '../../../src/ingest/source/file-chunks.js';
import { headerCandidates, parseHeadRecords, stagingNames } from '../../../src/ingest/source/layout.js';
import { lineOfRecord, scanRecords } from '../../../src/ingest/source/record-scan.js';
import { CR_PLACEHOLDER, rewriteAsUtf8 } from '../../../src/ingest/source/rewrite.js';
import { decodeWindows1252 } from '../../../src/ingest/source/windows-1252.js';
import { tempFile } from '../helpers.js';

describe('file chunks', () => {
  it('reads a file from any offset, whole and in order, in chunks of one reused buffer', async () => {
    const bytes = Buffer.from(Array.from({ length: (5 << 19) + 7 }, (_, index) => index % 251));
    const path = tempFile('chunks.bin', bytes);
    const copies: Buffer[] = [];
    const buffers = new Set<ArrayBufferLike>();
    for await (const chunk of fileChunks(path, 3)) {
      copies.push(Buffer.from(chunk));
      buffers.add(chunk.buffer);
    }
    expect(Buffer.concat(copies).equals(bytes.subarray(3))).toBe(true);
    expect(copies.map((copy) => copy.length)).toEqual([1 << 20, 1 << 20, bytes.length - 3 - (2 << 20)]);
    expect(buffers.size).toBe(1);
  });
});

describe('byte scan', () => {
  it('hashes, validates UTF-8 and finds bare carriage returns across 1 MiB chunk boundaries', async () => {
    const filler = 'a'.repeat((1 << 20) - 1);
    // "é" (2 bytes) and a CR-LF pair both straddle the first chunk boundary.
    const path = tempFile('big.csv', `${filler}é\r\nx\ry\n`);
    const facts = await scanBytes(path);
    expect(facts).toMatchObject({ validUtf8: true, firstLineEnd: 'lf', bareCarriageReturns: 1 });
    expect(await countLines(path)).toBe(2);
    expect(facts.sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
    const crlfAtBoundary = tempFile('boundary.csv', `${'a'.repeat((1 << 20) - 1)}\r\nb`);
    expect(await scanBytes(crlfAtBoundary)).toMatchObject({ bareCarriageReturns: 0, firstLineEnd: 'lf' });
    // CR CR LF across the boundary, and a bare CR that ends the first chunk, are told by the next one's bytes.
    expect((await scanBytes(tempFile('crcr.csv', `${'a'.repeat((1 << 20) - 2)}\r\r\nb`))).firstLineEnd).toBe('crcrlf');
    expect((await scanBytes(tempFile('cr-end.csv', `${'a'.repeat((1 << 20) - 1)}\rb\r`))).firstLineEnd).toBe('cr');
    expect(await countLines(crlfAtBoundary)).toBe(2);
    expect((await scanBytes(tempFile('mac.csv', 'a\rb\r'))).firstLineEnd).toBe('cr');
  });

  it('tells invalid UTF-8 (Windows-1252 text) apart', async () => {
    expect((await scanBytes(tempFile('latin.csv', Buffer.from('caf\xe9\n', 'latin1')))).validUtf8).toBe(false);
    expect((await scanBytes(tempFile('cut.csv', Buffer.from([0x61, 0xc3])))).validUtf8).toBe(false);
  });
});

describe('record scan', () => {
  it('maps records to the lines they start on and finds structural problems', async () => {
    const path = tempFile('r.csv', 'meta\n,,\na,b,c\n1,"x\ny",3\n\n4,5,6\r\n7,8\n9,"q""uote",10,11\n');
    const facts = await scanRecords(path, { delimiter: ',', headerLine: 3, columns: 3 });
    expect(facts.records).toBe(4);
    expect(facts.emptyLines).toBe(1);
    expect([0, 1, 2, 3].map((record) => lineOfRecord(facts, record))).toEqual([4, 7, 8, 9]);
    expect(facts.shortRecords).toEqual({ count: 1, first: { line: 8, record: 2, fields: 2 } });
    expect(facts.longRecords).toEqual({ count: 1, first: { line: 9, record: 3, fields: 4 } });
    expect(facts.unterminatedQuoteLine).toBeNull();
    expect(facts.strayQuoteLine).toBeNull();
  });

  it('finds a quote that never closes and text after a closing quote', async () => {
    expect((await scanRecords(tempFile('u.csv', 'a,b\n1,2\n3,"open\n\n'), { delimiter: ',', headerLine: 1, columns: 2 })).unterminatedQuoteLine).toBe(3);
    expect((await scanRecords(tempFile('s.csv', 'a,b\n1,"x"y\n'), { delimiter: ',', headerLine: 1, columns: 2 })).strayQuoteLine).toBe(2);
  });
});

describe('layout', () => {
  it('parses quoted cells and line numbers of the first records', () => {
    expect(parseHeadRecords('a,"b,c"\n"x\ny",2\n3,', ',', 10, true)).toEqual([
      { line: 1, cells: ['a', 'b,c'] },
      { line: 2, cells: ['x\ny', '2'] },
      { line: 4, cells: ['3', ''] },
    ]);
    expect(parseHeadRecords('a,b\n1,2\n3,"cut', ',', 10, false)).toHaveLength(2);
  });

  it('ranks delimiters by the columns they give and finds a header after metadata', () => {
    expect(headerCandidates('a;b;c\n1;2,5;3\n', true)[0]).toEqual({ delimiter: ';', line: 1, cells: ['a', 'b', 'c'] });
    expect(headerCandidates('\uFEFFa\tb\n', true)[0]?.cells).toEqual(['a', 'b']);
    const candidates = headerCandidates('Report:,Acme\nBrand:,Acme\n,,,\nQuery Id,Date,Url,Author\n1,2,3,4\n', true).filter((candidate) => candidate.delimiter === ',');
    expect(candidates.map((candidate) => candidate.line)).toEqual([1, 4]);
    // A title on its own line (one filled cell) right above the header, with no empty line between.
    const titled = headerCandidates('Customer care export - October 2017,,,\nQuery Id,Date,Url,Author\n1,2,3,4\n', true).filter((candidate) => candidate.delimiter === ',');
    expect(titled.map((candidate) => [candidate.line, candidate.cells[0]])).toEqual([
      [1, 'Customer care export - October 2017'],
      [2, 'Query Id'],
    ]);
    // A title of two lines, too.
    const twoLines = headerCandidates('Customer care export\nOctober 2017\nQuery Id,Date,Url,Author\n1,2,3,4\n', true).filter((candidate) => candidate.delimiter === ',');
    expect(twoLines.map((candidate) => candidate.line)).toEqual([1, 3]);
    // Not a first line of two filled cells: that may be a header of two columns.
    expect(headerCandidates('id,text\n1,hi\n', true).filter((candidate) => candidate.delimiter === ',').map((candidate) => candidate.line)).toEqual([1]);
  });

  it('names unnamed and repeated header cells', () => {
    expect(stagingNames(['', 'id', 'ID', 'text', ''])).toEqual(['column0', 'id', 'ID_2', 'text', 'column4']);
  });
});

describe('rewrite', () => {
  it('turns bare carriage returns into the placeholder and UTF-16 into UTF-8, across chunks', async () => {
    const input = tempFile('in.csv', Buffer.from(`\uFEFFa,b\r\n1,x\ry\r\n${'z'.repeat(700_000)}\r`, 'utf16le'));
    const output = tempFile('out.csv', '');
    const result = await rewriteAsUtf8(input, output, { encoding: 'utf-16le', skipBytes: 2, bareCarriageReturn: 'placeholder', normalizeCrlf: false });
    expect(result).toEqual({ placeholders: 2, nul: 0, firstNulOffset: null });
    const text = readFileSync(output, 'utf8');
    expect(text.startsWith(`a,b\r\n1,x${CR_PLACEHOLDER}y\r\n`)).toBe(true);
    expect(text.endsWith(`z${CR_PLACEHOLDER}`)).toBe(true);
  });

  it('decodes the Windows-1252 characters that Latin-1 lacks', () => {
    expect(decodeWindows1252(Buffer.from([0x93, 0x48, 0x92, 0x94, 0x80, 0xe9, 0x81]))).toBe('“H’”€é\u0081');
  });
});
