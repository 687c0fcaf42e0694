import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { z } from 'zod';
import { closeSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { diskFullError, isDiskFull } from '../disk-full.js';
import { UserError } from '../errors.js';
import { deleteOrphans, findOrphans, orphansRemovedNotice, UnfinishedImport } from './orphans.js';
import { SCHEMA_DDL, SCHEMA_VERSION } from './schema.js';
import { DatabaseHeld, heldBy } from './held.js';
import { spillFolder } from './spill-folder.js';
import { SqlSession } from './session.js';
import { isHeldOpen, ownInstance, sharedReader } from './open-instances.js';
import { SpareRoom } from './spare-room.js';
import { refuseNewerSchema, upgradeSchema } from './upgrade.js';

export type { SqlParams } from './session.js';

export interface StoreOptions {
  readOnly?: boolean;
  /**
   * DuckDB's memory limit ("1GB"; by default 80% of the machine's memory).
   * Beyond it DuckDB works on disk. REPLYBENCH_MEMORY_LIMIT overrides it.
   */
  memoryLimit?: string;
}

/**
 * The memory the commands give DuckDB, measured on a month of 10,000,000 posts
 * (npm run bench -- heavy): an import streams its rows and is as fast within
 * 1 GB (peak 1.2-1.5 GB instead of 3.1 GB); an analysis's joins and sorts run
 * about 15% slower within 2.5 GB (48 s instead of 42 s, peak 3.0-3.4 GB instead
 * of 7.2 GB).
 */
export const IMPORT_MEMORY = '1GB';
export const ANALYSIS_MEMORY = '2.5GB';

const commentRow = z.object({ comment: z.string().nullable() });

/** One open store: a DuckDB file (or `:memory:`) with the replybench schema in place. */
export class Store extends SqlSession {
  /**
   * What opening the store did that the user should hear of, one line each:
   * rows of an import that never committed removed, a schema upgrade and the
   * command that fills its new columns. The CLI prints them on stderr.
   */
  readonly notices: string[] = [];

  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    /** Closes the instance, or leaves a shared read-only one to the other stores reading it (src/store/open-instances.ts). */
    private readonly releaseInstance: () => void,
    connection: DuckDBConnection,
    /** Room held beside a file store open for writing, given back when the disk fills (see SpareRoom). */
    private readonly spare: SpareRoom | null,
  ) {
    super(connection);
  }

  /**
   * Opens (creating if needed) the database at `path`. Every connection runs
   * in UTC so TIMESTAMPTZ text and date parts never depend on the machine.
   */
  static async open(path: string, options: StoreOptions = {}): Promise<Store> {
    const problem = databaseFileProblem(path);
    if (problem) throw new UserError(`${path}: ${problem}; ${DATABASE_HINT}.`);
    if (path !== ':memory:' && !options.readOnly) {
      try {
        mkdirSync(dirname(path), { recursive: true });
      } catch (error) {
        throw new UserError(`${path}: cannot create the database's folder (${errorCode(error)}); choose a path in a folder you can write to.`);
      }
    }
    const memoryLimit = process.env.REPLYBENCH_MEMORY_LIMIT || options.memoryLimit;
    const threads = process.env.REPLYBENCH_THREADS;
    let instance: DuckDBInstance;
    let release: () => void;
    const spill = spillFolder(path);
    try {
      const settings: Record<string, string> = { ...(memoryLimit ? { memory_limit: memoryLimit } : {}), ...(threads ? { threads } : {}), temp_directory: spill.path };
      const opened = options.readOnly && path !== ':memory:' ? await sharedReader(path, settings) : await ownInstance(path, settings);
      instance = opened.instance;
      release = () => {
        opened.release();
        spill.remove();
      };
    } catch (error) {
      spill.remove();
      // DuckDB's refusal of a setting names neither the variable nor the form it takes.
      const given = (
        [
          ['REPLYBENCH_MEMORY_LIMIT', process.env.REPLYBENCH_MEMORY_LIMIT, 'an amount of memory such as 4GB'],
          ['REPLYBENCH_THREADS', threads, 'a number of threads such as 2'],
        ] as const
      ).filter(([, value]) => value);
      if (firstLine(error).includes('Failed to set config') && given.length > 0) {
        const named = given.map(([name, value]) => `${name}="${value}"`).join(' or ');
        throw new UserError(`${named} is not a setting DuckDB takes; give ${given.map(([, , form]) => form).join(' and ')}, or unset ${given.length > 1 ? 'them' : 'it'}.`);
      }
      const held = heldBy(firstLine(error));
      if (held !== null) throw new DatabaseHeld(path, held);
      throw new UserError(`${path}: cannot open the database (${firstLine(error)}). Check the path, or close the program that holds it.`);
    }
    const { connection } = await SqlSession.on(await instance.connect());
    const spare = path === ':memory:' || options.readOnly ? null : new SpareRoom(`${path}.spare`);
    spare?.claim();
    const store = new Store(path, instance, release, connection, spare);
    try {
      if (options.readOnly) await store.refuseUnreadable();
      else {
        await store.migrate();
        await store.removeOrphans();
      }
    } catch (error) {
      store.close();
      throw error;
    }
    return store;
  }

  /** A new connection to the same database, with temporary tables of its own. */
  async session(): Promise<SqlSession> {
    return SqlSession.on(await this.instance.connect());
  }

  /**
   * Lets queryProgress() say how far a running statement is: DuckDB tracks it
   * only with its progress bar on, which must not print.
   */
  async trackQueryProgress(): Promise<void> {
    await this.run('SET enable_progress_bar = true');
    await this.run('SET enable_progress_bar_print = false');
  }

  /** The share done (0..1) of the statement running on this store's connection, or null when DuckDB cannot tell. */
  queryProgress(): number | null {
    const percentage = this.connection.progress.percentage;
    return percentage >= 0 ? percentage / 100 : null;
  }

  /**
   * Runs `work` in one transaction: it lands whole or not at all. The error
   * that stopped the work is the one thrown: after a failed write DuckDB may
   * have ended the transaction itself, and the ROLLBACK's own error ("no
   * transaction is active") would hide the real cause (a full disk).
   */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const result = await work();
      await this.connection.run('COMMIT');
      return result;
    } catch (error) {
      await this.connection.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /**
   * Writes everything committed into the database file itself. DuckDB also
   * does it when the store closes, but a failure there is silent and leaves
   * the data only in the `.wal` beside the file: here it is an error, with
   * the real cause.
   */
  async checkpoint(): Promise<void> {
    const wal = fileSize(`${this.path}.wal`);
    // The spare room is the checkpoint's: a failed checkpoint leaves DuckDB unusable until the store is opened again, so it gets its room first.
    this.spare?.release();
    try {
      await this.connection.run('CHECKPOINT');
    } catch (error) {
      if (!isDiskFull(error)) throw error;
      throw diskFullError(this.path, wal, `free space there and run the command again (until then the new data is only in ${this.path}.wal: keep it beside the database)`);
    } finally {
      this.spare?.claim();
    }
  }

  /**
   * Gives back the room a failed transaction took: a large insert writes its
   * rows into the file before it commits, and after the rollback that space
   * stays in the file. A checkpoint that has something to write trims free
   * blocks from the file's end, and setting the meta table's comment to what
   * it is gives it that something. Best effort: on a full disk it may fail too.
   */
  async reclaimSpace(): Promise<void> {
    if (this.path === ':memory:') return;
    this.spare?.release();
    try {
      const [meta] = await this.rows('comment of replybench_meta', commentRow, "SELECT comment FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'replybench_meta'");
      // With both thresholds at zero the commit checkpoints at once instead of writing to the WAL, for which a full disk has no room.
      await this.run("SET checkpoint_threshold = '0b'");
      await this.run('SET auto_checkpoint_skip_wal_threshold = 0');
      await this.run(`COMMENT ON TABLE replybench_meta IS ${meta?.comment ? `'${meta.comment.replaceAll("'", "''")}'` : 'NULL'}`);
    } catch {
      // The failure that called for it is the one to report.
    } finally {
      await this.run('RESET checkpoint_threshold').catch(() => undefined);
      await this.run('RESET auto_checkpoint_skip_wal_threshold').catch(() => undefined);
      this.spare?.claim();
    }
  }

  override close(): void {
    super.close();
    this.releaseInstance();
    this.spare?.close();
  }

  /** Creates the schema in a new store; upgrades one made by an earlier version (which keeps its recorded version until then). */
  private async migrate(): Promise<void> {
    await this.connection.run(SCHEMA_DDL);
    // Not ON CONFLICT: in DuckDB 1.5 that clause alone costs about 8 ms a statement, paid by every open.
    await this.run('INSERT INTO replybench_meta SELECT $key, $value WHERE NOT EXISTS (SELECT 1 FROM replybench_meta WHERE key = $key)', {
      key: 'schema_version',
      value: String(SCHEMA_VERSION),
    });
    const notice = await upgradeSchema(this);
    if (notice) this.notices.push(notice);
  }

  /** Rows of imports that never committed are removed in one transaction, and said so. */
  private async removeOrphans(): Promise<void> {
    const orphans = await findOrphans(this);
    if (!orphans) return;
    await this.transaction(() => deleteOrphans(this));
    this.notices.push(orphansRemovedNotice(orphans));
  }

  /** A read-only open cannot upgrade or repair: a store made by a newer replybench, or holding rows of an import that never committed, is refused. */
  private async refuseUnreadable(): Promise<void> {
    await refuseNewerSchema(this);
    const orphans = await findOrphans(this);
    if (orphans) throw new UnfinishedImport(this.path, orphans);
  }
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** What to do when a database path is refused. */
export const DATABASE_HINT = 'name a DuckDB file made by replybench (such as replybench.duckdb) or a path that does not exist yet';

/** DuckDB writes its magic bytes "DUCK" at offset 8 of every database file. */
const DUCKDB_MAGIC = Buffer.from('DUCK');

/**
 * Why `path` cannot be opened as a store, or null when it can: a DuckDB
 * file, or a path that does not exist yet. DuckDB itself would open a CSV
 * (or any file it can scan) as an empty in-memory database, so an import
 * into `--db export.csv` would report success and store nothing: the
 * header bytes are checked before DuckDB sees the file.
 */
export function databaseFileProblem(path: string): string | null {
  // A file this process has open as a database is one; reading its first bytes would drop the lock it holds.
  if (path === ':memory:' || isHeldOpen(path)) return null;
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return 'is a folder, not a database file';
    size = stat.size;
  } catch (error) {
    const code = errorCode(error);
    return code === 'ENOENT' ? null : `cannot be read (${code})`;
  }
  if (size === 0) return 'is an empty file, not a DuckDB database';
  const head = Buffer.alloc(16);
  let read = 0;
  try {
    const fd = openSync(path, 'r');
    try {
      read = readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return `cannot be read (${errorCode(error)})`;
  }
  if (read >= 12 && head.subarray(8, 12).equals(DUCKDB_MAGIC)) return null;
  return `is not a DuckDB database (${describeHead(head.subarray(0, read))})`;
}

/** What a file that is not a database seems to be, from its first bytes, so the message says what went wrong. */
function describeHead(head: Buffer): string {
  if (head[0] === 0x50 && head[1] === 0x4b) return 'it is a zip archive or an Excel workbook';
  if (head.subarray(0, 5).toString('latin1') === 'SQLit') return 'it is an SQLite database';
  const text = head.every((byte) => byte === 0x09 || byte === 0x0a || byte === 0x0d || byte >= 0x20);
  return text ? 'it holds text: an export such as a CSV?' : 'it holds other data';
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'error';
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
