import { z } from 'zod';
import type { SqlParams, SqlSession } from '../src/store/session.js';

/** Any row: every column kept, each value as DuckDB returns it. */
const anyRow = z.record(z.string(), z.unknown());

/**
 * Every column of every row, as DuckDB returns it, for tests that compare
 * whole rows (a schema's parse keeps only the columns it names) or check a
 * value's type with their own expectation.
 */
export function storedRows(session: SqlSession, sql: string, params?: SqlParams): Promise<Array<Record<string, unknown>>> {
  return session.rows('test rows', anyRow, sql, params);
}
