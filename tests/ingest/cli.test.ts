import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Store } from '../../src/store/database.js';
import { DATE, FIXTURES, runCli, tempFile, tempFolder, twcsCsv } from './helpers.js';
import { storedRows } from '../stored-rows.js';

const SAMPLE = join(FIXTURES, 'twcs_kaggle_sample.csv');
const MANGLED = join(FIXTURES, 'twcs_excel_mangled.csv');
const ROOT = resolve(import.meta.dirname, '../..');

const run = (args: string[]) => runCli(args);

async function countPosts(database: string): Promise<number> {
  const store = await Store.open(database, { readOnly: true });
  try {
    const [row] = await store.rows('posts', z.object({ n: z.number() }), 'SELECT count(*)::DOUBLE AS n FROM posts');
    return row?.n ?? 0;
  } finally {
    store.close();
  }
}

describe('replybench import (CLI)', () => {
  it('--json prints one object per file with the documented fields', async () => {
    const db = join(tempFolder(), 'store.duckdb');
    const result = await run(['import', SAMPLE, MANGLED, '--db', db, '--json']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ path: SAMPLE, format: 'twcs', encoding: 'utf-8', rowsRead: 93, imported: 93, duplicates: 0, rejected: 0, skippedBlank: 0, warnings: [] });
    expect(lines[1]).toMatchObject({ path: MANGLED, rowsRead: 121, imported: 121 });
    expect(Object.keys(lines[0] ?? {})).toEqual(
      expect.arrayContaining(['path', 'format', 'encoding', 'rowsRead', 'imported', 'duplicates', 'rejected', 'skippedBlank', 'warnings']),
    );
  });

  it('prints an honest human summary, warnings included', async () => {
    const db = join(tempFolder(), 'store.duckdb');
    const result = await run(['import', MANGLED, '--db', db]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('twcs_excel_mangled.csv: twcs, utf-8: 121 rows read, 121 new posts.\n');
    expect(result.stdout).toContain('  warning: 6 rows: response_tweet_id was damaged by Excel');
    expect(result.stdout).toContain(`Imported 1 file into ${db}: 121 new posts.`);
  });

  it('a failing file is reported on one line, leaves the database unchanged, the others still import, and the exit status is 1', async () => {
    const db = join(tempFolder(), 'store.duckdb');
    const bad = tempFile('bad.csv', twcsCsv([['1', 'a', 'not a date', 'x', '']]));
    const result = await run(['import', bad, SAMPLE, '--db', db]);
    expect(result.status).toBe(1);
    const errors = result.stderr.trim().split('\n');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(new RegExp(`^replybench: ${bad}:2: no date could be read`));
    expect(errors[1]).toBe('replybench: 1 of 2 files failed and were not imported (each left the database unchanged); fix them and import them again.');
    expect(result.stdout).toContain(`Imported 1 of 2 files into ${db}: 93 new posts. 1 file failed and left the database unchanged`);
    expect(await countPosts(db)).toBe(93);
  });

  it('a single failing file gets exactly one line on stderr', async () => {
    const result = await run(['import', tempFile('empty.csv', ''), '--db', join(tempFolder(), 'store.duckdb')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^replybench: .*empty\.csv: the file is empty \(0 bytes\)\. Export the data again\.\n$/);
  });

  it('a file with a header and no row adds nothing, and leaves no new database', async () => {
    const db = join(tempFolder(), 'store.duckdb');
    const result = await run(['import', tempFile('header.csv', twcsCsv([])), '--db', db]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('  warning: the file has a header but no data rows');
    expect(existsSync(db)).toBe(false);
  });

  it('uses the config\'s database, relative to the config\'s folder', async () => {
    const folder = tempFolder();
    const config = join(folder, 'replybench.yaml');
    writeFileSync(config, 'client: acme\ndatabase: data/acme.duckdb\nbrands:\n  - id: acme\n    accounts: { twitter: [AcmeCares] }\n');
    const result = await run(['import', tempFile('one.csv', twcsCsv([['1', 'a', DATE, 'x', '']])), '--config', config, '--json']);
    expect(result.status).toBe(0);
    expect(existsSync(join(folder, 'data/acme.duckdb'))).toBe(true);
    expect(await countPosts(join(folder, 'data/acme.duckdb'))).toBe(1);
  });

  it('a bad option is one line, no stack trace', async () => {
    const result = await run(['import', SAMPLE, '--db', join(tempFolder(), 'x.duckdb'), '--timezone', 'Nowhere/Land']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('replybench: --timezone: "Nowhere/Land" is not a known IANA timezone; use e.g. UTC, Europe/Madrid or America/New_York.\n');
  });

  it('a command line it cannot read is one replybench line that says where help is, with the spelling it was closest to', async () => {
    expect(await run(['imprt', SAMPLE])).toMatchObject({ status: 1, stderr: "replybench: unknown command 'imprt' (Did you mean import?); replybench --help lists the commands, replybench <command> --help its options.\n" });
    expect(await run(['report', '--lang', 'es'])).toMatchObject({ status: 1, stderr: "replybench: required option '--period <period>' not specified; replybench --help lists the commands, replybench <command> --help its options.\n" });
    // --language, the page's word, is --lang's other name: read, and refused alike.
    expect(await run(['report', '--period', '2017-10', '--language', 'de'])).toMatchObject({ status: 1, stderr: 'replybench: --language "de": use en, es or fr.\n' });
    expect(await run(['report', '--period', '2017-10', '--lang', 'es', '--language', 'fr'])).toMatchObject({ status: 1, stderr: 'replybench: --lang "es" and --language "fr" name two languages; give one.\n' });
    expect(await run(['check', '--period', '2017-10', 'October'])).toMatchObject({ status: 1, stderr: "replybench: too many arguments for 'check'. Expected 0 arguments but got 1; replybench --help lists the commands, replybench <command> --help its options.\n" });
    expect(await run(['import', SAMPLE, '--formt', 'twcs'])).toMatchObject({ status: 1, stderr: "replybench: unknown option '--formt' (Did you mean --format?); replybench --help lists the commands, replybench <command> --help its options.\n" });
  });

  it('reads a generic file through --mapping', async () => {
    const folder = tempFolder();
    const mapping = join(folder, 'mapping.yaml');
    writeFileSync(mapping, 'columns:\n  id: ID\n  author: User\n  date: When\n  text: Message\ndate:\n  format: "%d/%m/%Y %H:%M"\nplatform: facebook\n');
    const data = tempFile('generic.csv', 'ID;User;When;Message\n10;Ana;31/10/2017 22:10;Hola\n11;Luis;01/11/2017 08:00;Adiós\n');
    const db = join(folder, 'store.duckdb');
    const result = await run(['import', data, '--db', db, '--format', 'generic', '--mapping', mapping, '--timezone', 'Europe/Madrid', '--json']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ format: 'generic', rowsRead: 2, imported: 2 });
    const store = await Store.open(db, { readOnly: true });
    try {
      const rows = await storedRows(store, "SELECT platform, strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS created FROM posts ORDER BY post_id");
      expect(rows).toEqual([
        { platform: 'facebook', created: '2017-10-31T21:10:00Z' },
        { platform: 'facebook', created: '2017-11-01T07:00:00Z' },
      ]);
    } finally {
      store.close();
    }
  });

  it('runs as the installed bin (node bin/replybench.js, built by the test script)', () => {
    const db = join(tempFolder(), 'bin.duckdb');
    const child = spawnSync(process.execPath, [join(ROOT, 'bin/replybench.js'), 'import', SAMPLE, '--db', db, '--json'], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout)).toMatchObject({ imported: 93, rowsRead: 93 });
  });

  it('says a bad input in one line, and with --debug adds a stack trace that names the source lines, not the bundle', () => {
    const config = tempFile('replybench.yaml', 'client: acme\nbrands:\n  - id: acme\n    name: Acme\n    accounts: { twitter: [acme] }\n');
    const run = (...extra: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'bin/replybench.js'), 'metrics', '--period', '2017-13', '--config', config, '--db', join(tempFolder(), 'x.duckdb'), ...extra], { encoding: 'utf8' });
    const plain = run();
    expect(plain.status).toBe(1);
    expect(plain.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^replybench: --period "2017-13": month 13 does not exist; use a month/)]);
    const debug = run('--debug');
    expect(debug.status).toBe(1);
    expect(debug.stderr).toContain(`at parsePeriod (${join(ROOT, 'src/analysis/period.ts')}:`);
    expect(debug.stderr).not.toContain('cli-bundle');
  });
});

