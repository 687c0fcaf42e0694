import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { z } from 'zod';
import type { Config } from '../config/types.js';
import { replaceWhole } from '../output-file.js';
import { isRealFolder } from '../paths.js';
import { stableJson } from '../stable-json.js';
import type { Store } from '../store/database.js';
import type { SqlParams } from '../store/session.js';
import type { AnalysisRange } from './build.js';
import type { Period } from './period.js';

/** Analyses kept: the oldest files beyond this many are removed when a new one is written. */
const KEPT_ANALYSES = 24;
/** A cache file larger than this is not read (it is ours, but a folder beside a store is still a file from outside). */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** The folder beside a store that holds its cached analyses. */
export function cacheFolder(databasePath: string): string {
  return `${databasePath}.cache`;
}

/** Removes a store's cached analyses; returns how many there were. */
export function clearCache(databasePath: string): number {
  const folder = cacheFolder(databasePath);
  const count = isRealFolder(folder) ? readdirSync(folder).filter((name) => name.endsWith('.bin')).length : 0;
  rmSync(folder, { recursive: true, force: true });
  return count;
}

const storeStateRow = z.object({ batches: z.number(), posts: z.number(), trail: z.string() });

/**
 * The rows every query of one analysis returned, kept in a file beside the
 * store, so that the same month looked at again (check, metrics, a report in
 * another language) reads them instead of building the analysis again. The
 * file's name is a hash of everything the rows depend on: the store's
 * imports (each batch's file hash and time, the number of posts), the config
 * without its report settings, the period and the analysis's ranges, and the
 * code and queries that compute them. Any import, config edit or upgrade
 * gives another name, so a stale file is never read; old files are removed.
 * Within a file, each query's rows are keyed by the query and its
 * parameters and by every statement the analysis ran before it.
 */
export class AnalysisCache {
  private dirty = false;

  private constructor(
    private readonly folder: string,
    private readonly file: string,
    private readonly entries: Map<string, unknown[]>,
  ) {}

  /** The cache of this analysis, or null for a store in memory or a folder that is not a real one. */
  static async open(store: Store, config: Config, period: Period, range: AnalysisRange, lookbackDays: number): Promise<AnalysisCache | null> {
    if (store.path === ':memory:') return null;
    const folder = cacheFolder(store.path);
    // Missing is fine (it is made when the rows are kept); a link or a file in its place is not followed.
    if (existsSync(folder) && !isRealFolder(folder)) return null;
    const [state] = await store.rows(
      'store state',
      storeStateRow,
      `SELECT count(*)::DOUBLE AS batches, (SELECT count(*) FROM posts)::DOUBLE AS posts,
              coalesce(string_agg(batch_id::VARCHAR || ':' || sha256 || ':' || imported_at::VARCHAR, ',' ORDER BY batch_id), '') AS trail
       FROM import_batches`,
    );
    const { report: _report, baseDir: _baseDir, source: _source, database: _database, ...analysed } = config;
    const key = createHash('sha256')
      .update(
        stableJson({
          code: codeFingerprint(),
          node: process.version,
          store: state,
          // A post changed in place (an UPDATE in DuckDB's own shell, which the store's docs invite) changes no batch
          // nor count, but does change the file or its write-ahead log: their size and time are part of the key.
          files: [store.path, `${store.path}.wal`].map(fileState),
          config: analysed,
          period: [period.label, period.timezone],
          range: [range.start.toISOString(), range.end.toISOString()],
          lookbackDays,
        }),
      )
      .digest('hex')
      .slice(0, 32);
    const file = join(folder, `${period.label}-${key}.bin`);
    return new AnalysisCache(folder, file, readEntries(file));
  }

  /** Kept rows, frozen: every reader gets the same objects, so none may change them. */
  get(key: string): unknown[] | undefined {
    const rows = this.entries.get(key);
    return rows === undefined ? undefined : deepFreeze(rows);
  }

  /** Keeps `rows` (frozen: the caller, and every later reader, gets these very objects). */
  set(key: string, rows: unknown[]): void {
    this.entries.set(key, deepFreeze(rows));
    this.dirty = true;
  }

  /**
   * Writes the rows computed since the file was read, whole or not at all
   * (a temporary file renamed into place). A cache that cannot be written
   * (full disk, read-only folder) is left unwritten: the numbers were computed,
   * and the next run computes them again.
   */
  save(): void {
    if (!this.dirty) return;
    try {
      mkdirSync(this.folder, { recursive: true });
      // Another process may have added rows of the same analysis meanwhile: keep both.
      const merged = new Map([...readEntries(this.file), ...this.entries]);
      replaceWhole(this.file, serialize(merged));
      this.dirty = false;
      removeOldest(this.folder);
    } catch {
      // Not kept (a full disk): computed again next time.
    }
  }
}

/** A file's size and modification time, or null when it does not exist. */
function fileState(path: string): string | null {
  try {
    const stats = statSync(path);
    return `${stats.size}:${stats.mtimeMs}`;
  } catch {
    return null;
  }
}

/** The key of one statement of an analysis: what ran before it, the statement (query file or text) and its parameters. */
export function stepKey(before: string, statement: string, params: SqlParams): string {
  return createHash('sha256').update(before).update('\n').update(statement).update('\n').update(stableJson(params)).digest('hex');
}

function readEntries(file: string): Map<string, unknown[]> {
  try {
    if (statSync(file).size > MAX_FILE_BYTES) return new Map();
    const value: unknown = deserialize(readFileSync(file));
    return value instanceof Map ? (value as Map<string, unknown[]>) : new Map();
  } catch {
    // Missing, cut short or written by another Node: computed again.
    return new Map();
  }
}

function removeOldest(folder: string): void {
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.bin'))
    .map((name) => ({ path: join(folder, name), at: statSync(join(folder, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { path } of files.slice(KEPT_ANALYSES)) rmSync(path, { force: true });
}

let fingerprint: string | null = null;

/**
 * The size and time of every file of the running code and its queries: an
 * upgrade or a rebuild changes it, so rows computed by other code are not read.
 */
function codeFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const hash = createHash('sha256');
  for (const root of ['../', '../../queries/']) {
    const folder = fileURLToPath(new URL(root, import.meta.url));
    for (const name of (readdirSync(folder, { recursive: true }) as string[]).sort()) {
      const stats = statSync(join(folder, name));
      if (stats.isFile()) hash.update(`${name}\t${stats.size}\t${stats.mtimeMs}\n`);
    }
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
