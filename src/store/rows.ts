import type { z } from 'zod';

/**
 * The rows a query returned, each parsed into the shape `row` describes. A
 * value of another type (a BIGINT the SQL does not cast to DOUBLE, a NULL in
 * a column that may not hold one) fails here, naming the query, the row and
 * the column, instead of passing a wrong value on:
 * `queries/trend.sql: row 3, column n: Invalid input: expected number, received bigint`.
 */
export function parseRows<Row extends z.ZodType>(query: string, row: Row, raw: readonly unknown[]): Array<z.infer<Row>> {
  return raw.map((value, index) => {
    const parsed = row.safeParse(value);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new Error(`${query}: row ${index + 1}, column ${String(issue?.path[0] ?? '?')}: ${issue?.message ?? 'unexpected value'}`);
  });
}
