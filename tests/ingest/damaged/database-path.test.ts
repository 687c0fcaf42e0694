/**
 * Issue 9, case 1: `--db` (or the config's `database`) naming a file that is
 * not a DuckDB database is refused before anything is read, and a failed
 * import leaves no new database behind.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openImportedDatabase } from '../../../src/cli/database.js';
import { UserError } from '../../../src/errors.js';
import { Store } from '../../../src/store/database.js';
import { FIXTURES, runCli, tempFolder } from '../helpers.js';
import { storedRows } from '../../stored-rows.js';

const SAMPLE = join(FIXTURES, 'twcs_kaggle_sample.csv');
const HINT = 'name a DuckDB file made by replybench (such as replybench.duckdb) or a path that does not exist yet.';

describe('case 1: a database path that is not a DuckDB file', () => {
  it('import --db target.csv (an existing CSV) is refused in one line, exit 1, and the CSV and its folder stay as they were', async () => {
    const folder = tempFolder();
    const target = join(folder, 'target.csv');
    copyFileSync(SAMPLE, target);
    const before = readFileSync(target);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const result = await runCli(['import', SAMPLE, '--db', target]);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`replybench: --db "${target}" (${target}) is not a DuckDB database (it holds text: an export such as a CSV?); ${HINT}\n`);
    }
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(readdirSync(folder)).toEqual(['target.csv']);
  });

  it('the config\'s database key naming a CSV is refused naming the config file and the key', async () => {
    const folder = tempFolder();
    copyFileSync(SAMPLE, join(folder, 'data.csv'));
    const config = join(folder, 'replybench.yaml');
    writeFileSync(config, 'client: acme\ndatabase: data.csv\nbrands:\n  - id: acme\n    accounts: { twitter: [AcmeCares] }\n');
    const result = await runCli(['import', SAMPLE, '--config', config]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`replybench: ${config}: database: "data.csv" (${join(folder, 'data.csv')}) is not a DuckDB database (it holds text: an export such as a CSV?); ${HINT}\n`);
  });

  it('metrics and report open the same check: no "in-memory database in read-only mode" error', async () => {
    const target = join(tempFolder(), 'target.csv');
    copyFileSync(SAMPLE, target);
    await expect(openImportedDatabase(target)).rejects.toThrow(new UserError(`${target}: is not a DuckDB database (it holds text: an export such as a CSV?); ${HINT}`));
  });

  it('a folder, an empty file and a workbook are refused too; a DuckDB file and a new path are accepted', async () => {
    const folder = tempFolder();
    const empty = join(folder, 'empty.duckdb');
    writeFileSync(empty, '');
    const sheet = join(folder, 'export.xlsx');
    writeFileSync(sheet, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    const message = async (path: string): Promise<string> => (await runCli(['import', SAMPLE, '--db', path])).stderr;
    expect(await message(folder)).toBe(`replybench: --db "${folder}" (${folder}) is a folder, not a database file; ${HINT}\n`);
    expect(await message(empty)).toBe(`replybench: --db "${empty}" (${empty}) is an empty file, not a DuckDB database; ${HINT}\n`);
    expect(await message(sheet)).toContain('is not a DuckDB database (it is a zip archive or an Excel workbook)');

    const database = join(folder, 'new', 'store.duckdb');
    expect((await runCli(['import', SAMPLE, '--db', database])).status).toBe(0);
    const again = await runCli(['import', SAMPLE, '--db', database, '--json']);
    expect(again.status).toBe(0);
    const store = await Store.open(database, { readOnly: true });
    try {
      expect(await storedRows(store, 'SELECT count(*)::DOUBLE AS n FROM posts')).toEqual([{ n: 93 }]);
    } finally {
      store.close();
    }
  });

  it('an import that adds nothing leaves no new database, write-ahead log or folder behind', async () => {
    const folder = tempFolder();
    const database = join(folder, 'deep', 'er', 'store.duckdb');
    const result = await runCli(['import', join(folder, 'missing.csv'), '--db', database]);
    expect(result.status).toBe(1);
    expect(existsSync(join(folder, 'deep'))).toBe(false);

    // An existing folder and database are never removed.
    mkdirSync(join(folder, 'kept'));
    const kept = join(folder, 'kept', 'store.duckdb');
    expect((await runCli(['import', SAMPLE, '--db', kept])).status).toBe(0);
    expect((await runCli(['import', join(folder, 'missing.csv'), '--db', kept])).status).toBe(1);
    expect(existsSync(kept)).toBe(true);
  });

  it("without a database key, the database is replybench.duckdb in the config's folder, wherever the command runs", async () => {
    const folder = tempFolder();
    const config = join(folder, 'client', 'replybench.yaml');
    mkdirSync(join(folder, 'client'));
    writeFileSync(config, 'client: acme\nbrands:\n  - id: acme\n    accounts: { twitter: [AppleSupport] }\n');
    const imported = await runCli(['import', SAMPLE, '--config', config], folder);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    expect(existsSync(join(folder, 'client', 'replybench.duckdb'))).toBe(true);
    expect(existsSync(join(folder, 'replybench.duckdb'))).toBe(false);
    expect((await runCli(['check', '--period', '2017-10', '--config', config], folder)).status).toBe(0);
  });

  it('bad options are refused before the database is created', async () => {
    const database = join(tempFolder(), 'store.duckdb');
    const result = await runCli(['import', SAMPLE, '--db', database, '--timezone', 'Mars/Olympus']);
    expect(result.status).toBe(1);
    expect(existsSync(database)).toBe(false);
  });
});
