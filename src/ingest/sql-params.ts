import type { DuckDBValue } from '@duckdb/node-api';
import type { SqlParams } from '../store/database.js';

/** The parameters a statement names: DuckDB refuses to bind a parameter the SQL does not use. */
export function usedParams(sql: string, params: Record<string, DuckDBValue>): SqlParams {
  return Object.fromEntries(Object.entries(params).filter(([name]) => new RegExp(`\\$${name}(?![A-Za-z0-9_])`).test(sql)));
}
