import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SqlParams, Store } from '../store/database.js';

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
      .filter((statement) => stripComments(statement).trim() !== '');
    cache.set(name, statements);
  }
  return statements;
}

/**
 * DuckDB refuses a named parameter that the statement does not use, so each
 * statement gets only the `$names` it mentions.
 */
export function paramsFor(sql: string, params: SqlParams): SqlParams {
  const used: SqlParams = {};
  for (const match of stripComments(sql).matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)) {
    const name = match[1] as string;
    if (!(name in params)) throw new Error(`query parameter $${name} is not bound`);
    used[name] = params[name] as SqlParams[string];
  }
  return used;
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

/** The SQL with `-- comments` removed and string literals emptied, so neither is read as a parameter. */
function stripComments(sql: string): string {
  let out = '';
  for (let i = 0; i < sql.length; i++) {
    const char = sql[i];
    if (char === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
      out += '\n';
    } else if (char === "'") {
      i++;
      while (i < sql.length && !(sql[i] === "'" && sql[i + 1] !== "'")) i += sql[i] === "'" ? 2 : 1;
      out += "''";
    } else {
      out += char;
    }
  }
  return out;
}
