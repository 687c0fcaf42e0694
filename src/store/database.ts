import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../errors.js';
import { SCHEMA_DDL, SCHEMA_VERSION } from './schema.js';
import { SqlSession } from './session.js';
import { upgradeSchema } from './upgrade.js';

export type { SqlParams } from './session.js';

/** One open store: a DuckDB file (or `:memory:`) with the replybench schema in place. */
export class Store extends SqlSession {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    connection: DuckDBConnection,
  ) {
    super(connection);
  }

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
    const { connection } = await SqlSession.on(await instance.connect());
    const store = new Store(path, instance, connection);
    if (!options.readOnly) {
      try {
        await store.migrate();
      } catch (error) {
        store.close();
        throw error;
      }
    }
    return store;
  }

  /** A new connection to the same database, with temporary tables of its own. */
  async session(): Promise<SqlSession> {
    return SqlSession.on(await this.instance.connect());
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

  override close(): void {
    super.close();
    this.instance.closeSync();
  }

  /** Creates the schema in a new store; upgrades one made by an earlier version (which keeps its recorded version until then). */
  private async migrate(): Promise<void> {
    await this.connection.run(SCHEMA_DDL);
    await this.run('INSERT INTO replybench_meta VALUES ($key, $value) ON CONFLICT (key) DO NOTHING', {
      key: 'schema_version',
      value: String(SCHEMA_VERSION),
    });
    await upgradeSchema(this);
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
