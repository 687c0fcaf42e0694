import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { onTestFinished } from 'vitest';
import type { CrashStep } from '../../src/crash-point.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin/replybench.js');
export const SAMPLE = join(ROOT, 'tests/fixtures/ingest/twcs_kaggle_sample.csv');

/**
 * A fresh folder for one test, removed when the test ends. Registered on the
 * test itself: test files share their worker's modules (isolate: false), so
 * an afterEach in this module would run for the first file that loads it only.
 */
export function scratch(): string {
  const folder = mkdtempSync(join(tmpdir(), 'replybench-reliability-'));
  onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  /** Stop the run at this named step (src/crash-point.ts), with SIGKILL unless `signal` says otherwise. */
  crashAt?: CrashStep;
  signal?: 'SIGINT' | 'SIGTERM';
  /** The child's temporary folder (TMPDIR), to see what it leaves there. */
  tmp?: string;
  env?: Record<string, string | undefined>;
}

/** `replybench <args>` as a child process (the built bin: npm test builds first). */
export function cli(args: readonly string[], options: CliOptions = {}): CliRun {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  if (options.crashAt) env.REPLYBENCH_TEST_CRASH_AT = options.crashAt;
  if (options.signal) env.REPLYBENCH_TEST_CRASH_SIGNAL = options.signal;
  if (options.tmp) env.TMPDIR = options.tmp;
  const child = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env, encoding: 'utf8', timeout: 120_000 });
  return { status: child.status, signal: child.signal, stdout: child.stdout, stderr: child.stderr };
}

/** Runs one query on a database file, read-only (DuckDB itself: no replybench check in the way). */
export async function query<Row extends Record<string, unknown>>(path: string, sql: string, readOnly = true): Promise<Row[]> {
  const instance = await DuckDBInstance.create(path, readOnly ? { access_mode: 'READ_ONLY' } : {});
  try {
    const connection = await instance.connect();
    try {
      return (await connection.runAndReadAll(sql)).getRowObjectsJS() as Row[];
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

/** How many posts and import batches a database holds. */
export async function counts(path: string): Promise<{ posts: number; batches: number }> {
  const [row] = await query<{ posts: number; batches: number }>(path, 'SELECT (SELECT count(*) FROM posts)::DOUBLE AS posts, (SELECT count(*) FROM import_batches)::DOUBLE AS batches');
  return row ?? { posts: -1, batches: -1 };
}

/** Entries of a folder whose name starts with `prefix` (temporary folders a run left). */
export function leftovers(folder: string, prefix = 'replybench-'): string[] {
  return existsSync(folder) ? readdirSync(folder).filter((name) => name.startsWith(prefix)) : [];
}

export function sizeOf(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

/** A twcs export of `rows` generated posts (ids from `first`), every one mentioning @AcmeCares in October 2017. */
export function twcsFile(path: string, rows: number, first = 1): string {
  const lines = ['tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id'];
  for (let index = 0; index < rows; index += 1) {
    const day = String(1 + (index % 28)).padStart(2, '0');
    const minute = String(index % 60).padStart(2, '0');
    lines.push(`${first + index},user${index % 997},True,Mon Oct ${day} 10:${minute}:00 +0000 2017,@AcmeCares order ${first + index} has not arrived yet and nobody answers the phone,,`);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}
