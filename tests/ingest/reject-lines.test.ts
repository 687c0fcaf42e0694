/**
 * The line of a rejected row stays its line in the file on a large file: the
 * staging tables keep the file's order (DuckDB's in_clause optimizer, which
 * turns an IN list into a join, is off while they are made).
 */
import { describe, expect, it } from 'vitest';
import { importOne, openStore, tempFile, twcsCsv } from './helpers.js';
import { storedRows } from '../stored-rows.js';

describe('reject line numbers on a large file', () => {
  it('name the real line of a bad row near the end of 100,000 rows', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i): [string, string, string, string, string] => [String(i + 1), `u${i % 97}`, 'Tue Oct 10 10:00:00 +0000 2017', `@Brand hello ${i}`, '']);
    rows[99_990] = ['99991', 'u1', 'not a date', '@Brand broken', ''];
    const path = tempFile('large.csv', twcsCsv(rows));
    const store = await openStore();
    for (let attempt = 0; attempt < 3; attempt++) {
      if (attempt > 0) for (const table of ['posts', 'import_rejects', 'import_batches']) await store.run(`DELETE FROM ${table}`);
      await importOne(store, path);
      const rejects = await storedRows(store, 'SELECT line::DOUBLE AS line, raw FROM import_rejects');
      expect(rejects).toHaveLength(1);
      // Line 1 is the header: the 99,991st row is on line 99,992.
      expect(rejects[0]?.line).toBe(99_992);
      expect(rejects[0]?.raw).toContain('@Brand broken');
    }
  });
});
