/**
 * Issue 9, case 10: a file of which every row is rejected adds nothing, and
 * says so: exit status 1, one line with the main reasons, nothing written.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, importError, runCli, tempFolder, rejects } from '../helpers.js';
import { DAMAGED } from './expected.js';
import { storedRows } from '../../stored-rows.js';

const DATA = join(DAMAGED, 'no-platform.csv');
const MAPPING = join(DAMAGED, 'no-platform.mapping.yaml');

describe('case 10: every row rejected', () => {
  it('is a failure with the top reasons, their counts and first lines; nothing is written', async () => {
    const store = await openStore();
    const message = await importError(store, DATA, { format: 'generic', mapping: MAPPING });
    expect(message).toBe(
      `${DATA}: every row was rejected (4 rows), so nothing was imported: no platform for this row; set platform in the mapping or pass --platform (3 rows, the first at line 2); ` +
        'unparseable date (line 5). Fix the file or the options (--format, --platform, the mapping) and import it again.',
    );
    expect(await rejects(store)).toEqual([]);
    expect(await storedRows(store, 'SELECT count(*)::DOUBLE AS n FROM import_batches')).toEqual([{ n: 0 }]);
  });

  it('the CLI exits 1 and prints that one line', async () => {
    const db = join(tempFolder(), 'store.duckdb');
    const result = await runCli(['import', DATA, '--mapping', MAPPING, '--db', db]);
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.stderr).toContain('every row was rejected (4 rows), so nothing was imported');
  });

  it('with --platform the same file imports', async () => {
    const db = join(tempFolder(), 'store.duckdb');
    const result = await runCli(['import', DATA, '--mapping', MAPPING, '--platform', 'twitter', '--db', db, '--json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ rowsRead: 4, imported: 3, rejected: 1 });
  });
});
