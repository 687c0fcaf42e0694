/**
 * Issue 9, case 9: Excel damage of any kind in an id-list column is reported
 * with its first line, 15-significant-digit rounding included; the lists it
 * damaged are not kept and every row is otherwise stored as it is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, importOne, openStore, tempFile } from '../helpers.js';
import { DAMAGED, expectedExcept, storedTwcsPosts } from './expected.js';

const WARNING =
  'response_tweet_id looks like an id list that Excel regrouped as one number (e.g. 155,157 shown as 1,55,157), rounded to 15 digits (349,350,351,352,347,000,000,000), wrote as 1.55E+5 or as ##### (a column too narrow); the list was not kept (the reply links come from in_response_to_tweet_id)';
const REGROUPED = ['156', '172', '180', '185', '188', '194'];

describe('case 9: Excel-damaged id lists', () => {
  it('a list rounded to 15 significant digits is reported like the regrouped ones, from its own line on', async () => {
    const store = await openStore();
    const path = join(DAMAGED, 'excel-rounded.csv');
    const result = await importOne(store, path);
    expect(result).toMatchObject({ rowsRead: 121, imported: 121, rejected: 0 });
    expect(result.warnings).toEqual([`7 rows: ${WARNING} (first at line 8)`]);
    const damaged = Object.fromEntries(['8', ...REGROUPED].map((id) => [id, { response_ids: null }]));
    expect(await storedTwcsPosts(store)).toEqual(expectedExcept(readFileSync(path, 'utf8'), [], damaged));
  });

  it('the untouched Excel copy still reports only the regrouped lists', async () => {
    const store = await openStore();
    const result = await importOne(store, join(FIXTURES, 'twcs_excel_mangled.csv'));
    expect(result.warnings).toEqual([`6 rows: ${WARNING} (first at line 95)`]);
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
    const damaged = Object.fromEntries(['8', ...REGROUPED].map((id) => [id, { response_ids: null }]));
    expect(await storedTwcsPosts(store)).toEqual(expectedExcept(text, [], damaged));
  });
});
