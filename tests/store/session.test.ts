/** Named parameters are bound from DuckDB's own reading of each statement: no SQL is parsed by replybench. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Store } from '../../src/store/database.js';
import { storedRows } from '../stored-rows.js';

let store: Store;
beforeAll(async () => {
  store = await Store.open(':memory:');
});
afterAll(() => store.close());

describe('SqlSession', () => {
  it('binds only the parameters a statement uses, from a shared set', async () => {
    expect(await store.script('SELECT $a + $ab AS sum', { a: 1, ab: 2, b: 3 })).toEqual([{ sum: 3 }]);
  });

  it('ignores $names in comments, string literals and quoted identifiers', async () => {
    const rows = await store.script(`SELECT 'it''s $5' AS "Price $USD" -- $gone\n, $x AS x`, { x: 1 });
    expect(rows).toEqual([{ 'Price $USD': "it's $5", x: 1 }]);
  });

  it('throws on a parameter that is not bound', async () => {
    await expect(store.script('SELECT $missing', {})).rejects.toThrow('query parameter $missing is not bound');
    await expect(store.change('SELECT $missing', {})).rejects.toThrow('query parameter $missing is not bound');
  });

  it('runs a script statement by statement, each seeing the tables made before it, and returns the last rows', async () => {
    const rows = await store.script('CREATE TEMP TABLE t AS SELECT $n::INTEGER AS n;\nINSERT INTO t VALUES ($n + 1);\nSELECT sum(n)::DOUBLE AS total FROM t', { n: 5 });
    expect(rows).toEqual([{ total: 11 }]);
    expect(await store.change('DELETE FROM t WHERE n > $min', { min: 5, unused: 'x' })).toBe(1);
  });

  it('reads rows in the shape a schema gives, and names the query, row and column of a value of another type', async () => {
    const row = z.object({ n: z.number(), label: z.string().nullable() });
    expect(await store.rows('two rows', row, 'SELECT * FROM (VALUES (1::DOUBLE, NULL), (2::DOUBLE, $label)) t(n, label) ORDER BY n', { label: 'b' })).toEqual([
      { n: 1, label: null },
      { n: 2, label: 'b' },
    ]);
    await expect(store.rows('uncast count', row, "SELECT count(*) AS n, 'a' AS label")).rejects.toThrow(
      'query "uncast count": row 1, column n: Invalid input: expected number, received bigint',
    );
    await expect(store.rows('null label', z.object({ label: z.string() }), 'SELECT * FROM (VALUES (1, $a), (2, NULL)) t(n, label) ORDER BY n', { a: 'a' })).rejects.toThrow(
      'query "null label": row 2, column label: Invalid input: expected string, received null',
    );
  });

  it('gives each session its own temporary tables', async () => {
    const other = await store.session();
    try {
      await other.run('CREATE TEMP TABLE only_here AS SELECT 1 AS one');
      await expect(storedRows(store, 'SELECT * FROM only_here')).rejects.toThrow(/only_here/);
      expect(await storedRows(other, 'SELECT one FROM only_here')).toEqual([{ one: 1 }]);
    } finally {
      other.close();
    }
  });
});
