import type { DuckDBConnection, DuckDBPreparedStatement, DuckDBValue } from '@duckdb/node-api';

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

  /** Rows as plain JS objects. Cast BIGINT/TIMESTAMPTZ in the SQL on purpose. */
  async all<Row extends Record<string, unknown>>(sql: string, params?: SqlParams): Promise<Row[]> {
    const reader = await this.connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJS() as Row[];
  }

  /** Columns as arrays (fast path to Arquero). */
  async columns<Columns extends Record<string, unknown[]>>(sql: string, params?: SqlParams): Promise<Columns> {
    const reader = await this.connection.runAndReadAll(sql, params);
    return reader.getColumnsObjectJS() as Columns;
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
   * it names, and returns the rows of the last. Each statement is prepared
   * only after the ones before it ran, so it may read the tables they create.
   */
  async script<Row extends Record<string, unknown>>(sql: string, params: SqlParams = {}): Promise<Row[]> {
    const statements = await this.connection.extractStatements(sql);
    let rows: Row[] = [];
    for (let index = 0; index < statements.count; index++) {
      const prepared = await statements.prepare(index);
      bindNamed(prepared, params);
      const reader = await prepared.runAndReadAll();
      rows = index === statements.count - 1 ? (reader.getRowObjectsJS() as Row[]) : [];
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
