/** Named parameters are bound from DuckDB's own reading of each statement: no SQL is parsed by replybench. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/database.js';

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

  it('gives each session its own temporary tables', async () => {
    const other = await store.session();
    try {
      await other.run('CREATE TEMP TABLE only_here AS SELECT 1 AS one');
      await expect(store.all('SELECT * FROM only_here')).rejects.toThrow(/only_here/);
      expect(await other.all('SELECT one FROM only_here')).toEqual([{ one: 1 }]);
    } finally {
      other.close();
    }
  });
});
