import type { DuckDBValue } from '@duckdb/node-api';
import type { SqlParams, Store } from '../src/store/database.js';

const ROWS_PER_STATEMENT = 500;

/**
 * Inserts test rows into a store table in one statement per 500 rows (a
 * statement per row was half the time of building a small test store). Every
 * row names the same columns; `casts` gives a column's SQL type where a bound
 * text must become one (TIMESTAMPTZ).
 */
export async function insertRows(store: Store, table: string, rows: SqlParams[], casts: Record<string, string> = {}): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    // Positional parameters: DuckDB looks a named one up among all of them, quadratic in a long VALUES list.
    const values: DuckDBValue[] = [];
    const tuples = rows.slice(start, start + ROWS_PER_STATEMENT).map((row) => {
      const cells = columns.map((column) => {
        values.push(row[column] ?? null);
        return casts[column] ? `$${values.length}::${casts[column]}` : `$${values.length}`;
      });
      return `(${cells.join(', ')})`;
    });
    await store.connection.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(',\n')}`, values);
  }
}
