/**
 * Issue 9, case 9: Excel damage of any kind in an id-list column is reported
 * with its first line, 15-significant-digit rounding included; the lists it
 * damaged are kept as unreadable ("?": their ids lost, but listed) and every
 * row is otherwise stored as it is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATE, FIXTURES, importError, importOne, openStore, tempFile, twcsCsv } from '../helpers.js';
import { UNREADABLE_RESPONSE_IDS } from '../../../src/ingest/canonical.js';
import { DAMAGED, expectedExcept, storedTwcsPosts } from './expected.js';
import { computeMetrics } from '../../../src/metrics/compute.js';
import { configWith } from '../../metrics/helpers.js';
import { storedRows } from '../../stored-rows.js';

const WARNING =
  'response_tweet_id was damaged by Excel, which made one number of its list of ids (155,157 shown as 1,55,157, rounded to 15 digits, written as 1.55E+5 or as #####): the list is lost, the rows are kept, and each counts as a post whose listed responses the data lacks (reply links come from in_response_to_tweet_id, which is intact); to keep the lists, export again without opening the file in Excel';
const REGROUPED = ['156', '172', '180', '185', '188', '194'];

describe('case 9: Excel-damaged id lists', () => {
  it('a list rounded to 15 significant digits is reported like the regrouped ones, from its own line on', async () => {
    const store = await openStore();
    const path = join(DAMAGED, 'excel-rounded.csv');
    const result = await importOne(store, path);
    expect(result).toMatchObject({ rowsRead: 121, imported: 121, rejected: 0 });
    expect(result.warnings).toEqual([`7 rows: ${WARNING} (first at line 8)`]);
    const damaged = Object.fromEntries(['8', ...REGROUPED].map((id) => [id, { response_ids: UNREADABLE_RESPONSE_IDS }]));
    expect(await storedTwcsPosts(store)).toEqual(expectedExcept(readFileSync(path, 'utf8'), [], damaged));
  });

  it('the untouched Excel copy still reports only the regrouped lists', async () => {
    const store = await openStore();
    const result = await importOne(store, join(FIXTURES, 'twcs_excel_mangled.csv'));
    expect(result.warnings).toEqual([`6 rows: ${WARNING} (first at line 95)`]);
  });

  it('a readable copy of a damaged list replaces it: from a later file, or from a later row of the same file', async () => {
    const header = 'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id';
    const row = (list: string) => `156,c1,True,${DATE},@AcmeCares hi,${list},`;
    const stored = (store: Awaited<ReturnType<typeof openStore>>) => storedRows(store, 'SELECT response_ids FROM posts');
    const later = await openStore();
    await importOne(later, tempFile('excel.csv', `${header}\n${row('"1,55,157"')}\n`));
    expect(await stored(later)).toEqual([{ response_ids: UNREADABLE_RESPONSE_IDS }]);
    await importOne(later, tempFile('original.csv', `${header}\n${row('"155,157"')}\n`));
    expect(await stored(later)).toEqual([{ response_ids: '155,157' }]);
    // The other way round, the readable list stays.
    await importOne(later, tempFile('excel again.csv', `${header}\n${row('"1,55,157"')}\n`));
    expect(await stored(later)).toEqual([{ response_ids: '155,157' }]);
    const oneFile = await openStore();
    await importOne(oneFile, tempFile('twice.csv', `${header}\n${row('"1,55,157"')}\n${row('"155,157"')}\n`));
    expect(await stored(oneFile)).toEqual([{ response_ids: '155,157' }]);
  });

  it('a list in scientific notation is Excel damage too, not a reason to reject the row', async () => {
    const store = await openStore();
    const text = readFileSync(join(FIXTURES, 'twcs_excel_mangled.csv'), 'utf8').replace('"9,6,10"', '9.61E+5');
    const result = await importOne(store, tempFile('scientific.csv', text));
    expect(result).toMatchObject({ imported: 121, rejected: 0 });
    expect(result.warnings).toEqual([`7 rows: ${WARNING} (first at line 8)`]);
  });

  it('a list Excel shows as ##### (a column too narrow) imports the row without the list, with the warning', async () => {
    const store = await openStore();
    const text = readFileSync(join(FIXTURES, 'twcs_excel_mangled.csv'), 'utf8').replace('"9,6,10"', '#####');
    const path = tempFile('hashes.csv', text);
    const result = await importOne(store, path);
    expect(result).toMatchObject({ imported: 121, rejected: 0 });
    expect(result.warnings).toEqual([`7 rows: ${WARNING} (first at line 8)`]);
    const damaged = Object.fromEntries(['8', ...REGROUPED].map((id) => [id, { response_ids: UNREADABLE_RESPONSE_IDS }]));
    expect(await storedTwcsPosts(store)).toEqual(expectedExcept(text, [], damaged));
  });
});

describe('Excel damage to ids and authors, in every format', () => {
  it('a post id in scientific notation or an author shown as ##### rejects the row; a parent id shown as ##### is dropped and the reply kept, with a warning', async () => {
    const store = await openStore();
    const text = readFileSync('tests/fixtures/formats/twarc2_rows.csv', 'utf8')
      .replace('1400000000000000004,', '1.4E+18,')
      .replace(',bob_r,', ',#####,')
      .replace(/(1400000000000000005,[^,]*,)1400000000000000002/, '$1#####');
    const result = await importOne(store, tempFile('twarc2-excel.csv', text));
    expect(result).toMatchObject({ rowsRead: 5, imported: 3, rejected: 2 });
    expect(result.rejectedByReason).toEqual({
      'the post id is in scientific notation (e.g. 1.23E+17) or shown as #####: Excel rounded it and the real id is lost; export the data again without opening it in Excel': 1,
      'the author is a number in scientific notation or shown as #####: Excel damaged it, and authors would be merged; export the data again without opening it in Excel': 1,
    });
    expect(result.warnings).toEqual(['1 row: the parent id is in scientific notation or shown as ##### (Excel damaged it): the reply was kept without its parent (first at line 6)']);
    const stored = await storedRows(store, 'SELECT post_id, kind, parent_id FROM posts ORDER BY post_id');
    expect(stored).toEqual([
      { post_id: '1400000000000000001', kind: 'post', parent_id: null },
      { post_id: '1400000000000000002', kind: 'reply', parent_id: '1400000000000000001' },
      { post_id: '1400000000000000005', kind: 'reply', parent_id: null },
    ]);
  });
});

describe('ids in scientific notation with a decimal comma (Excel in Spanish, French or German, in a file it separates with semicolons)', () => {
  it('reject the row of such a post id, and drop such a parent id keeping the reply, as with a decimal point', async () => {
    const store = await openStore();
    const header = 'tweet_id;author_id;inbound;created_at;text;response_tweet_id;in_response_to_tweet_id';
    const rows = [`1;c1;True;${DATE};@AcmeCares hola;;`, `1,4E+17;c2;True;${DATE};@AcmeCares hey;;`, `3;AcmeCares;False;${DATE};@c1 ok;;1,79000000000096E+17`];
    const result = await importOne(store, tempFile('comma-scientific.csv', `${[header, ...rows].join('\n')}\n`));
    expect(result).toMatchObject({ rowsRead: 3, imported: 2, rejected: 1 });
    expect(Object.keys(result.rejectedByReason)).toEqual([expect.stringMatching(/^tweet_id is in scientific notation/)]);
    expect(result.warnings).toEqual([expect.stringMatching(/^1 row: in_response_to_tweet_id is in scientific notation/)]);
    expect(await storedRows(store, 'SELECT post_id, parent_id FROM posts ORDER BY post_id')).toEqual([
      { post_id: '1', parent_id: null },
      { post_id: '3', parent_id: null },
    ]);
  });
});

describe('long ids Excel rounded to 15 digits and saved in full', () => {
  const ids = ['919688259258996000', '919695382715785000', '919698111902830000', '919701208880205000', '919705400734224000', '919707218004422000'];
  const rows = (list: string[]) => list.map((id, index) => [id, `user${index}`, DATE, '@AcmeCares hello', ''] as const);

  it('a file whose long ids mostly end in zeros past the 15th digit is refused: the real ids are lost', async () => {
    const store = await openStore();
    const path = tempFile('rounded.csv', twcsCsv(rows(ids)));
    expect(await importError(store, path)).toBe(
      `${path}: 6 of its 6 ids of 16 digits or more end in zeros past the 15th digit: Excel rounded them to 15 digits and the real ids are lost (replies would point at the wrong posts). Export the data again without opening it in Excel.`,
    );
    // A row to reject sends the file down the checked path: refused there too.
    const checked = tempFile('rounded-checked.csv', twcsCsv([...rows(ids), ['919709000000000001', 'late', 'not a date', 'hi', '']]));
    expect(await importError(store, checked)).toMatch(/rounded-checked\.csv: 6 of its 7 ids of 16 digits or more end in zeros/);
  });

  it('so is a file of fewer long ids that all end in zeros past the 15th digit, four zeros or more in all', async () => {
    const store = await openStore();
    const path = tempFile('few-rounded.csv', twcsCsv(rows(ids.slice(0, 2))));
    expect(await importError(store, path)).toMatch(/few-rounded\.csv: 2 of its 2 ids of 16 digits or more end in zeros past the 15th digit/);
    // Three zeros in all is still chance (one 18-digit id ending in 000); four is not (two 17-digit ids ending in 00).
    expect((await importOne(store, tempFile('three-zeros.csv', twcsCsv(rows(['919688259258996000']))))).imported).toBe(1);
    expect(await importError(store, tempFile('four-zeros.csv', twcsCsv(rows(['91968825925899600', '91969538271578500']))))).toMatch(/2 of its 2 ids/);
    // One 16-digit id ending in 0 (1 in 10 by chance), or a few of them among others, is kept.
    const once = tempFile('one-zero.csv', twcsCsv(rows(['1234567890123450', '1234567890123461'])));
    expect((await importOne(store, once)).imported).toBe(2);
  });

  it('one long id that ends in zeros by chance is an id like the others', async () => {
    const store = await openStore();
    const real = ids.map((id, index) => (index === 0 ? id : `${id.slice(0, 15)}${String(123 + index)}`));
    expect((await importOne(store, tempFile('real.csv', twcsCsv(rows(real))))).imported).toBe(6);
  });

  it('counts a mention whose response list Excel damaged among those whose listed responses the data lacks: its brand\'s rate is a lower bound', async () => {
    // Acme answers 6 of 10 mentions; 3 of the 4 unanswered list responses ("155,157") that Excel regrouped as 1,55,157.
    const header = 'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id';
    const lines = Array.from({ length: 10 }, (_, index) => {
      const id = 1000 + index * 10;
      const damaged = index >= 7 ? '"1,55,157"' : '';
      return [`${id},c${index},True,${DATE},@AcmeCares help ${index},${damaged},`, ...(index < 6 ? [`${id + 1},AcmeCares,False,${DATE},@c${index} on it,,${id}`] : [])];
    }).flat();
    const store = await openStore();
    const result = await importOne(store, tempFile('acme.csv', `${[header, ...lines].join('\n')}\n`));
    expect(result.warnings).toEqual([`3 rows: ${WARNING} (first at line 15)`]);
    const acme = (await computeMetrics(store, configWith([{ id: 'acme', handles: ['AcmeCares'] }]), '2017-10')).brands[0];
    expect(acme).toMatchObject({ inbound: 10, answered: 6, coverage: { inboundWithListedResponses: 3, listedResponsesMissing: 3 } });
    expect(acme?.coverage?.warnings).toContain('responses-missing');
  });
});
