/**
 * Issue 9, case 4: two rows with the same id but another author, date or
 * text are not one post: the later copy is kept in import_rejects as a
 * conflicting duplicate of the first, and counted as such.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSummary } from '../../../src/cli/commands/import-summary.js';
import { DATE, importOne, openStore, rejects, runCli, tempFile, tempFolder, twcsCsv } from '../helpers.js';
import { DAMAGED, expectedTwcsPosts, SAMPLE_TEXT, storedTwcsPosts } from './expected.js';
import { storedRows } from '../../stored-rows.js';
import { noticeText, storedNotices } from '../../../src/ingest/notices.js';

const PATH = join(DAMAGED, 'conflicts.csv');

describe('case 4: conflicting copies of a post', () => {
  it('the differing copy goes to import_rejects naming the first copy\'s line; the identical copy stays a plain duplicate; the store holds the first copies unchanged', async () => {
    const store = await openStore();
    const result = await importOne(store, PATH);
    expect(result).toMatchObject({ rowsRead: 95, imported: 93, duplicates: 1, repeatedInFile: 1, conflicts: 1, rejected: 0, rejectedByReason: {} });
    expect(result.rowsRead).toBe(result.imported + result.duplicates + result.conflicts + result.rejected + result.skippedBlank);
    const stored = await rejects(store);
    expect(stored.map((row) => [row.line, row.reason, row.raw])).toEqual([[102, 'conflicting duplicate of line 3', '119238,SomeoneElse,True,Thu Oct 12 08:00:00 +0000 2017,a different post that reused the id,,']]);
    expect(await storedTwcsPosts(store)).toEqual(expectedTwcsPosts(SAMPLE_TEXT));
    const [batch] = await storedRows(store, 'SELECT rejected::DOUBLE AS rejected FROM import_batches');
    expect(batch?.rejected).toBe(1);
    expect(fileSummary(result)).toContain(
      '95 rows read, 93 new posts, 1 duplicate (1 repeated in the file: not added again), 1 conflicting duplicate (a post id seen earlier in the file with another author, date or text: not added; listed in import_rejects, batch 1).',
    );
  });

  it('--json counts conflicts apart from rejected rows, and a repeat import reports the same', async () => {
    const db = join(tempFolder(), 'store.duckdb');
    const result = await runCli(['import', PATH, PATH, '--db', db, '--json']);
    expect(result.status).toBe(0);
    const [first, second] = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(first).toMatchObject({ rowsRead: 95, imported: 93, duplicates: 1, repeatedInFile: 1, conflicts: 1, rejected: 0, rejectedByReason: {} });
    // Read again, every post of the file is stored already, those it repeats too.
    expect(second).toMatchObject({ rowsRead: 95, imported: 0, duplicates: 94, repeatedInFile: 0, conflicts: 1, rejected: 0, rejectedByReason: {}, alreadyImported: { batchId: 1 } });
  });

  it('a copy that only lacks the text, or only fills it in, is a duplicate, not a conflict', async () => {
    const store = await openStore();
    const result = await importOne(store, tempFile('fills.csv', twcsCsv([['1', 'a', DATE, '', ''], ['1', 'a', DATE, 'text', ''], ['2', 'b', DATE, 'kept', ''], ['2', 'b', DATE, '', '']])));
    expect(result).toMatchObject({ imported: 2, duplicates: 2, repeatedInFile: 2, conflicts: 0 });
  });

  it('says which duplicates were stored already and which repeat a post earlier in the file', async () => {
    const store = await openStore();
    await importOne(store, tempFile('first.csv', twcsCsv([['1', 'a', DATE, 'stored', '']])));
    const result = await importOne(store, tempFile('second.csv', twcsCsv([['1', 'a', DATE, 'stored', ''], ['2', 'b', DATE, 'new', ''], ['2', 'b', DATE, 'new', '']])));
    expect(result).toMatchObject({ imported: 1, duplicates: 2, repeatedInFile: 1 });
    expect(fileSummary(result)).toContain('3 rows read, 1 new post, 2 duplicates (1 already stored, 1 repeated in the file: not added again).');
  });

  it('a copy of a post stored by an earlier import that differs from it keeps the stored post and says so', async () => {
    const store = await openStore();
    await importOne(store, tempFile('first.csv', twcsCsv([['1', 'a', DATE, 'original', '']])));
    const result = await importOne(store, tempFile('second.csv', twcsCsv([['1', 'a', DATE, 'edited', ''], ['2', 'b', DATE, 'new', '']])));
    expect(result).toMatchObject({ imported: 1, duplicates: 1, repeatedInFile: 0, conflicts: 0 });
    expect(result.warnings).toEqual(['1 row repeats a post already stored by an earlier import with another author, date or text; the stored post was kept (e.g. post_id 1)']);
    expect((await storedRows(store, "SELECT text FROM posts WHERE post_id = '1'"))[0]?.text).toBe('original');
  });

  it('a copy the listening tool rated again gives the stored post its sentiment, and says so: the export imported last counts, in either order', async () => {
    const mapping = tempFile('sentiment mapping.yaml', 'columns:\n  id: ID\n  author: User\n  date: When\n  text: Message\n  sentiment: Sentiment\nplatform: twitter\ndate:\n  format: "%a %b %d %H:%M:%S %z %Y"\n');
    const september = tempFile('september.csv', `ID,User,When,Message,Sentiment\n1,a,${DATE},late again,neutral\n2,b,${DATE},thanks,positive\n`);
    const october = tempFile('october.csv', `ID,User,When,Message,Sentiment\n1,a,${DATE},late again,negative\n2,b,${DATE},thanks,positive\n3,c,${DATE},hello,\n`);
    for (const [first, last, kept] of [[september, october, 'negative'], [october, september, 'neutral']] as const) {
      const store = await openStore();
      await importOne(store, first, { format: 'generic', mapping });
      const later = await importOne(store, last, { format: 'generic', mapping });
      expect(later.warnings).toEqual([`1 row rates a post already stored with another sentiment (the tool rated it again); this file's sentiment was taken, so the export imported last counts (e.g. post_id 1)`]);
      expect(await storedRows(store, 'SELECT post_id, sentiment FROM posts ORDER BY post_id')).toEqual([
        { post_id: '1', sentiment: kept },
        { post_id: '2', sentiment: 'positive' },
        { post_id: '3', sentiment: null },
      ]);
    }
  });

  it('copies a timezone\'s offset apart, and alike otherwise, are said to be so, apart from copies that differ otherwise; the stored times are kept', async () => {
    const mapping = tempFile('local times mapping.yaml', 'columns:\n  id: ID\n  author: User\n  date: When\n  text: Message\nplatform: twitter\ndate:\n  format: "%Y-%m-%d %H:%M"\n');
    const september = tempFile('september local.csv', 'ID,User,When,Message\n1,a,2017-09-30 10:00,late again\n2,b,2017-09-30 11:00,thanks\n3,c,2017-09-30 12:00,hello\n');
    // October's export overlaps September's last day: post 1 and 2 alike, post 3 by another author.
    const october = tempFile('october local.csv', 'ID,User,When,Message\n1,a,2017-09-30 10:00,late again\n2,b,2017-09-30 11:00,thanks\n3,z,2017-09-30 12:00,hello\n4,d,2017-10-01 09:00,new\n');
    const store = await openStore();
    await importOne(store, september, { format: 'generic', mapping, timezone: 'UTC' });
    const later = await importOne(store, october, { format: 'generic', mapping, timezone: 'Asia/Kolkata' });
    expect(later.warnings).toEqual([
      '1 row repeats a post already stored by an earlier import with another author, date or text; the stored post was kept (e.g. post_id 3)',
      "2 rows repeat a post already stored with the same author and text, its time 5.5 hours earlier than the stored post's: a timezone's offset, as when times that name no timezone are read in another zone than at an earlier import (--timezone, or the config's timezone, changed); the stored times were kept (e.g. post_id 1). If this file's zone is the right one, import the files into a new, empty database",
    ]);
    expect(await storedRows(store, "SELECT post_id, strftime(created_at, '%Y-%m-%d %H:%M') AS at FROM posts ORDER BY post_id")).toEqual([
      { post_id: '1', at: '2017-09-30 10:00' },
      { post_id: '2', at: '2017-09-30 11:00' },
      { post_id: '3', at: '2017-09-30 12:00' },
      { post_id: '4', at: '2017-10-01 03:30' },
    ]);
  });

  it('copies an hour apart whose times both carry their offset (a corrected re-export) are said to be moved by the export, not by a timezone, with the way to take the corrected times', async () => {
    const earlier = DATE.replace('22:10:47', '23:10:47');
    const first = tempFile('december care.csv', twcsCsv([['1', 'VireoCares', earlier, '@ana on it', ''], ['2', 'VireoCares', earlier, '@luis on it', ''], ['3', 'ana', DATE, 'hello', '']]));
    const corrected = tempFile('december care CORRECTED.csv', twcsCsv([['1', 'VireoCares', DATE, '@ana on it', ''], ['2', 'VireoCares', DATE, '@luis on it', ''], ['3', 'ana', DATE, 'hello', '']]));
    const store = await openStore();
    expect((await importOne(store, first)).localTimesIn).toBeNull();
    const later = await importOne(store, corrected);
    expect(later.warnings).toEqual([
      "2 rows repeat a post already stored with the same author and text, its time 1 hour earlier than the stored post's: both times are written with their UTC offset, so no timezone setting moved them, the export did (a corrected export?); the stored times were kept (e.g. post_id 1). To take this file's times, import the exports into a new, empty database (a new client in the page) with this file first, or without the export it corrects",
    ]);
    const [notice] = (await storedRows(store, 'SELECT notices FROM import_batches WHERE batch_id = 2')).map((row) => storedNotices(String(row.notices)));
    expect(notice?.map((entry) => noticeText(entry, 'es'))).toEqual([
      '2 filas repiten una publicación ya guardada con el mismo autor y texto, con su hora 1 hora antes que la guardada: ambas horas se escriben con su desfase UTC, así que no las movió ningún ajuste de zona horaria sino la exportación (¿una exportación corregida?); se conservaron las horas guardadas (p. ej. post_id 1). Para tomar las horas de este archivo, importe las exportaciones en una base de datos nueva y vacía (un cliente nuevo en la página) empezando por este archivo, o sin la exportación que corrige',
    ]);
    expect(await storedRows(store, "SELECT post_id, strftime(created_at, '%H:%M') AS at FROM posts ORDER BY post_id")).toEqual([
      { post_id: '1', at: '23:10' },
      { post_id: '2', at: '23:10' },
      { post_id: '3', at: '22:10' },
    ]);
    // As the warning says: in a new database, the corrected export first keeps its times.
    const fresh = await openStore();
    await importOne(fresh, corrected);
    expect((await importOne(fresh, first)).warnings[0]).toMatch(/^2 rows repeat a post already stored .* 1 hour later than the stored post's: both times are written with their UTC offset/);
    expect(await storedRows(fresh, "SELECT strftime(created_at, '%H:%M') AS at FROM posts WHERE post_id = '1'")).toEqual([{ at: '22:10' }]);
  });

  it('a file whose times carry their offset, an hour from posts an earlier import read in a zone, keeps the timezone\'s explanation: that zone may be the wrong one', async () => {
    const mapping = tempFile('listening mapping.yaml', 'columns:\n  id: ID\n  author: User\n  date: When\n  text: Message\nplatform: twitter\ndate:\n  format: "%Y-%m-%d %H:%M:%S"\n');
    const listening = tempFile('listening.csv', 'ID,User,When,Message\n1,a,2017-10-31 23:10:47,late again\n');
    const store = await openStore();
    await importOne(store, listening, { format: 'generic', mapping, timezone: 'UTC' });
    const care = await importOne(store, tempFile('care.csv', twcsCsv([['1', 'a', DATE, 'late again', '']])));
    expect(care.warnings).toEqual([
      "1 row repeats a post already stored with the same author and text, its time 1 hour earlier than the stored post's: a timezone's offset, as when times that name no timezone are read in another zone than at an earlier import (--timezone, or the config's timezone, changed); the stored times were kept (e.g. post_id 1). If this file's zone is the right one, import the files into a new, empty database",
    ]);
  });

  it('a copy written to the minute and a timezone\'s offset away from a stored time written to the second is said to be shifted, not another post', async () => {
    const seconds = tempFile('seconds mapping.yaml', 'columns:\n  id: ID\n  author: User\n  date: When\n  text: Message\nplatform: twitter\ndate:\n  format: "%Y-%m-%d %H:%M:%S"\n');
    const minutes = tempFile('minutes mapping.yaml', 'columns:\n  id: ID\n  author: User\n  date: When\n  text: Message\nplatform: twitter\ndate:\n  format: "%Y-%m-%d %H:%M"\n');
    const care = tempFile('care tool.csv', 'ID,User,When,Message\n1,a,2017-09-30 14:03:27,late again\n');
    const listening = tempFile('listening.csv', 'ID,User,When,Message\n1,a,2017-09-30 14:03,late again\n');
    const store = await openStore();
    await importOne(store, care, { format: 'generic', mapping: seconds, timezone: 'UTC' });
    const later = await importOne(store, listening, { format: 'generic', mapping: minutes, timezone: 'Asia/Kolkata' });
    expect(later.warnings).toEqual([
      "1 row repeats a post already stored with the same author and text, its time 5.5 hours earlier than the stored post's: a timezone's offset, as when times that name no timezone are read in another zone than at an earlier import (--timezone, or the config's timezone, changed); the stored times were kept (e.g. post_id 1). If this file's zone is the right one, import the files into a new, empty database",
    ]);
    expect(await storedRows(store, "SELECT strftime(created_at, '%Y-%m-%d %H:%M:%S') AS at FROM posts")).toEqual([{ at: '2017-09-30 14:03:27' }]);
  });

  it('a tweet whose copies differ only by Twitter\'s escaping of & is one post, stored with its text unescaped, in either order', async () => {
    const mapping = tempFile('mapping.yaml', 'columns:\n  id: ID\n  author: User\n  date: When\n  text: Message\nplatform: twitter\ndate:\n  format: "%a %b %d %H:%M:%S %z %Y"\n');
    const escaped = tempFile('care tool.csv', `ID,User,When,Message\n1,a,${DATE},Q&amp;A at 5 &lt;3\n2,b,${DATE},R&amp;D\n`);
    const kaggle = tempFile('kaggle.csv', twcsCsv([['1', 'a', DATE, 'Q&amp;A at 5 &lt;3', ''], ['2', 'b', DATE, 'R&D edited', '']]));
    for (const order of [[escaped, kaggle], [kaggle, escaped]]) {
      const store = await openStore();
      await importOne(store, order[0] ?? '', order[0] === escaped ? { format: 'generic', mapping } : {});
      const later = await importOne(store, order[1] ?? '', order[1] === escaped ? { format: 'generic', mapping } : {});
      // Post 1 is the same tweet; post 2's texts differ by more than the escaping ("edited"): said, and the stored one kept.
      expect(later.warnings).toEqual(['1 row repeats a post already stored by an earlier import with another author, date or text; the stored post was kept (e.g. post_id 2)']);
      expect(await storedRows(store, "SELECT post_id, text FROM posts ORDER BY post_id")).toEqual([
        { post_id: '1', text: 'Q&A at 5 <3' },
        { post_id: '2', text: order[0] === escaped ? 'R&amp;D' : 'R&D edited' },
      ]);
    }
  });

  it('a copy whose time is the stored one written to the minute (Meltwater) is the same post; a minute or more apart, or seconds apart at full precision, it differs', async () => {
    const store = await openStore();
    const at = (time: string) => DATE.replace('22:10:47', time);
    await importOne(store, tempFile('care.csv', twcsCsv([['1', 'a', DATE, 'hi', ''], ['2', 'b', DATE, 'hi', ''], ['3', 'c', DATE, 'hi', '']])));
    const listening = await importOne(store, tempFile('listening.csv', twcsCsv([['1', 'a', at('22:11:00'), 'hi', ''], ['2', 'b', at('22:12:00'), 'hi', ''], ['3', 'c', at('22:10:30'), 'hi', '']])));
    expect(listening).toMatchObject({ imported: 0, duplicates: 3 });
    expect(listening.warnings).toEqual(['2 rows repeat a post already stored by an earlier import with another author, date or text; the stored post was kept (e.g. post_id 2)']);
  });
});
