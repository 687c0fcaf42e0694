import type { SqlParams } from './database.js';

/**
 * The parameters a statement names, taken from `params`. DuckDB refuses to
 * bind a parameter the statement does not use, so a shared set of values is
 * narrowed per statement. A `$name` inside a comment, a string literal or a
 * quoted identifier (a CSV header such as "Price $USD") is not a parameter.
 * Throws when the statement uses a name that `params` lacks: that is a bug.
 */
export function paramsFor(sql: string, params: SqlParams): SqlParams {
  const used: SqlParams = {};
  for (const match of codeOnly(sql).matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)) {
    const name = match[1] as string;
    if (!Object.hasOwn(params, name)) throw new Error(`query parameter $${name} is not bound`);
    used[name] = params[name] as SqlParams[string];
  }
  return used;
}

/** The SQL with `-- comments` removed and string literals and quoted identifiers emptied. */
function codeOnly(sql: string): string {
  let out = '';
  for (let i = 0; i < sql.length; i++) {
    const char = sql[i];
    if (char === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
      out += '\n';
    } else if (char === "'" || char === '"') {
      i++;
      while (i < sql.length && !(sql[i] === char && sql[i + 1] !== char)) i += sql[i] === char ? 2 : 1;
      out += `${char}${char}`;
    } else {
      out += char;
    }
  }
  return out;
}
