/**
 * Issue 9, case 11: a long import shows where it is from the first second:
 * the bytes read, then the rows being loaded; nothing off a terminal.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ProgressLine } from '../../../src/cli/commands/import-progress.js';
import type { ImportProgress } from '../../../src/ingest/progress.js';
import { Store } from '../../../src/store/database.js';
import { DATE, importOne, openStore, tempFile, tempFolder } from '../helpers.js';
import { SAMPLE_TEXT } from './expected.js';

async function drawn(events: ImportProgress[]): Promise<string[]> {
  const store = await Store.open(':memory:');
  try {
    const lines: string[] = [];
    const terminal = { isTTY: true, write: (chunk: string | Uint8Array) => (lines.push(String(chunk)), true) };
    const line = await ProgressLine.create(store, terminal, { showAfterMs: 0, tickMs: 5 });
    for (const event of events) {
      line?.update(event);
      await new Promise((done) => setTimeout(done, 20));
    }
    line?.clear();
    return lines.filter((text) => text.length > 6).map((text) => text.replace('\r\x1b[2K', '').replace(/ \(\d+ s\)$/, ''));
  } finally {
    store.close();
  }
}

describe('case 11: progress', () => {
  it('shows the bytes read, then the rows being loaded, never a frozen 0%', async () => {
    const shown = await drawn([
      { path: '/data/big.csv', phase: 'reading', fraction: 0.3, bytes: { done: 46_000_000, total: 154_000_000 } },
      { path: '/data/big.csv', phase: 'loading', fraction: null },
      { path: '/data/big.csv', phase: 'loading', fraction: null, rows: 1_000_000 },
    ]);
    expect([...new Set(shown)]).toEqual(['big.csv: reading the file: 46 MB of 154 MB', 'big.csv: loading rows', 'big.csv: loading 1,000,000 rows']);
  });

  it('the import reports bytes while reading and the row count once the rows are counted', async () => {
    const store = await openStore();
    const events: ImportProgress[] = [];
    const result = await importOne(store, tempFile('sample.csv', SAMPLE_TEXT), { onProgress: (event) => events.push(event) });
    const size = Buffer.byteLength(SAMPLE_TEXT);
    expect(events.some((event) => event.phase === 'reading' && event.bytes?.done === size && event.bytes.total === size)).toBe(true);
    expect(events.some((event) => event.rows === result.rowsRead)).toBe(true);
  });

  it('counts the rows of a workbook while it is turned into text, which takes longer than reading its bytes', async () => {
    expect(await drawn([{ path: '/data/big.xlsx', phase: 'reading', fraction: null, sheetRows: 120_000 }])).toContain('big.xlsx: reading the file: 120,000 rows of the workbook');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Mentions');
    sheet.addRow(['tweet_id', 'author_id', 'inbound', 'created_at', 'text', 'response_tweet_id', 'in_response_to_tweet_id']);
    // Sheet rows 2 to 20,001, but for row 10,000, which Excel would leave out of the file were it empty.
    for (let id = 1; id <= 20_000; id += 1) if (id !== 9_999) sheet.getRow(id + 1).values = [String(id), 'a', 'True', DATE, 'x', '', ''];
    const path = join(tempFolder(), 'big.xlsx');
    await book.xlsx.writeFile(path);
    const events: ImportProgress[] = [];
    await importOne(await openStore(), path, { onProgress: (event) => events.push(event) });
    expect(events.filter((event) => event.sheetRows !== undefined).map((event) => [event.phase, event.sheetRows])).toEqual([
      ['reading', 10_001],
      ['reading', 20_000],
    ]);
  });

  it('stays silent off a terminal', async () => {
    const store = await openStore();
    expect(await ProgressLine.create(store, { isTTY: false, write: () => true })).toBeNull();
  });
});
