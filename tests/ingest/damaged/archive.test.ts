/**
 * Issue 9, case 8: a .zip export archive is not a workbook: each CSV, TSV or
 * XLSX inside is imported as a file of its own (one batch and one
 * transaction each, named archive.zip:member), the other members listed.
 */
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importError, openStore, runCli, tempFile, tempFolder } from '../helpers.js';
import { fileName } from '../../../src/ingest/archive.js';
import { importFiles } from '../../../src/ingest/import.js';
import { DAMAGED, expectedTwcsPosts, SAMPLE_TEXT, storedTwcsPosts } from './expected.js';
import { storedRows } from '../../stored-rows.js';

const ARCHIVE = join(DAMAGED, 'exports.zip');
const SKIPPED = 'exports.zip also holds 1 file that is not a CSV, TSV or XLSX export, not read: README.txt';

describe('case 8: zip archives', () => {
  it('imports every export in the archive as its own batch, named after the archive, and lists the other members', async () => {
    const store = await openStore();
    const outcome = await importFiles(store, [ARCHIVE], {});
    expect(outcome.failures).toEqual([]);
    expect(outcome.results.map((result) => [result.path, result.format, result.rowsRead, result.imported])).toEqual([
      [`${ARCHIVE}:october/twcs_kaggle_sample.csv`, 'twcs', 93, 93],
      [`${ARCHIVE}:talkwalker.csv`, 'talkwalker', 5, 5],
    ]);
    expect(outcome.results[0]?.warnings).toEqual([SKIPPED]);
    expect(await storedRows(store, 'SELECT batch_id, file, rows_read::DOUBLE AS rows FROM import_batches ORDER BY batch_id')).toEqual([
      { batch_id: 1, file: `${ARCHIVE}:october/twcs_kaggle_sample.csv`, rows: 93 },
      { batch_id: 2, file: `${ARCHIVE}:talkwalker.csv`, rows: 5 },
    ]);
    // Nothing lost, nothing changed: the sample's rows are stored as the sample itself imports.
    await store.run('DELETE FROM posts WHERE batch_id <> 1');
    expect(await storedTwcsPosts(store)).toEqual(expectedTwcsPosts(SAMPLE_TEXT));
  });

  it('prints one summary per member; the same archive again adds nothing', async () => {
    const db = join(tempFolder(), 'store.duckdb');
    const first = await runCli(['import', ARCHIVE, '--db', db]);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('exports.zip:october/twcs_kaggle_sample.csv: twcs, utf-8: 93 rows read, 93 new posts.');
    expect(first.stdout).toContain(`  warning: ${SKIPPED}`);
    expect(first.stdout).toContain('exports.zip:talkwalker.csv: talkwalker, utf-8: 5 rows read, 5 new posts; times without an offset read in UTC.');
    expect(first.stdout).toContain(`Imported 2 files into ${db}: 98 new posts.`);
    const again = await runCli(['import', ARCHIVE, '--db', db, '--json']);
    expect(again.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { imported: number }).imported)).toEqual([0, 0]);
  });

  it('a dry run reports each export of the archive as the import reads it, writing nothing', async () => {
    const db = join(tempFolder(), 'store.duckdb');
    const dry = await runCli(['import', '--dry-run', '--json', ARCHIVE, '--db', db]);
    expect(dry.status, dry.stderr).toBe(0);
    const reports = dry.stdout.trim().split('\n').map((line) => JSON.parse(line) as { path: string; format: { id: string }; rowsRead: number; wouldImport: number; warnings: string[] });
    expect(reports.map((report) => [report.path, report.format.id, report.rowsRead, report.wouldImport])).toEqual([
      [`${ARCHIVE}:october/twcs_kaggle_sample.csv`, 'twcs', 93, 93],
      [`${ARCHIVE}:talkwalker.csv`, 'talkwalker', 5, 5],
    ]);
    expect(reports[0]?.warnings).toContain(SKIPPED);
    expect(existsSync(db)).toBe(false);
    const empty = tempFile('empty.zip', Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]));
    expect((await runCli(['import', '--dry-run', empty])).stderr.trim()).toBe(`replybench: ${empty}: this zip archive is empty: download the export again.`);
    // A member the import would refuse is said as refused; the others are still read, and the command fails.
    const mixed = join(DAMAGED, 'one-unknown-member.zip');
    const both = await runCli(['import', '--dry-run', '--json', mixed]);
    expect(both.status).toBe(1);
    const lines = both.stdout.trim().split('\n').map((line) => JSON.parse(line) as { path: string; rowsRead?: number; error?: string });
    expect(lines.map((line) => [line.path, line.rowsRead ?? null, line.error === undefined])).toEqual([
      [`${mixed}:october/twcs_kaggle_sample.csv`, 93, true],
      [`${mixed}:notes.csv`, null, false],
    ]);
    expect(both.stderr).toContain(`${mixed}:notes.csv`);
    expect(both.stderr).toContain('1 of 2 files could not be read');
  });

  it('a member that is a symbolic link is not read, whatever its name, and is named among the files not read', async () => {
    const store = await openStore();
    const outcome = await importFiles(store, [join(DAMAGED, 'link-member.zip')], {});
    expect(outcome.results.map((result) => [fileName(result.path), result.imported])).toEqual([['link-member.zip:october/twcs_kaggle_sample.csv', 93]]);
    expect(outcome.results[0]?.warnings).toContain('link-member.zip also holds 1 file that is not a CSV, TSV or XLSX export, not read: passwd.csv');
  });

  it('an archive named otherwise is still told from a workbook by what it holds', async () => {
    const store = await openStore();
    const renamed = join(tempFolder(), 'download.bin');
    copyFileSync(ARCHIVE, renamed);
    const outcome = await importFiles(store, [renamed], {});
    expect(outcome.results.map((result) => result.imported)).toEqual([93, 5]);
  });

  it('an archive without an export, or a damaged one, fails in one line and leaves no database behind', async () => {
    const store = await openStore();
    const readme = join(DAMAGED, 'readme-only.zip');
    expect(await importError(store, readme)).toBe(`${readme}: this zip archive holds no CSV, TSV or XLSX export (it holds: README.txt). Unzip it and import the exports.`);
    // An archive of no file at all is only its end record: it is named empty, not taken for a binary file.
    const empty = tempFile('empty.zip', Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]));
    expect(await importError(store, empty)).toBe(`${empty}: this zip archive is empty: download the export again.`);
    const cut = tempFile('cut.zip', readFileSync(ARCHIVE).subarray(0, 2000));
    expect(await importError(store, cut)).toMatch(/^.*cut\.zip: cannot read this zip archive \(.*\)\. Download the export again, or unzip it and import its files\.$/);
    const db = join(tempFolder(), 'new.duckdb');
    expect((await runCli(['import', cut, '--db', db])).status).toBe(1);
    expect(existsSync(db)).toBe(false);
  });
});
