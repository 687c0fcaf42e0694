import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../errors.js';
import { SCHEMA_DDL, SCHEMA_VERSION } from './schema.js';

export type SqlParams = Record<string, DuckDBValue>;

/** One open store: a DuckDB file (or `:memory:`) with the replybench schema in place. */
export class Store {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  /**
   * Opens (creating if needed) the database at `path`. Every connection runs
   * in UTC so TIMESTAMPTZ text and date parts never depend on the machine.
   */
  static async open(path: string, options: { readOnly?: boolean } = {}): Promise<Store> {
    if (path !== ':memory:' && !options.readOnly) mkdirSync(dirname(path), { recursive: true });
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, options.readOnly ? { access_mode: 'READ_ONLY' } : {});
    } catch (error) {
      throw new UserError(`${path}: cannot open the database (${firstLine(error)}). Check the path, or close the program that holds it.`);
    }
    const connection = await instance.connect();
    await connection.run("SET TimeZone = 'UTC'");
    const store = new Store(path, instance, connection);
    if (!options.readOnly) await store.migrate();
    return store;
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

  /** Runs `work` in one transaction: it lands whole or not at all. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const result = await work();
      await this.connection.run('COMMIT');
      return result;
    } catch (error) {
      await this.connection.run('ROLLBACK');
      throw error;
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }

  private async migrate(): Promise<void> {
    await this.connection.run(SCHEMA_DDL);
    await this.run('INSERT INTO replybench_meta VALUES ($key, $value) ON CONFLICT (key) DO NOTHING', {
      key: 'schema_version',
      value: String(SCHEMA_VERSION),
    });
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
