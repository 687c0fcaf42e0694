import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SqlParams, Store } from '../store/database.js';
import { paramsFor } from '../store/sql-params.js';

/** queries/ sits two levels above both src/metrics/ and dist/metrics/. */
const QUERIES_DIR = fileURLToPath(new URL('../../queries/', import.meta.url));

const cache = new Map<string, string[]>();

/** The statements of queries/<name>.sql, split on a `;` that ends a line. */
export function loadQuery(name: string): string[] {
  let statements = cache.get(name);
  if (!statements) {
    const text = readFileSync(`${QUERIES_DIR}${name}.sql`, 'utf8');
    statements = text
      .split(/;[ \t]*(?:\r?\n|$)/)
      .map((statement) => statement.trim())
      .filter((statement) => statement.split('\n').some((line) => line.trim() !== '' && !line.trim().startsWith('--')));
    cache.set(name, statements);
  }
  return statements;
}

/** Runs every statement of queries/<name>.sql. */
export async function runQueryFile(store: Store, name: string, params: SqlParams = {}): Promise<void> {
  for (const statement of loadQuery(name)) await store.run(statement, paramsFor(statement, params));
}

/** Rows of the last statement of queries/<name>.sql (earlier ones run first). */
export async function queryFile<Row extends Record<string, unknown>>(store: Store, name: string, params: SqlParams = {}): Promise<Row[]> {
  const statements = loadQuery(name);
  for (const statement of statements.slice(0, -1)) await store.run(statement, paramsFor(statement, params));
  const last = statements[statements.length - 1] as string;
  return store.all<Row>(last, paramsFor(last, params));
}
