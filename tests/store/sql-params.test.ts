import { describe, expect, it } from 'vitest';
import { paramsFor } from '../../src/store/sql-params.js';

describe('paramsFor', () => {
  it('keeps only the parameters the statement uses', () => {
    expect(paramsFor('SELECT $a + $ab', { a: 1, ab: 2, b: 3 })).toEqual({ a: 1, ab: 2 });
  });

  it('ignores $names in comments, string literals and quoted identifiers', () => {
    const sql = `SELECT "Price $USD", 'it''s $5' -- $gone\nFROM t WHERE x = $x`;
    expect(paramsFor(sql, { x: 1, USD: 2, gone: 3 })).toEqual({ x: 1 });
  });

  it('throws on a parameter that is not bound', () => {
    expect(() => paramsFor('SELECT $missing', {})).toThrow('query parameter $missing is not bound');
  });
});