describe('progress line', () => {
  it('draws the file and phase on a terminal and erases itself; stays silent elsewhere', async () => {
    const { ProgressLine } = await import('../../src/cli/commands/import-progress.js');
    const store = await Store.open(':memory:');
    try {
      let written = '';
      const terminal = { isTTY: true, write: (chunk: string | Uint8Array) => ((written += String(chunk)), true) };
      const line = await ProgressLine.create(store, terminal, { showAfterMs: 0, tickMs: 5 });
      expect(line).not.toBeNull();
      line?.update({ path: '/data/big.csv', phase: 'reading', fraction: 0.5 });
      await new Promise((done) => setTimeout(done, 50));
      line?.clear();
      expect(written).toContain('big.csv: reading the file 50%');
      expect(written.endsWith('\r\x1b[2K')).toBe(true);
      expect(await ProgressLine.create(store, { isTTY: false, write: () => true })).toBeNull();
    } finally {
      store.close();
    }
  });
});

describe('human summary', () => {
  it('says what happened to every row', async () => {
    const { fileSummary, closingSummary } = await import('../../src/cli/commands/import-summary.js');
    const result = {
      path: '/exports/october.csv',
      format: 'talkwalker' as const,
      encoding: 'windows-1252' as const,
      batchId: 7,
      sha256: 'x',
      rowsRead: 1210,
      imported: 1000,
      duplicates: 200,
      repeatedInFile: 50,
      rejected: 3,
      conflicts: 0,
      skippedBlank: 7,
      rejectedByReason: { 'unparseable date': 2, 'missing post id': 1 },
      warnings: ['the file is not valid UTF-8: read as Windows-1252'],
      notices: [],
      localTimesIn: 'Europe/Madrid',
    };
    expect(fileSummary(result)).toBe(
      'october.csv: talkwalker, windows-1252: 1,210 rows read, 1,000 new posts, 200 duplicates (150 already stored, 50 repeated in the file: not added again), ' +
        '3 rows rejected (unparseable date (2 rows); missing post id; listed in import_rejects, batch 7), 7 blank rows skipped; times without an offset read in Europe/Madrid.\n' +
        '  warning: the file is not valid UTF-8: read as Windows-1252\n',
    );
    expect(closingSummary([result, { ...result, imported: 1 }], 1, '/db.duckdb')).toBe(
      'Imported 2 of 3 files into /db.duckdb: 1,001 new posts. 1 file failed and left the database unchanged (see the errors above).\n',
    );
  });
});
