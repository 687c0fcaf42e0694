import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fileSummary } from '../../src/cli/commands/import-summary.js';
import type { ImportProgress } from '../../src/ingest/progress.js';
import type { Store } from '../../src/store/database.js';
import { allPosts, DATE, FIXTURES, importOne, openStore, rejects, tempFile, tempFolder, twcsCsv } from './helpers.js';
import { storedRows } from '../stored-rows.js';

const SAMPLE = join(FIXTURES, 'twcs_kaggle_sample.csv');
const MANGLED = join(FIXTURES, 'twcs_excel_mangled.csv');

async function batches(store: Store): Promise<unknown[]> {
  return storedRows(
    store,
    'SELECT batch_id, sha256, rows_read::DOUBLE AS rows_read, imported::DOUBLE AS imported, duplicates::DOUBLE AS duplicates, rejected::DOUBLE AS rejected, skipped_blank::DOUBLE AS skipped_blank, warnings FROM import_batches ORDER BY batch_id',
  );
}

describe('a file whose content was already imported', () => {
  it('is not read nor recorded again: nothing added, the earlier counts as duplicates, and the summary says so', async () => {
    const store = await openStore();
    const first = await importOne(store, SAMPLE);
    const posts = await allPosts(store);
    const phases: Array<ImportProgress['phase']> = [];
    const again = await importOne(store, SAMPLE, { onProgress: (progress) => phases.push(progress.phase) });

    // Only the reading that finds the file's checksum already stored.
    expect(new Set(phases)).toEqual(new Set(['reading']));
    expect(again).toMatchObject({ batchId: 1, rowsRead: 93, imported: 0, duplicates: 93, rejected: 0, skippedBlank: 0, rejectedByReason: {}, sha256: first.sha256 });
    expect(again.alreadyImported?.batchId).toBe(1);
    expect(again.alreadyImported?.importedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(first.alreadyImported).toBeUndefined();
    expect(await allPosts(store)).toEqual(posts);
    // The data-quality page lists the file once and counts no duplicate for the second import.
    expect(await batches(store)).toEqual([{ batch_id: 1, sha256: first.sha256, rows_read: 93, imported: 93, duplicates: 0, rejected: 0, skipped_blank: 0, warnings: [] }]);

    const at = `${again.alreadyImported?.importedAt.slice(0, 10)} ${again.alreadyImported?.importedAt.slice(11, 16)} UTC`;
    expect(fileSummary(again)).toBe(`twcs_kaggle_sample.csv: already imported on ${at} as batch 1: nothing to add (93 rows read then, 93 duplicates).\n`);
  });

  it('reports the earlier rejects, counts and warnings without copying the rejects', async () => {
    const store = await openStore();
    const path = tempFile('mixed.csv', twcsCsv([['1', 'a', DATE, 'ok', ''], ['', 'b', DATE, 'no id', ''], ['3', '', DATE, 'no author', ''], ['1', 'a', DATE, 'ok', '']]));
    const first = await importOne(store, path);
    const again = await importOne(store, path);
    expect(first).toMatchObject({ rowsRead: 4, imported: 1, duplicates: 1, rejected: 2 });
    expect(again).toMatchObject({ rowsRead: 4, imported: 0, duplicates: 2, rejected: 2, rejectedByReason: first.rejectedByReason, alreadyImported: { batchId: 1 } });
    const stored = await rejects(store);
    expect(stored.map((reject) => reject.batch_id)).toEqual([1, 1]);
    expect(fileSummary(again)).toContain('nothing to add (4 rows read then, 2 duplicates, 2 rows rejected (listed in import_rejects, batch 1)).');

    const mangled = await importOne(store, MANGLED);
    const mangledAgain = await importOne(store, MANGLED);
    expect(mangled.warnings.length).toBeGreaterThan(0);
    expect(mangledAgain.warnings.slice(1)).toEqual(mangled.warnings);
    expect(fileSummary(mangledAgain).split('\n').filter((line) => line.startsWith('  warning: '))).toHaveLength(mangled.warnings.length);
  });

  it('is read again when it was read differently (another --platform) or its posts are gone', async () => {
    const store = await openStore();
    await importOne(store, SAMPLE);
    const elsewhere = await importOne(store, SAMPLE, { platform: 'facebook' });
    expect(elsewhere).toMatchObject({ imported: 93, duplicates: 0 });
    expect(elsewhere.alreadyImported).toBeUndefined();
    expect(elsewhere.warnings[0]).toMatch(/^the same content was already imported on \d{4}-/);

    await store.run("DELETE FROM posts WHERE batch_id = 1 AND post_id = '119237'");
    const again = await importOne(store, SAMPLE);
    expect(again).toMatchObject({ imported: 1, duplicates: 92 });
    expect(again.alreadyImported).toBeUndefined();
  });

  it('--json says so in alreadyImported (null for a file read now)', async () => {
    const db = join(tempFolder(), 'store.duckdb');
    let stdout = '';
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
    try {
      expect(await main(['import', SAMPLE, SAMPLE, '--db', db, '--json'])).toBe(0);
    } finally {
      out.mockRestore();
    }
    const [first, second] = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(first).toMatchObject({ imported: 93, alreadyImported: null });
    expect(second).toMatchObject({ rowsRead: 93, imported: 0, duplicates: 93, alreadyImported: { batchId: 1 } });
  });
});
