import type { DuckDBConnection, DuckDBPreparedStatement, DuckDBValue } from '@duckdb/node-api';
import type { z } from 'zod';
import { parseRows } from './rows.js';

export type SqlParams = Record<string, DuckDBValue>;

/**
 * One DuckDB connection with its own temporary tables: the store's own, or
 * one opened per analysis so that two analyses never overwrite each other.
 * Every connection runs in UTC so TIMESTAMPTZ text and date parts never
 * depend on the machine.
 */
export class SqlSession {
  constructor(readonly connection: DuckDBConnection) {}

  static async on(connection: DuckDBConnection): Promise<SqlSession> {
    await connection.run("SET TimeZone = 'UTC'");
    return new SqlSession(connection);
  }

  /** Runs SQL with named `$parameters`; values are always bound, never spliced. */
  async run(sql: string, params?: SqlParams): Promise<void> {
    await this.connection.run(sql, params);
  }

  /**
   * Rows of one query, each parsed into the shape `row` describes (cast
   * BIGINT to DOUBLE in the SQL on purpose). A row of another shape fails,
   * naming the query by `name`: `query "orphaned posts": row 1, column n: …`.
   */
  async rows<Row extends z.ZodType>(name: string, row: Row, sql: string, params?: SqlParams): Promise<Array<z.infer<Row>>> {
    const reader = await this.connection.runAndReadAll(sql, params);
    return parseRows(`query "${name}"`, row, reader.getRowObjectsJS());
  }

  /**
   * Runs one statement bound to the parameters it names, taken from a shared
   * set of values (DuckDB refuses a parameter the statement does not use);
   * returns the number of rows it changed.
   */
  async change(sql: string, params: SqlParams = {}): Promise<number> {
    const prepared = await this.connection.prepare(sql);
    bindNamed(prepared, params);
    return (await prepared.run()).rowsChanged;
  }

  /**
   * Runs every statement of a script in order, each bound to the parameters
   * it names, and returns the rows of the last as DuckDB gives them: unknown
   * until parsed (Analysis.rows parses a query file's with parseRows). Each
   * statement is prepared only after the ones before it ran, so it may read
   * the tables they create.
   */
  async script(sql: string, params: SqlParams = {}): Promise<unknown[]> {
    const statements = await this.connection.extractStatements(sql);
    let rows: unknown[] = [];
    for (let index = 0; index < statements.count; index++) {
      const prepared = await statements.prepare(index);
      bindNamed(prepared, params);
      const reader = await prepared.runAndReadAll();
      rows = index === statements.count - 1 ? reader.getRowObjectsJS() : [];
    }
    return rows;
  }

  close(): void {
    this.connection.closeSync();
  }
}

/**
 * Binds the parameters a prepared statement names (DuckDB's own parameter
 * names: no SQL is parsed here); a name missing from `params` is a bug.
 */
function bindNamed(prepared: DuckDBPreparedStatement, params: SqlParams): void {
  if (prepared.parameterCount === 0) return;
  // Bound by position: binding by name makes DuckDB search the statement's names once per value.
  const bound: DuckDBValue[] = [];
  for (let position = 1; position <= prepared.parameterCount; position++) {
    const name = prepared.parameterName(position);
    if (!Object.hasOwn(params, name)) throw new Error(`query parameter $${name} is not bound`);
    bound.push(params[name] as DuckDBValue);
  }
  prepared.bind(bound);
}
