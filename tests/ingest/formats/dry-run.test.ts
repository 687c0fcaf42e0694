import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { dryRunFile, dryRunText } from '../../../src/ingest/dry-run.js';
import { runCli, tempFolder } from '../helpers.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/formats');

const run = (args: string[], cwd: string) => runCli(args, cwd);

describe('replybench import --dry-run', () => {
  it('reports format, encoding, delimiter, the column of each field, the first five rows, rejects and learned handles', async () => {
    const report = await dryRunFile(join(FIXTURES, 'twitter_v2.csv'), {});
    expect(report).toMatchObject({
      format: { id: 'twitter-v2', detected: true },
      encoding: 'utf-8',
      delimiter: ',',
      headerLine: 1,
      rowsRead: 8,
      wouldImport: 8,
      rejected: 0,
    });
    const sources = Object.fromEntries(report.fields.map((field) => [field.field, field.columns.length ? field.columns : field.constant]));
    expect(sources).toMatchObject({ platform: 'twitter', post_id: ['id'], author: ['author_id'], thread_id: ['conversation_id'], reply_to_user: ['in_reply_to_user_id'], parent_id: null });
    expect(report.rows.map((row) => [row.row, row.post?.post_id, row.post?.kind, row.post?.reply_to_user])).toEqual([
      [1, '1844000000000000001', 'post', null],
      [2, '1844000000000000002', 'reply', '2000000002'],
      [3, '1844000000000000003', 'reply', '1000000001'],
      [4, '1844000000000000004', 'reply', '2000000002'],
      [5, '1844000000000000005', 'reply', '2000000002'],
    ]);
    expect(report.learnedHandles).toEqual([
      { userId: '1000000001', handle: 'acmehelp', replies: 1, repliesTotal: 1 },
      { userId: '2000000002', handle: 'jane_doe', replies: 2, repliesTotal: 3 },
      { userId: '3000000003', handle: 'bystander_bo', replies: 1, repliesTotal: 1 },
    ]);
  });

  it('counts rejects per reason and shows a rejected row in place', async () => {
    const report = await dryRunFile(join(FIXTURES, 'meltwater_current.tsv'), { timezone: 'Europe/Madrid' });
    expect(report).toMatchObject({ format: { id: 'meltwater' }, encoding: 'utf-16le', delimiter: '\t', rowsRead: 8, wouldImport: 7, rejected: 1, rejectedByReason: { 'Author Handle is empty': 1 } });
    expect(report.fields.find((field) => field.field === 'created_at')?.columns).toEqual(['Date', 'Time']);
    const graph = await dryRunFile(join(FIXTURES, 'facebook_graph_comments.csv'), {});
    expect(graph.rows.map((row) => row.rejected === null)).toEqual([true, true, true, false, true]);
  });

  it('sets apart rows with more cells than the header as the import does, whether the reader stops on them or not, numbered in place', async () => {
    const date = 'Tue Oct 31 22:10:47 +0000 2017';
    const header = 'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id';
    const path = join(tempFolder(), 'shifted.csv');
    // Row 2's extra cell holds a value (the reader stops on it); row 3's extra cells are empty (the reader takes it silently, shifted).
    writeFileSync(path, [header, `1,a,True,${date},fine,,`, `2,b,True,${date},one, two,,1`, `3,c,True,${date},three, four,,`, `4,d,True,${date},fine,,`, `5,e,True,${date},fine,,`, ''].join('\n'));
    const reason = "more cells than the header's 7 (a comma inside an unquoted text?): its values would land in the wrong columns";
    const report = await dryRunFile(path, {});
    expect(report).toMatchObject({ rowsRead: 5, wouldImport: 3, rejected: 2, rejectedByReason: { [reason]: 2 } });
    expect(report.rows.map((row) => [row.row, row.post?.post_id ?? null, row.rejected])).toEqual([
      [1, '1', null],
      [2, null, reason],
      [3, null, reason],
      [4, '4', null],
      [5, '5', null],
    ]);
    const silent = join(tempFolder(), 'silent.csv');
    writeFileSync(silent, [header, `1,a,True,${date},fine,,`, `3,c,True,${date},three, four,,`, `4,d,True,${date},fine,,`, ''].join('\n'));
    expect(await dryRunFile(silent, {})).toMatchObject({ rowsRead: 3, wouldImport: 2, rejected: 1, rejectedByReason: { [reason]: 1 } });
  });

  it('proposes a date.format with %z for a generic mapping whose dates carry an offset', async () => {
    const folder = tempFolder();
    const data = join(folder, 'offsets.csv');
    const mapping = join(folder, 'mapping.yaml');
    writeFileSync(data, 'id,who,when\n1,a,31/10/2017 22:10 +0200\n2,b,01/11/2017 08:00 +0100\n');
    writeFileSync(mapping, 'columns: { id: id, author: who, date: when }\ndate: { format: "%d/%m/%Y %H:%M" }\nplatform: twitter\n');
    const report = await dryRunFile(data, { mapping });
    expect(report.rejectedByReason).toEqual({ 'unparseable date': 2 });
    expect(report.unreadDates).toEqual({
      examples: ['31/10/2017 22:10 +0200', '01/11/2017 08:00 +0100'],
      advice: 'set date.format in the mapping (e.g. "%d/%m/%Y %H:%M %z": %z reads the UTC offset the dates carry, so no timezone setting applies to them)',
      format: '%d/%m/%Y %H:%M %z',
      dayMonthAmbiguous: false,
    });
  });

  it('tells the day from the month on every unread date, not only the five it shows', async () => {
    const folder = tempFolder();
    const data = join(folder, 'us-dates.csv');
    const mapping = join(folder, 'mapping.yaml');
    // Month first: the first six rows fall on the first days of the month, which read either way; the seventh does not.
    const days = ['10/01/2017', '10/02/2017', '10/03/2017', '10/04/2017', '10/05/2017', '10/06/2017', '10/25/2017'];
    writeFileSync(data, `id,who,when\n${days.map((day, index) => `${index + 1},a${index},${day} 10:00`).join('\n')}\n`);
    writeFileSync(mapping, 'columns: { id: id, author: who, date: when }\ndate: { format: "%Y-%m-%d" }\nplatform: twitter\n');
    const report = await dryRunFile(data, { mapping });
    expect(report.unreadDates).toMatchObject({ examples: days.slice(0, 5).map((day) => `${day} 10:00`), format: '%m/%d/%Y %H:%M', dayMonthAmbiguous: false });
  });

  it('says when most rows would be refused for their date: the column taken for the date holds something else', async () => {
    const folder = tempFolder();
    const data = join(folder, 'usuarios.csv');
    // The page trial's mistake: the date mapped to the user column, whose ids read as numbers of seconds, or not at all.
    const lines = Array.from({ length: 12 }, (_, index) => `${index + 1},${index % 2 === 0 ? 105834 + index : `user${index}`},2017-10-${String(10 + index).padStart(2, '0')} 10:00`);
    writeFileSync(data, `ID,Usuario,Fecha\n${lines.join('\n')}\n`);
    const mapping = (date: string) => {
      const path = join(folder, `${date}.yaml`);
      writeFileSync(path, `columns: { id: ID, author: Usuario, date: ${date} }\nplatform: twitter\n`);
      return path;
    };
    const wrong = await dryRunFile(data, { mapping: mapping('Usuario') });
    expect([wrong.rejected, wrong.datesDoubtful]).toEqual([12, true]);
    expect(dryRunText(wrong)).toContain('most rows are refused for their date: the column taken for the date ("Usuario") does not seem to hold dates');
    const right = await dryRunFile(data, { mapping: mapping('Fecha') });
    expect([right.rejected, right.datesDoubtful]).toEqual([0, false]);
  });

  it('a generic mapping: its own timezone, and the rows keep the file order', async () => {
    const report = await dryRunFile(join(FIXTURES, 'generic_threads.csv'), { mapping: join(FIXTURES, 'generic_threads.mapping.yaml') });
    expect(report).toMatchObject({ format: { id: 'generic', detected: false }, delimiter: ';', timezone: 'Europe/Madrid', wouldImport: 5 });
    expect(report.rows.map((row) => row.post?.post_id)).toEqual(['501', '502', '503', '504', '505']);
    expect(report.fields.find((field) => field.field === 'created_at')?.columns).toEqual(['day', 'clock']);
  });

  it('writes nothing: no database file appears, not even the default one', async () => {
    const folder = tempFolder();
    const db = join(folder, 'store.duckdb');
    const result = await run(['import', '--dry-run', join(FIXTURES, 'facebook_comments.csv'), join(FIXTURES, 'twitter_v2.csv'), '--db', db], folder);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('facebook_comments.csv: dry run, nothing written\n  format: facebook-comments (Facebook/Instagram comments), detected from the header\n');
    expect(result.stdout).toContain('  read as: utf-8, comma-separated, header on line 1; times without an offset in UTC\n');
    expect(result.stdout).toContain('    parent_id         "Parent Comment ID"\n');
    expect(result.stdout).toContain('  7 rows read: 7 would be imported, 0 rejected\n');
    expect(existsSync(db)).toBe(false);
    expect(readdirSync(folder)).toEqual([]);
    // A --config that names no file is refused, as the import refuses it: the dry run would read times in UTC and look at another database.
    const missing = await run(['import', '--dry-run', join(FIXTURES, 'twitter_v2.csv'), '--config', join(folder, 'client.yaml')], folder);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^replybench: .*client\.yaml: config file not found\./);
  });

  it("counts the posts the database holds already (an overlapping export adds only the rest), and none without a database", async () => {
    const folder = tempFolder();
    const db = join(folder, 'store.duckdb');
    const [header, ...lines] = readFileSync(join(FIXTURES, 'twitter_v2.csv'), 'utf8').trimEnd().split('\n');
    // The first three posts imported before; the whole file previewed after.
    const earlier = join(folder, 'earlier.csv');
    writeFileSync(earlier, `${[header, ...lines.slice(0, 3)].join('\n')}\n`);
    expect((await run(['import', earlier, '--db', db], folder)).status).toBe(0);
    // The file's digest, not its bytes: a deep comparison of megabytes, byte by byte, took 10 s.
    const state = () => ({ sha256: createHash('sha256').update(readFileSync(db)).digest('hex'), files: readdirSync(folder).sort(), modified: statSync(db).mtimeMs });
    const before = state();
    const report = await dryRunFile(join(FIXTURES, 'twitter_v2.csv'), {}, { database: db });
    expect(report).toMatchObject({ wouldImport: 8, alreadyStored: 3 });
    // Read, not written: the same bytes, no write-ahead log beside it.
    expect(state()).toEqual(before);
    expect((await dryRunFile(join(FIXTURES, 'twitter_v2.csv'), {})).alreadyStored).toBeNull();
    // Before the first import, nothing is stored; an import of this process holding the database: it cannot tell.
    expect((await dryRunFile(join(FIXTURES, 'twitter_v2.csv'), {}, { database: join(folder, 'none.duckdb') })).alreadyStored).toBe(0);
    expect(await dryRunFile(join(FIXTURES, 'twitter_v2.csv'), {}, { database: db, databaseBusy: true })).toMatchObject({ alreadyStored: null, alreadyStoredUnknown: 'importing' });
    // A DuckDB file that is no replybench store: it cannot tell, and the dry run goes on.
    const foreign = join(folder, 'foreign.duckdb');
    const other = await DuckDBInstance.create(foreign);
    const connection = await other.connect();
    await connection.run('CREATE TABLE posts (platform VARCHAR, post_id VARCHAR)');
    connection.closeSync();
    other.closeSync();
    const unread = await dryRunFile(join(FIXTURES, 'twitter_v2.csv'), {}, { database: foreign });
    expect(unread).toMatchObject({ alreadyStored: null, alreadyStoredUnknown: 'other-store' });
    // The terminal says why it cannot tell, instead of counting every post as new.
    expect(dryRunText(unread)).toContain('  8 rows read: 8 would be imported (how many of them the database holds already cannot be told: it is no replybench database of this version), 0 rejected\n');
    const text = await run(['import', '--dry-run', join(FIXTURES, 'twitter_v2.csv'), '--db', db], folder);
    expect(text.stdout).toContain('  8 rows read: 5 new posts would be imported, 3 are in the database already, 0 rejected\n');
    // A config here that cannot be read names no database; --db still does.
    writeFileSync(join(folder, 'replybench.yaml'), 'client: [broken\n');
    const broken = await run(['import', '--dry-run', '--json', join(FIXTURES, 'twitter_v2.csv'), '--db', db], folder);
    expect(JSON.parse(broken.stdout)).toMatchObject({ alreadyStored: 3 });
    rmSync(join(folder, 'replybench.yaml'));
    // A dry run reads the database without writing to it.
    const imported = await run(['import', '--json', join(FIXTURES, 'twitter_v2.csv'), '--db', db], folder);
    expect(JSON.parse(imported.stdout)).toMatchObject({ imported: 5, duplicates: 3 });
  });

  it('fails, as the import would, when every row of a file would be rejected, still showing why', async () => {
    const folder = tempFolder();
    const file = join(folder, 'dates.csv');
    writeFileSync(file, 'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n1,ana,True,not a date,hola,,\n2,bob,True,nor this,hola,,\n');
    const result = await run(['import', '--dry-run', file], folder);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('  2 rows read: 0 would be imported, 2 rejected\n');
    expect(result.stderr).toBe(`replybench: ${file}: every row would be rejected, so the import would refuse the file; see the reasons above.\n`);
    const json = await run(['import', '--dry-run', '--json', file], folder);
    expect(json.status).toBe(1);
    expect(json.stdout.trim().split('\n').map((line) => JSON.parse(line) as { rejected: number })).toEqual([expect.objectContaining({ rejected: 2 })]);
  });

  it('--json prints one object per file; an unreadable file fails the command', async () => {
    const folder = tempFolder();
    const unknown = join(folder, 'unknown.csv');
    writeFileSync(unknown, 'foo,bar\n1,2\n');
    const result = await run(['import', '--dry-run', '--json', join(FIXTURES, 'twitter_v2_expanded.csv'), unknown], folder);
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ format: { id: 'twitter-v2' }, rowsRead: 6, wouldImport: 6 });
    expect(lines[1]).toMatchObject({ path: unknown, error: expect.stringContaining('unknown export layout') });
    expect(result.stderr).toContain('unknown export layout');
  });
});
